import type { SourceDef } from "./source.js";

/** contributor x mission x month personnel by type and sex (M/F/T); 2009-11 to 2014-02; no host column (join on Mission) */
export const ipiTccGenderSource: SourceDef = {
  id: "ipi_tcc_gender",
  file: "pko/ipi_tcc_gender_2009-11_2014-02.csv",
  sha256: "f923a2f0b1b0378aeff640d649d797047f411e95e54929f69fce26ea8b46d0cf",
  bytes: 2274342,
  url: "https://raw.githubusercontent.com/IPIDataLab/TCC-DataScraper/544bafde51c2e809b707d50248c53b61e68d90db/tcc_files/Gender.Full.csv",
  what: "contributor x mission x month personnel by type and sex (M/F/T); 2009-11 to 2014-02; no host column (join on Mission)",
  citation: "Perry, Chris and Adam C. Smith. 2013. Trends in Uniformed Contributions to UN Peacekeeping: A New Dataset, 1991-2012. Providing for Peacekeeping No. 3. International Peace Institute.",
  license: "none stated",
};
