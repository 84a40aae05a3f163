import type { SourceDef } from "./source.js";

/** Correlates of War state system membership list v2016 (entry/exit dates) */
export const cowStatesSource: SourceDef = {
  id: "cow_states",
  file: "states/cow_states_v2016.csv",
  sha256: "e3c5cae0e12ec4e3efec2198f29af3b3411f7667cf5e1785c0131bca3bd799f5",
  bytes: 11595,
  url: null,
  what: "Correlates of War state system membership list v2016 (entry/exit dates)",
  citation: "Correlates of War Project. 2017. State System Membership List, v2016. Miller, Steven V. 2022. peacesciencer: An R Package for Quantitative Peace Science Research. Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2 package",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
