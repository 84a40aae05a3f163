import { mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** CSV copy of geopko_raw from geopko_dashboard.RData (Geo-PKO, deployment locations 1994-2020). */
export const geopkoLocationsSource: SourceDef = {
  id: "geopko_locations",
  file: "pko/geopko_raw.csv",
  sha256: "709dd7fe3642150c63a269631734cb93e6a3e65ad3545998c46232d821da6c32",
  bytes: 12255086,
  url: null,
  what: "CSV copy of geopko_raw from geopko_dashboard.RData: one row per mission x map (year, month) x deployment location, with country, coordinates, no.troops, no.tcc, nameoftcc_1..17, notroopspertcc_1..17, tcc1..17 (COW codes), unit types, hq flag",
  citation: "Cil, Deniz, Hanne Fjelde, Lisa Hultman and Desirée Nilsson. 2020. Mapping blue helmets: Introducing the Geocoded Peacekeeping Operations (Geo-PKO) dataset. Journal of Peace Research 57(2): 360-370.",
  license: "none stated for the data (repo code GPL-2.0); cite the JPR article",
  derived: "object geopko_raw of the .RData written with R 4.2 load() and write.csv(row.names=FALSE, na='', fileEncoding='UTF-8'); values unchanged",
};

/** One contributor at a Geo-PKO location (`nameoftcc_k`, `notroopspertcc_k`, `tcck`). */
export interface GeopkoContributor {
  /** Name as written (`Bangladesh`), or null where the map names none (`unknown`). */
  readonly name: string | null;
  /** Estimated troops of this contributor at the location; null where the file has `unknown` or `NA`. */
  readonly troops: number | null;
  /** COW code (`tcck`); null where the file has none. */
  readonly cow: number | null;
}

/**
 * One deployment location of a UN mission on one UN deployment map (Geo-PKO).
 * Troop numbers are estimates from the units drawn on the map (standard unit sizes), not
 * head-counts; police and observers are flagged (`police`, `observers`) but not counted.
 */
export interface GeopkoLocationRow {
  /** The map, e.g. `Map no. 2916 Rev. 100`. */
  readonly map: string;
  /** Mission acronym as written, e.g. `UNDOF`, `UNAVEM III`. */
  readonly mission: string;
  readonly year: number;
  /** 1-12: the map's month. */
  readonly month: number;
  readonly location: string;
  /**
   * Country of the location, as written: current names (`North Macedonia`, `Timor-Leste`,
   * `Montenegro` for a location that was in Yugoslavia then), `DRC`, `Ivory Coast`,
   * `Western Sahara`, and `Ethiopia/Eritrea` for 8 UNMEE border locations.
   */
  readonly country: string;
  /** The file's `cow_code`: one code, or two for `Ethiopia/Eritrea` (`531,530`). Current codes, as `country`. */
  readonly countryCow: readonly number[];
  /** Decimal degrees; null for the one row without coordinates. */
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** Estimated troops at the location (`no.troops`); null where the file has `unknown` (502 rows). */
  readonly troops: number | null;
  /** Number of troop contributors at the location (`no.tcc`). */
  readonly contributorCount: number;
  /** The contributors listed (`nameoftcc_k` not NA), in file order. */
  readonly contributors: readonly GeopkoContributor[];
  /** The file's `hq` code as given: 0 for no headquarters, 1-3 for Geo-PKO's headquarters levels (1 = mission HQ). */
  readonly hq: number;
  /** UN police present (`unpol.dummy`). */
  readonly police: boolean;
  /** UN military observers present (`unmo.dummy`). */
  readonly observers: boolean;
  /** Line in the source file (header = line 1). */
  readonly line: number;
}

/** Tokens read as missing; `unknown` (once `Unknown`) marks a troop number the map does not give. */
const GEOPKO_NA = ["", "NA", "unknown", "Unknown"];
const MAX_TCC = 17;
const GEOPKO_COLUMNS = [
  "source", "mission", "year", "month", "location", "country", "latitude", "longitude", "no.troops", "no.tcc",
  "hq", "unpol.dummy", "unmo.dummy", "cow_code",
  ...Array.from({ length: MAX_TCC }, (_, k) => [`nameoftcc_${k + 1}`, `notroopspertcc_${k + 1}`, `tcc${k + 1}`]).flat(),
];

/**
 * Parse the Geo-PKO CSV text. A year outside 1990-2030, a month outside 1-12, a negative
 * troop number, coordinates out of range or a dummy other than 0/1 is a DataError naming
 * file, line and column. Rows are not unique by (mission, map, location): 275 locations
 * appear twice on a map (e.g. `unnamed location`), and some months have two revisions
 * of a map (`Rev. 5` and `Rev. 05`); both are kept as written.
 */
export function parseGeopko(text: string, name = geopkoLocationsSource.file): GeopkoLocationRow[] {
  return geopkoRows(parseCsv(text, { name, required: GEOPKO_COLUMNS, na: GEOPKO_NA }));
}

/** Read `pko/geopko_raw.csv` from the data directory (SHA-256 verified). */
export function readGeopko(dataDir: string): GeopkoLocationRow[] {
  return geopkoRows(readSourceCsv(dataDir, geopkoLocationsSource, { required: GEOPKO_COLUMNS, na: GEOPKO_NA }));
}

/** Contributor k's name, troops and COW code columns, k = 1..MAX_TCC, built once (not per row). */
const TCC_COLUMNS = Array.from({ length: MAX_TCC }, (_, i) => [`nameoftcc_${i + 1}`, `notroopspertcc_${i + 1}`, `tcc${i + 1}`] as const);

function geopkoRows(table: CsvTable): GeopkoLocationRow[] {
  return mapCsv(table, (row) => {
    const year = row.reqInt("year");
    if (year < 1990 || year > 2030) throw row.error("year", "a year 1990-2030", quote(row.raw("year")));
    const month = row.reqInt("month");
    if (month < 1 || month > 12) throw row.error("month", "a month 1-12", quote(row.raw("month")));
    const latitude = row.num("latitude");
    const longitude = row.num("longitude");
    if (latitude !== null && Math.abs(latitude) > 90) throw row.error("latitude", "a latitude within +-90", quote(row.raw("latitude")));
    if (longitude !== null && Math.abs(longitude) > 180) throw row.error("longitude", "a longitude within +-180", quote(row.raw("longitude")));
    const cowText = row.reqStr("cow_code");
    if (!/^\d+(,\d+)*$/.test(cowText)) throw row.error("cow_code", "a COW code or codes joined by commas", quote(cowText));
    const contributors: GeopkoContributor[] = [];
    for (const [nameCol, troopsCol, cowCol] of TCC_COLUMNS) {
      const nameK = row.raw(nameCol)!.trim();
      if (nameK === "NA" || nameK === "") continue;
      contributors.push({
        name: nameK === "unknown" ? null : nameK,
        troops: count(row, troopsCol),
        cow: row.int(cowCol),
      });
    }
    return {
      map: row.reqStr("source"),
      mission: row.reqStr("mission"),
      year,
      month,
      location: row.reqStr("location"),
      country: row.reqStr("country"),
      countryCow: cowText.split(",").map(Number),
      latitude,
      longitude,
      troops: count(row, "no.troops"),
      contributorCount: row.reqInt("no.tcc"),
      contributors,
      hq: hqCode(row),
      police: dummy(row, "unpol.dummy"),
      observers: dummy(row, "unmo.dummy"),
      line: row.line,
    };
  });
}

function count(row: CsvRow, col: string): number | null {
  const v = row.num(col);
  if (v !== null && v < 0) throw row.error(col, "a number >= 0", quote(row.raw(col)));
  return v;
}

function dummy(row: CsvRow, col: string): boolean {
  const v = row.int(col);
  if (v !== null && v !== 0 && v !== 1) throw row.error(col, "0 or 1", quote(row.raw(col)));
  return v === 1;
}

function hqCode(row: CsvRow): number {
  const v = row.reqInt("hq");
  if (v < 0 || v > 3) throw row.error("hq", "a headquarters code 0-3", quote(row.raw("hq")));
  return v;
}
