import type { SourceDef } from "./source.js";

/** UN peacekeeping mission-month personnel, host COW code and second host code; 1990-2019; -999 = missing; no contributor counts */
export const kathmanMissionMonthSource: SourceDef = {
  id: "kathman_mission_month",
  file: "pko/kathman_mission_month_12-2019.xlsx",
  sha256: "e139e8faa3c853980ef76ead95f7190f07df2233121f76d76bedda97981d8681",
  bytes: 305441,
  url: "https://raw.githubusercontent.com/Brian-Lookabaugh/humanitarian-intervention-msm/cae9ea092f0f01f3d139a6c4ff8c1028ee3804ef/Data/mission-month_12-2019_kathman.xlsx",
  what: "UN peacekeeping mission-month personnel, host COW code and second host code; 1990-2019; -999 = missing; no contributor counts",
  citation: "Kathman, Jacob D. 2013. United Nations Peacekeeping Personnel Commitments, 1990-2011. Conflict Management and Peace Science 30(5): 532-549.",
  license: "none stated",
};
