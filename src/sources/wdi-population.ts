import type { SourceDef } from "./source.js";

/** World Bank population (SP.POP.TOTL), country/aggregate x year 1960-2024 */
export const wdiPopulationSource: SourceDef = {
  id: "wdi_population",
  file: "controls/wdi_population.csv",
  sha256: "7d2dd6a17f5ed7916de1f89a9c116791e64d207f2e2f6ce47c57e1ab46f0088a",
  bytes: 552112,
  url: "https://raw.githubusercontent.com/datasets/population/425fc447a53a26c767a15a7de60c4cc2478a0595/data/population.csv",
  what: "World Bank population (SP.POP.TOTL), country/aggregate x year 1960-2024",
  citation: "World Bank, World Development Indicators.",
  license: "CC BY 4.0 (data); ODC-PDDL (packaging)",
};
