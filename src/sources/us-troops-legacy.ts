import type { SourceDef } from "./source.js";

/** US active-duty troops by host country x year 1950-2023 (Kane, then DMDC); COW codes (Germany 260 to 1990; Kosovo under 345 until 2008) */
export const usTroopsLegacySource: SourceDef = {
  id: "us_troops_legacy",
  file: "us_troops/troopdata_legacy_country_year.csv",
  sha256: "e4bf988cdc6a9ed361f0238059cbcacff08e6c87bee447a4b841a17d9e27a45b",
  bytes: 948386,
  url: "https://raw.githubusercontent.com/meflynn/troopdata/bcb9146335d49b9a870d97fa0476d548ed554c25/data-raw/troopdata.csv",
  what: "US active-duty troops by host country x year 1950-2023 (Kane, then DMDC); COW codes (Germany 260 to 1990; Kosovo under 345 until 2008)",
  citation: "Allen, Michael A., Michael E. Flynn and Carla Martinez Machain. 2022. Global U.S. military deployment data: 1950-2020. Conflict Management and Peace Science 39(3): 351-370. Kane, Tim. 2004/2006. Global U.S. Troop Deployment. Heritage Foundation.",
  license: "GPL (>=3) package; figures are US government works",
};
