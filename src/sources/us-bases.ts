import type { SourceDef } from "./source.js";

/** US military bases and sites with coordinates (not a time series) */
export const usBasesSource: SourceDef = {
  id: "us_bases",
  file: "us_troops/troopdata_basedata.csv",
  sha256: "3a67e6ecad284cbc01f2f4af47c8741831c51b16227d9d9b3723388a9cb013a2",
  bytes: 27789,
  url: null,
  what: "US military bases and sites with coordinates (not a time series)",
  citation: "Allen, Michael A., Michael E. Flynn and Carla Martinez Machain. 2022. Global U.S. military deployment data: 1950-2020. Conflict Management and Peace Science 39(3): 351-370.",
  license: "GPL (>=3)",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};
