import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";
import { isUsTroopsState } from "./us-troops-legacy.js";

/** US troops by host x report quarter 1950-2025 (rebuild series: active duty by branch; guard/reserve and civilians from 2008). Quirks: Germany 255 in all years; Kosovo 1999-2007 under 347; 571 labelled Swaziland is Botswana; codes >= 1000 are territories. Taken from commit bab0a9c because the 2026-04-14 version double-counts several hosts */
export const usTroopsRebuildSource: SourceDef = {
  id: "us_troops_rebuild",
  file: "us_troops/troopdata_rebuild_country_quarter.csv",
  sha256: "bc2557cfac7caa8c851f3d007b9dfd0a8c1f56769b6889d2aeb7a27d311961cb",
  bytes: 2555755,
  url: null,
  what: "US troops by host x report quarter 1950-2025 (rebuild series: active duty by branch; guard/reserve and civilians from 2008). Quirks: Germany 255 in all years; Kosovo 1999-2007 under 347; 571 labelled Swaziland is Botswana; codes >= 1000 are territories. Taken from commit bab0a9c because the 2026-04-14 version double-counts several hosts",
  citation: "Allen, Michael A., Michael E. Flynn and Carla Martinez Machain. 2022. Global U.S. military deployment data: 1950-2020. Conflict Management and Peace Science 39(3): 351-370.",
  license: "GPL (>=3) package; figures are US government works",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/** Report month of a quarterly troop report. */
export type UsTroopsMonth = "March" | "June" | "September" | "December";

/**
 * US personnel in one host at one report date (rebuild series). All counts are persons.
 * The file writes 0 where a report has no breakdown (branch columns in the 1950s;
 * guard, reserve and civilian columns before 2008), so a 0 there does not always mean none.
 */
export interface UsTroopsRebuildRow {
  /**
   * Host code: COW codes with this series' conventions: Germany 255 in all years (no 260),
   * Kosovo 347 from 1999 (345 then holds Serbia without Kosovo), codes >= 1000 for
   * territories and other non-state places.
   */
  readonly ccode: number;
  /** Host name; 571 is labelled "Swaziland" in the file and is Botswana here. */
  readonly country: string;
  /** Host name as in the file. */
  readonly countryRaw: string;
  readonly iso3c: string | null;
  readonly region: string | null;
  readonly year: number;
  readonly month: UsTroopsMonth;
  /** Calendar quarter of the report month, 1-4. */
  readonly quarter: 1 | 2 | 3 | 4;
  /** Publication the figure comes from (e.g. "June 1950", "Kane 2006"), null if not given. */
  readonly source: string | null;
  /** Active-duty troops, total (null in 196 host-reports of 1951-52). */
  readonly troopsAd: number | null;
  /** Active duty plus guard and reserve. */
  readonly troopsAll: number;
  readonly armyAd: number;
  readonly navyAd: number;
  readonly airForceAd: number;
  readonly marineCorpsAd: number;
  readonly coastGuardAd: number;
  readonly spaceForceAd: number;
  /** Selected reserve including national guard, total. */
  readonly totalSelectedReserve: number;
  /** DoD civilians, total. */
  readonly totalCivilian: number;
  /** False for codes >= 1000, Puerto Rico (6) and the Vatican (327). */
  readonly isState: boolean;
}

/** One host-year of the rebuild series: the maximum over the year's reports. */
export interface UsTroopsRebuildYear {
  readonly ccode: number;
  readonly country: string;
  readonly year: number;
  /** Largest active-duty total among the year's reports (null if none gives one). */
  readonly troopsAd: number | null;
  /** Largest active-duty-plus-reserve total among the year's reports. */
  readonly troopsAll: number;
  /** Number of reports in the year (1 before 2013, up to 4 after). */
  readonly reports: number;
  readonly isState: boolean;
}

const MONTH_QUARTER: Readonly<Record<UsTroopsMonth, 1 | 2 | 3 | 4>> = { March: 1, June: 2, September: 3, December: 4 };
const MONTHS = Object.keys(MONTH_QUARTER) as UsTroopsMonth[];

const COUNTS = {
  armyAd: "army_ad",
  navyAd: "navy_ad",
  airForceAd: "air_force_ad",
  marineCorpsAd: "marine_corps_ad",
  coastGuardAd: "coast_guard_ad",
  spaceForceAd: "space_force_ad",
  totalSelectedReserve: "total_selected_reserve",
  totalCivilian: "total_civilian",
} as const;

const COLUMNS = [
  "ccode", "iso3c", "countryname", "region", "year", "month", "quarter", "source", "troops_ad", "troops_all", ...Object.values(COUNTS),
];

/** Parse the rebuild (quarterly) US troops CSV text. */
export function parseUsTroopsRebuild(text: string, name = usTroopsRebuildSource.file): UsTroopsRebuildRow[] {
  return rebuildRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the rebuild US troops file from the data directory (SHA-256 verified). */
export function readUsTroopsRebuild(dataDir: string): UsTroopsRebuildRow[] {
  return rebuildRows(readSourceCsv(dataDir, usTroopsRebuildSource, { required: COLUMNS }));
}

/**
 * Collapse report rows to host-years, taking the maximum over each year's reports
 * (the series' convention). Output is sorted by ccode, then year.
 */
export function usTroopsRebuildYearly(rows: readonly UsTroopsRebuildRow[]): UsTroopsRebuildYear[] {
  const byKey = new Map<string, UsTroopsRebuildYear>();
  for (const r of rows) {
    const key = `${r.ccode} ${r.year}`;
    const prev = byKey.get(key);
    byKey.set(key, {
      ccode: r.ccode,
      country: r.country,
      year: r.year,
      troopsAd: maxOrNull(prev?.troopsAd ?? null, r.troopsAd),
      troopsAll: Math.max(prev?.troopsAll ?? 0, r.troopsAll),
      reports: (prev?.reports ?? 0) + 1,
      isState: r.isState,
    });
  }
  return [...byKey.values()].sort((a, b) => a.ccode - b.ccode || a.year - b.year);
}

/**
 * Match the legacy series' Kosovo convention: before `until` (default 2008) add the
 * Kosovo (347) host-years into Serbia/Yugoslavia (345), summing each count, and drop the
 * 347 rows; from `until` on, 347 stays separate. A 345 row is created if a year has only 347.
 * Use this on yearly rows before joining the rebuild series to a panel keyed like HTI,
 * where Kosovo (347) exists only from 2008.
 */
export function foldKosovoIntoSerbia(rows: readonly UsTroopsRebuildYear[], until = 2008): UsTroopsRebuildYear[] {
  const kosovo = new Map(rows.filter((r) => r.ccode === 347 && r.year < until).map((r) => [r.year, r] as const));
  const out: UsTroopsRebuildYear[] = [];
  for (const r of rows) {
    if (r.ccode === 347 && r.year < until) continue;
    const k = r.ccode === 345 ? kosovo.get(r.year) : undefined;
    if (k === undefined) {
      out.push(r);
      continue;
    }
    kosovo.delete(r.year);
    out.push({ ...r, troopsAd: sumOrNull(r.troopsAd, k.troopsAd), troopsAll: r.troopsAll + k.troopsAll });
  }
  for (const k of kosovo.values()) out.push({ ...k, ccode: 345, country: "Serbia" });
  return out.sort((a, b) => a.ccode - b.ccode || a.year - b.year);
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function sumOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a + b;
}

function count(r: CsvRow, col: string): number {
  const v = r.int(col);
  if (v === null || v < 0) throw r.error(col, "a count >= 0", v === null ? "a missing value" : quote(v));
  return v;
}

function rebuildRows(table: CsvTable): UsTroopsRebuildRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const ccode = r.reqInt("ccode");
    if (ccode <= 0) throw r.error("ccode", "a positive code", quote(ccode));
    const year = r.reqInt("year");
    if (year < 1950 || year > 2100) throw r.error("year", "a year from 1950", quote(year));
    const month = r.oneOf("month", MONTHS);
    if (month === null) throw r.error("month", MONTHS.join("/"), "a missing value");
    const quarter = r.reqInt("quarter");
    if (quarter !== MONTH_QUARTER[month]) throw r.error("quarter", `${MONTH_QUARTER[month]} (the quarter of ${month})`, quote(quarter));
    const key = `${ccode} ${year} ${quarter}`;
    const first = keys.firstLine(key, r);
    if (first !== undefined) {
      throw r.error("ccode", "one row per (ccode, year, quarter)", `a second row for ccode ${ccode} in ${year} Q${quarter} (first on line ${first})`);
    }
    const troopsAd = r.int("troops_ad");
    if (troopsAd !== null && troopsAd < 0) throw r.error("troops_ad", "a count >= 0", quote(troopsAd));
    const countryRaw = r.reqStr("countryname");
    const counts = {} as Record<keyof typeof COUNTS, number>;
    for (const [k, col] of Object.entries(COUNTS) as [keyof typeof COUNTS, string][]) counts[k] = count(r, col);
    return {
      ccode,
      country: ccode === 571 && countryRaw === "Swaziland" ? "Botswana" : countryRaw,
      countryRaw,
      iso3c: r.str("iso3c"),
      region: r.str("region"),
      year,
      month,
      quarter: MONTH_QUARTER[month],
      source: r.str("source"),
      troopsAd,
      troopsAll: count(r, "troops_all"),
      ...counts,
      isState: isUsTroopsState(ccode),
    };
  });
}
