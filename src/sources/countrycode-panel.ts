import type { SourceDef } from "./source.js";

/** year-by-year country code panel 1776-2024 */
export const countrycodePanelSource: SourceDef = {
  id: "countrycode_panel",
  file: "states/countrycode_codelist_panel.csv",
  sha256: "11d991fad16d66a322b4b8d9c94849e56a4db3e975dbe8fd58fc190e5cb90d29",
  bytes: 2552749,
  url: null,
  what: "year-by-year country code panel 1776-2024",
  citation: "Arel-Bundock, Vincent, Nils Enevoldsen and CJ Yetman. 2018. countrycode: An R package to convert country names and country codes. Journal of Open Source Software 3(28): 848.",
  license: "GPL-3",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged; column subset: country.name.en, year, cowc, cown, iso3c, iso3n, gwc, gwn, p5c, p5n, vdem, wb, continent, region",
};
