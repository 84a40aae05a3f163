import type { SourceDef } from "./source.js";

/** Gleditsch-Ward system membership incl. microstates */
export const gwSystemSource: SourceDef = {
  id: "gw_system",
  file: "states/isard_gw_system.csv",
  sha256: "9dbdc7e176ff7555fdaf218a20c588c13b310583848fe4f7324a8d78a87802af",
  bytes: 11363,
  url: null,
  what: "Gleditsch-Ward system membership incl. microstates",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
