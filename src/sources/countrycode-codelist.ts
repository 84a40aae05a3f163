import { mapCsv, parseCsv } from "../core/csv.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

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

/**
 * One country of the countrycode code list (static, not year-aware). Only empty cells are
 * missing: the literal `NA` is Namibia's ISO-2 code. The list has no ISO-3 for COW 260,
 * 265, 315, 345, 347, 678, 680 and 817 (see docs/country-codes.md for the rules used).
 */
export interface CountrycodeCodelistRow {
  /** English short name (countrycode `country.name.en`), unique. */
  readonly countryName: string;
  /** COW state name. */
  readonly cowName: string | null;
  /** COW abbreviation, e.g. `GMY`. */
  readonly cowc: string | null;
  /** COW numeric code. */
  readonly cown: number | null;
  /** ISO 3166-1 alpha-3. */
  readonly iso3c: string | null;
  /** ISO 3166-1 numeric. */
  readonly iso3n: number | null;
  /** ISO 3166-1 alpha-2 (Namibia is the string `NA`). */
  readonly iso2c: string | null;
  /** Gleditsch-Ward abbreviation. */
  readonly gwc: string | null;
  /** Gleditsch-Ward numeric code. */
  readonly gwn: number | null;
  /** Polity V abbreviation. */
  readonly p5c: string | null;
  /** Polity V numeric code. */
  readonly p5n: number | null;
  /** Polity IV abbreviation. */
  readonly p4c: string | null;
  /** Polity IV numeric code. */
  readonly p4n: number | null;
  /** V-Dem country id. */
  readonly vdem: number | null;
  /** V-Dem country name. */
  readonly vdemName: string | null;
  /** World Bank code (Kosovo `XKX`, Channel Islands `CHI`, ...). */
  readonly wb: string | null;
  /** UN M49 numeric code. */
  readonly un: number | null;
  readonly continent: string | null;
  /** World Bank region. */
  readonly region: string | null;
  /** UN 23-region scheme. */
  readonly region23: string | null;
}

const COLUMNS = [
  "country.name.en", "cow.name", "cowc", "cown", "iso3c", "iso3n", "iso2c", "gwc", "gwn", "p5c", "p5n",
  "p4c", "p4n", "vdem", "vdem.name", "wb", "un", "continent", "region", "region23",
];

/** Parse the text of `states/countrycode_codelist.csv` (pure; errors name file, line, column). */
export function parseCountrycodeCodelist(text: string, name = countrycodeCodelistSource.file): CountrycodeCodelistRow[] {
  const table = parseCsv(text, { name, required: COLUMNS, na: [""] });
  return mapCsv(table, (r) => ({
    countryName: r.reqStr("country.name.en"),
    cowName: r.str("cow.name"),
    cowc: r.str("cowc"),
    cown: r.int("cown"),
    iso3c: r.str("iso3c"),
    iso3n: r.int("iso3n"),
    iso2c: r.str("iso2c"),
    gwc: r.str("gwc"),
    gwn: r.int("gwn"),
    p5c: r.str("p5c"),
    p5n: r.int("p5n"),
    p4c: r.str("p4c"),
    p4n: r.int("p4n"),
    vdem: r.int("vdem"),
    vdemName: r.str("vdem.name"),
    wb: r.str("wb"),
    un: r.int("un"),
    continent: r.str("continent"),
    region: r.str("region"),
    region23: r.str("region23"),
  }));
}

/** Read the countrycode code list after verifying its SHA-256. */
export function readCountrycodeCodelist(dataDir: string): CountrycodeCodelistRow[] {
  return parseCountrycodeCodelist(readVerified(dataDir, countrycodeCodelistSource).toString("utf8"));
}
