import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
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

/**
 * US troops in one host in one calendar year (legacy series: Kane to 2005, then DMDC).
 * All counts are persons; branch counts are null where the series gives none (most years).
 */
export interface UsTroopsLegacyRow {
  readonly country: string;
  /**
   * COW code as in the file: West Germany 260 through 1990 and Germany 255 from 1991
   * (255 also has a zero row in 1990); Yugoslavia/Serbia 345 includes Kosovo until 2007,
   * Kosovo 347 from 2008.
   */
  readonly ccode: number;
  /** ISO-3 as in the file, null where missing. */
  readonly iso3c: string | null;
  readonly year: number;
  /** Host region (World Bank style); null where missing (most hosts in 2022-23). */
  readonly region: string | null;
  /** Active-duty US troops, total. */
  readonly troops: number;
  readonly army: number | null;
  readonly navy: number | null;
  readonly airForce: number | null;
  readonly marineCorps: number | null;
  readonly spaceForce: number | null;
  readonly coastGuard: number | null;
  /**
   * False for codes that are not states (see {@link isUsTroopsState}): territories, "Afloat",
   * "Unknown", and a few states filed under a private code (Montenegro 1010 from 2008,
   * Taiwan 1012 in 2021, South Sudan 1020, Cabo Verde 1015) besides their COW code.
   */
  readonly isState: boolean;
}

/**
 * Whether a troopdata host code is a state: codes >= 1000, Puerto Rico (6) and the
 * Vatican (327) are not. Used by both US troop series.
 */
export function isUsTroopsState(ccode: number): boolean {
  return ccode < 1000 && ccode !== 6 && ccode !== 327;
}

const COLUMNS = [
  "countryname", "ccode", "iso3c", "year", "troops", "army", "navy", "air_force", "marine_corps", "region", "space_force", "coast_guard",
];

/** Parse the legacy US troops CSV text. */
export function parseUsTroopsLegacy(text: string, name = usTroopsLegacySource.file): UsTroopsLegacyRow[] {
  return legacyRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the legacy US troops file from the data directory (SHA-256 verified). */
export function readUsTroopsLegacy(dataDir: string): UsTroopsLegacyRow[] {
  return legacyRows(readSourceCsv(dataDir, usTroopsLegacySource, { required: COLUMNS }));
}

function countOrNull(r: CsvRow, col: string): number | null {
  const v = r.int(col);
  if (v !== null && v < 0) throw r.error(col, "a count >= 0", quote(v));
  return v;
}

function count(r: CsvRow, col: string): number {
  const v = countOrNull(r, col);
  if (v === null) throw r.error(col, "a count >= 0", "a missing value");
  return v;
}

function legacyRows(table: CsvTable): UsTroopsLegacyRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const ccode = r.reqInt("ccode");
    if (ccode <= 0) throw r.error("ccode", "a positive code", quote(ccode));
    const year = r.reqInt("year");
    if (year < 1950 || year > 2100) throw r.error("year", "a year from 1950", quote(year));
    const key = `${ccode} ${year}`;
    const first = keys.firstLine(key, r);
    if (first !== undefined) throw r.error("ccode", "one row per (ccode, year)", `a second row for ccode ${ccode} in ${year} (first on line ${first})`);
    return {
      country: r.reqStr("countryname"),
      ccode,
      iso3c: r.str("iso3c"),
      year,
      region: r.str("region"),
      troops: count(r, "troops"),
      army: countOrNull(r, "army"),
      navy: countOrNull(r, "navy"),
      airForce: countOrNull(r, "air_force"),
      marineCorps: countOrNull(r, "marine_corps"),
      spaceForce: countOrNull(r, "space_force"),
      coastGuard: countOrNull(r, "coast_guard"),
      isState: isUsTroopsState(ccode),
    };
  });
}
