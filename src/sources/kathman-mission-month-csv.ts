import type { SourceDef } from "./source.js";

/** CSV copy of the single sheet of kathman_mission_month_12-2019.xlsx */
export const kathmanMissionMonthCsvSource: SourceDef = {
  id: "kathman_mission_month_csv",
  file: "pko/kathman_mission_month_12-2019.csv",
  sha256: "cf4f4b47e7140602fc32ffc0e4038d1fcfeb4a96a00785540b270a2f62644565",
  bytes: 358212,
  url: null,
  what: "CSV copy of the single sheet of kathman_mission_month_12-2019.xlsx",
  citation: "Kathman, Jacob D. 2013. United Nations Peacekeeping Personnel Commitments, 1990-2011. Conflict Management and Peace Science 30(5): 532-549.",
  license: "none stated",
  derived: "sheet 1 of the xlsx written as CSV; values unchanged",
};
