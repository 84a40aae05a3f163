import type { SourceDef } from "./source.js";

/** US troops by host x report quarter 1950-2025 (rebuild series: active duty by branch; guard/reserve and civilians from 2008). Quirks: Germany 255 in all years; Kosovo 1999-2007 under 347; 571 labelled Swaziland is Botswana; codes >= 1000 are territories. Taken from commit bab0a9c because the 2026-04-14 version double-counts several hosts */
export const usTroopsRebuildSource: SourceDef = {
  id: "us_troops_rebuild",
  file: "us_troops/troopdata_rebuild_country_quarter.csv",
  sha256: "bc2557cfac7caa8c851f3d007b9dfd0a8c1f56769b6889d2aeb7a27d311961cb",
  bytes: 2555755,
  url: null,
  what: "US troops by host x report quarter 1950-2025 (rebuild series: active duty by branch; guard/reserve and civilians from 2008). Quirks: Germany 255 in all years; Kosovo 1999-2007 under 347; 571 labelled Swaziland is Botswana; codes >= 1000 are territories. Taken from commit bab0a9c because the 2026-04-14 version double-counts several hosts",
  citation: "Allen, Michael A., Michael E. Flynn and Carla Martinez Machain. 2022. Global U.S. military deployment data: 1950-2020. Conflict Management and Peace Science 39(3): 351-370.",
  license: "GPL (>=3) package; figures are US government works",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
