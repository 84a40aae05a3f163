import { mapCsv, parseCsv } from "../core/csv.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

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

/**
 * One country-year of the countrycode panel (1776-2024): which codes each scheme gives
 * the country that year (null when the scheme does not list it then). Only empty cells
 * are missing. Not used by the crosswalk, which follows the isard state panel; kept for
 * cross-checks.
 */
export interface CountrycodePanelRow {
  /** English short name (countrycode `country.name.en`). */
  readonly countryName: string;
  /** Calendar year. */
  readonly year: number;
  /** COW abbreviation. */
  readonly cowc: string | null;
  /** COW numeric code. */
  readonly cown: number | null;
  /** ISO 3166-1 alpha-3. */
  readonly iso3c: string | null;
  /** ISO 3166-1 numeric. */
  readonly iso3n: number | null;
  /** Gleditsch-Ward abbreviation. */
  readonly gwc: string | null;
  /** Gleditsch-Ward numeric code. */
  readonly gwn: number | null;
  /** Polity V abbreviation. */
  readonly p5c: string | null;
  /** Polity V numeric code. */
  readonly p5n: number | null;
  /** V-Dem country id. */
  readonly vdem: number | null;
  /** World Bank code. */
  readonly wb: string | null;
  readonly continent: string | null;
  /** World Bank region. */
  readonly region: string | null;
}

const COLUMNS = ["country.name.en", "year", "cowc", "cown", "iso3c", "iso3n", "gwc", "gwn", "p5c", "p5n", "vdem", "wb", "continent", "region"];

/** Parse the text of `states/countrycode_codelist_panel.csv` (pure; errors name file, line, column). */
export function parseCountrycodePanel(text: string, name = countrycodePanelSource.file): CountrycodePanelRow[] {
  const table = parseCsv(text, { name, required: COLUMNS, na: [""] });
  return mapCsv(table, (r) => ({
    countryName: r.reqStr("country.name.en"),
    year: r.reqInt("year"),
    cowc: r.str("cowc"),
    cown: r.int("cown"),
    iso3c: r.str("iso3c"),
    iso3n: r.int("iso3n"),
    gwc: r.str("gwc"),
    gwn: r.int("gwn"),
    p5c: r.str("p5c"),
    p5n: r.int("p5n"),
    vdem: r.int("vdem"),
    wb: r.str("wb"),
    continent: r.str("continent"),
    region: r.str("region"),
  }));
}

/** Read the countrycode panel after verifying its SHA-256. */
export function readCountrycodePanel(dataDir: string): CountrycodePanelRow[] {
  return parseCountrycodePanel(readVerified(dataDir, countrycodePanelSource).toString("utf8"));
}
