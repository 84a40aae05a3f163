import type { SourceDef } from "./source.js";

/** World Bank GDP in current US$ (NY.GDP.MKTP.CD), country/aggregate x year 1960-2023 */
export const wdiGdpSource: SourceDef = {
  id: "wdi_gdp",
  file: "controls/wdi_gdp_current_usd.csv",
  sha256: "f0a8408195646dbb1a9d7fc4424e2d302ee5380d0ec8834793f12ca25cbd7e2c",
  bytes: 576746,
  url: "https://raw.githubusercontent.com/datasets/gdp/1cdcd2eb2364edd9da24bcbe134c1a9e0fb4c693/data/gdp.csv",
  what: "World Bank GDP in current US$ (NY.GDP.MKTP.CD), country/aggregate x year 1960-2023",
  citation: "World Bank, World Development Indicators.",
  license: "CC BY 4.0 (data); ODC-PDDL (packaging)",
};
