import type { SourceDef } from "./source.js";

/** Maddison Project Database 2023: ISO3 x year, GDP per capita (2011 PPP) and population (thousands), filtered to 1946+ */
export const maddisonSource: SourceDef = {
  id: "maddison",
  file: "controls/maddison2023_gdppc_pop.csv",
  sha256: "0355d9a417c4d1405a648f1e8cdd8fb412551f5f19a8ccf2d905a05c2eeecafb",
  bytes: 365784,
  url: null,
  what: "Maddison Project Database 2023: ISO3 x year, GDP per capita (2011 PPP) and population (thousands), filtered to 1946+",
  citation: "Bolt, Jutta and Jan Luiten van Zanden. 2024. Maddison style estimates of the evolution of the world economy: A new 2023 update. Journal of Economic Surveys.",
  license: "CC BY 4.0 (data)",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged; rows with year >= 1946",
};
