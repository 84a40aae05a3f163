import type { SourceDef } from "./source.js";

/** country code crosswalk (name, COW, ISO3/ISO3N/ISO2, GW, Polity, V-Dem, World Bank, UN, continent, region); no ISO3 for COW 260, 265, 315, 345, 347, 678, 680, 817 */
export const countrycodeCodelistSource: SourceDef = {
  id: "countrycode_codelist",
  file: "states/countrycode_codelist.csv",
  sha256: "9f1f7add6462281892c6f602a340ca50031efd780f31d656ec398cf6cbe61683",
  bytes: 37526,
  url: null,
  what: "country code crosswalk (name, COW, ISO3/ISO3N/ISO2, GW, Polity, V-Dem, World Bank, UN, continent, region); no ISO3 for COW 260, 265, 315, 345, 347, 678, 680, 817",
  citation: "Arel-Bundock, Vincent, Nils Enevoldsen and CJ Yetman. 2018. countrycode: An R package to convert country names and country codes. Journal of Open Source Software 3(28): 848.",
  license: "GPL-3",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged; column subset: country.name.en, cow.name, cowc, cown, iso3c, iso3n, iso2c, gwc, gwn, p5c, p5n, p4c, p4n, vdem, vdem.name, wb, un, continent, region, region23",
};
