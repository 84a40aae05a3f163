import type { SourceDef } from "./source.js";

/** COW National Material Capabilities v7 (abridged): milex, milper, irst, pec, tpop (thousands), upop, cinc; -9 recoded to empty */
export const cowNmcSource: SourceDef = {
  id: "cow_nmc",
  file: "controls/cow_nmc_v7.csv",
  sha256: "45610502002144a7c02c0f9b379cdd4c9b099b54f791f88b628160503e168b68",
  bytes: 811953,
  url: null,
  what: "COW National Material Capabilities v7 (abridged): milex, milper, irst, pec, tpop (thousands), upop, cinc; -9 recoded to empty",
  citation: "Singer, Bremer and Stuckey 1972; Singer 1987. Miller, Steven V. 2022. peacesciencer: An R Package for Quantitative Peace Science Research. Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2 package",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
