import type { SourceDef } from "./source.js";

/**
 * The Geo-PKO dashboard's R workspace, as published. The program reads its CSV copy
 * ({@link geopkoLocationsSource}); this file is registered so that `pkt data verify` and
 * `pkt data fetch` cover the parent the CSV was derived from.
 */
export const geopkoRdataSource: SourceDef = {
  id: "geopko_dashboard_rdata",
  file: "pko/geopko_dashboard.RData",
  sha256: "05daf2dfa3d8844c1a474cc345004e02f701e46d06b7d0992cc87a397e73dcdc",
  bytes: 3894974,
  url: "https://raw.githubusercontent.com/geopko/Geo-PKO-Shiny-Dashboard/b6ba64e913461c8b5b9688307afdfcadbaa64162/.RData",
  what: "R workspace of the Geo-PKO dashboard; object geopko_raw is the Geo-PKO dataset (deployment locations from UN deployment maps, 1994-2020, 52 missions) with troops per location and up to 17 contributors per location with their troop numbers and COW codes",
  citation: "Cil, Deniz, Hanne Fjelde, Lisa Hultman and Desirée Nilsson. 2020. Mapping blue helmets: Introducing the Geocoded Peacekeeping Operations (Geo-PKO) dataset. Journal of Peace Research 57(2): 360-370.",
  license: "none stated for the data (repo code GPL-2.0); cite the JPR article",
};
