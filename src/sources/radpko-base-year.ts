import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** Africa only, mission base x year, 1999-2019: coordinates, UN troops/police/observers, contributors present ('|' list) and per-contributor columns */
export const radpkoBaseYearSource: SourceDef = {
  id: "radpko_base_year",
  file: "pko/radpko_bases_cc_y.csv",
  sha256: "31e70e4caf0a886b6ac0269a6f351a0fd425672edc5d274cea9bd4e2061fe4e3",
  bytes: 2991092,
  url: "https://raw.githubusercontent.com/dapp-lab/radpko-shiny/27e5d4d8ed89a2e24d47d9a1ba2c047f6c117cb5/app/radpko_bases_cc_y.csv",
  what: "Africa only, mission base x year, 1999-2019: coordinates, UN troops/police/observers, contributors present ('|' list) and per-contributor columns",
  citation: "Hunnicutt, Patrick and William G. Nomikos. 2020. Nationality, Gender, and Deployments at the Local Level: Introducing the RADPKO Dataset. International Peacekeeping 27(4).",
  license: "none stated",
};

/**
 * RADPKO personnel of one regional group of contributors at a base (persons, yearly
 * means, fractional). `NaN` in the file (4 rows) is read as null.
 */
export interface RadpkoGroup {
  /** All personnel (`*_pko`). */
  readonly total: number | null;
  readonly troops: number | null;
  readonly police: number | null;
  readonly observers: number | null;
}

/**
 * One UN mission base in one year in Africa (RADPKO, 13 missions, 1999-2019).
 * Personnel figures are yearly means of RADPKO's monthly base-level figures, so they are
 * fractional persons; they are kept as given and are not additive across columns (the
 * regional groups do not always sum to `personnel`). The per-contributor columns
 * (`bangladesh_untrp`, ...) are not read; `contributors` lists who was present.
 */
export interface RadpkoRow {
  /** Mission acronym, e.g. `UNMIL`. */
  readonly mission: string;
  /** Host country name as written, e.g. `Democratic Republic of Congo`. */
  readonly country: string;
  /** Base (place) name, lower case as given; null for the 3 rows with none (ONUB 2005, 2006; UNMISS 2014). */
  readonly base: string | null;
  /** Calendar year. */
  readonly year: number;
  /** The file's `date` (`YYYY-MM-DD`, first day of a month of that year; the first month the base is recorded). */
  readonly date: string;
  /** Base latitude, decimal degrees north; null where the file has `NaN` (3 rows). */
  readonly latitude: number | null;
  /** Base longitude, decimal degrees east; null where the file has `NaN` (3 rows). */
  readonly longitude: number | null;
  /** All UN uniformed personnel at the base (`pko_deployed`, persons, yearly mean). */
  readonly personnel: number;
  /**
   * `mltipko_deployed` as given (persons, yearly mean); by its name, personnel in months when more
   * than one contributor was at the base. Not documented in the file; 0 in 1491 rows.
   */
  readonly multiMissionPersonnel: number;
  /** Mean number of contributing countries present (`contributing_countries`, fractional). */
  readonly contributorCount: number;
  /** Troops (`untrp`, persons, yearly mean). */
  readonly troops: number;
  /** Police (`unpol`, persons, yearly mean). */
  readonly police: number;
  /** Military observers (`unmob`, persons, yearly mean). */
  readonly observers: number;
  /** Female troops (`f_untrp`, persons, yearly mean). */
  readonly femaleTroops: number;
  /** Female police (`f_unpol`). */
  readonly femalePolice: number;
  /** Female observers (`f_unmob`). */
  readonly femaleObservers: number;
  /** Personnel from African contributors (`afr_*`). */
  readonly african: RadpkoGroup;
  /** Personnel from Asian contributors (`asian_*`). */
  readonly asian: RadpkoGroup;
  /** Personnel from Western contributors (`west_*`). */
  readonly western: RadpkoGroup;
  /**
   * Contributors present during the year (`cc_present`, split on `|`), RADPKO's lower-case
   * names as written (`sierra leone`, `cote d'ivoire`). The file's `0` (no contributor identified
   * in some month) is dropped, so the list may be empty while `personnel` > 0.
   */
  readonly contributors: readonly string[];
  /** Line in the source file (header = line 1). */
  readonly line: number;
}

/** Missing-value tokens: R wrote `NaN` where a mean had no months. */
const RADPKO_NA = ["", "NA", "NaN"];

const GROUPS = [["african", "afr"], ["asian", "asian"], ["western", "west"]] as const;

const RADPKO_COLUMNS = [
  "mission", "country", "base", "date", "year", "latitude", "longitude", "pko_deployed", "mltipko_deployed",
  "contributing_countries", "untrp", "unpol", "unmob", "f_untrp", "f_unpol", "f_unmob",
  ...GROUPS.flatMap(([, p]) => [`${p}_pko`, `${p}_untrp`, `${p}_unpol`, `${p}_unmob`]), "cc_present",
];

/**
 * Parse the RADPKO base-year CSV text. A repeated (mission, base, year), a date outside
 * its year, coordinates out of range or a negative count is a DataError naming file,
 * line and column.
 */
export function parseRadpko(text: string, name = radpkoBaseYearSource.file): RadpkoRow[] {
  return radpkoRows(parseCsv(text, { name, required: RADPKO_COLUMNS, na: RADPKO_NA }));
}

/** Read `pko/radpko_bases_cc_y.csv` from the data directory (SHA-256 verified). */
export function readRadpko(dataDir: string): RadpkoRow[] {
  return radpkoRows(readSourceCsv(dataDir, radpkoBaseYearSource, { required: RADPKO_COLUMNS, na: RADPKO_NA }));
}

function radpkoRows(table: CsvTable): RadpkoRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (row) => {
    const mission = row.reqStr("mission");
    const base = row.str("base");
    const year = row.reqInt("year");
    const date = row.reqStr("date");
    const m = /^(\d{4})-(\d{2})-01$/.exec(date);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw row.error("date", "a date YYYY-MM-01", quote(date));
    if (Number(m[1]) !== year) throw row.error("year", `${m[1]} (the year of date ${date})`, quote(row.raw("year")));
    const key = `${mission}|${base ?? ""}|${year}`;
    const first = keys.firstLine(key, row);
    if (first !== undefined) throw row.error("base", `one row per mission, base and year (already on line ${first})`, quote(base ?? ""));
    const latitude = row.num("latitude");
    const longitude = row.num("longitude");
    if ((latitude === null) !== (longitude === null)) {
      throw row.error(latitude === null ? "latitude" : "longitude", "both coordinates or neither", "a missing value");
    }
    if (latitude !== null && Math.abs(latitude) > 90) throw row.error("latitude", "a latitude within +-90", quote(row.raw("latitude")));
    if (longitude !== null && Math.abs(longitude) > 180) throw row.error("longitude", "a longitude within +-180", quote(row.raw("longitude")));
    const group = (p: string): RadpkoGroup => ({
      total: amountOrNull(row, `${p}_pko`),
      troops: amountOrNull(row, `${p}_untrp`),
      police: amountOrNull(row, `${p}_unpol`),
      observers: amountOrNull(row, `${p}_unmob`),
    });
    const cc = row.reqStr("cc_present");
    const contributors = cc.split("|").map((c) => c.trim()).filter((c) => c !== "0");
    for (const c of contributors) if (!/^[a-z][a-z .']*$/.test(c)) throw row.error("cc_present", "lower-case contributor names joined by |, or 0", quote(cc));
    return {
      mission,
      country: row.reqStr("country"),
      base,
      year,
      date,
      latitude,
      longitude,
      personnel: amount(row, "pko_deployed"),
      multiMissionPersonnel: amount(row, "mltipko_deployed"),
      contributorCount: amount(row, "contributing_countries"),
      troops: amount(row, "untrp"),
      police: amount(row, "unpol"),
      observers: amount(row, "unmob"),
      femaleTroops: amount(row, "f_untrp"),
      femalePolice: amount(row, "f_unpol"),
      femaleObservers: amount(row, "f_unmob"),
      african: group("afr"),
      asian: group("asian"),
      western: group("west"),
      contributors,
      line: row.line,
    };
  });
}

function amountOrNull(row: CsvRow, col: string): number | null {
  const v = row.num(col);
  if (v !== null && v < 0) throw row.error(col, "a number >= 0", quote(row.raw(col)));
  return v;
}

function amount(row: CsvRow, col: string): number {
  const v = amountOrNull(row, col);
  if (v === null) throw row.error(col, "a number", "a missing value");
  return v;
}
