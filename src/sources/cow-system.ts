import type { SourceDef } from "./source.js";

/** COW system membership (entry/exit), extended to 2025 */
export const cowSystemSource: SourceDef = {
  id: "cow_system",
  file: "states/isard_cw_system.csv",
  sha256: "046f1072d01b245be1cc49b4449507359511d0caa9a4699ab67bbc8a21a4df49",
  bytes: 10673,
  url: null,
  what: "COW system membership (entry/exit), extended to 2025",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
