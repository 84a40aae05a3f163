import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { IPI_NON_PKO_MISSIONS, type IpiMissionKind } from "./ipi-mission-month.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** CSV copy of the single sheet of kathman_mission_month_12-2019.xlsx */
export const kathmanMissionMonthCsvSource: SourceDef = {
  id: "kathman_mission_month_csv",
  file: "pko/kathman_mission_month_12-2019.csv",
  sha256: "cf4f4b47e7140602fc32ffc0e4038d1fcfeb4a96a00785540b270a2f62644565",
  bytes: 358212,
  url: null,
  what: "CSV copy of the single sheet of kathman_mission_month_12-2019.xlsx",
  citation: "Kathman, Jacob D. 2013. United Nations Peacekeeping Personnel Commitments, 1990-2011. Conflict Management and Peace Science 30(5): 532-549.",
  license: "none stated",
  derived: "sheet 1 of the xlsx written as CSV; values unchanged",
};

/**
 * One UN mission in one month (Kathman 2013, updated to 12-2019), from the CSV copy.
 * `-999` means missing in every numeric column and is read as null. There is no count
 * of contributing countries in this file.
 */
export interface KathmanMissionMonthRow {
  /** Mission acronym as written, e.g. `UNAMSIL`. */
  readonly mission: string;
  /** Peacekeeping operation, political mission or support office; see {@link KATHMAN_NON_PKO_MISSIONS}. */
  readonly kind: IpiMissionKind;
  /** Host as named in the file (`missioncountry`), e.g. `Sierra Leone`, `Various`, `Unknown`. */
  readonly hostName: string;
  /** COW code of the (first) host; null for -999 (UNTSO, ONUCA, UNOWAS: "Various"; UNPF, LBB: "Unknown"; UNMHA). */
  readonly ccode: number | null;
  /** COW code of a second host (`missionccode2`); null when empty or -999. E.g. UNMEE 530 + 531, UNMOGIP 750 + 770. */
  readonly ccode2: number | null;
  /** Calendar year. */
  readonly year: number;
  /** Calendar month, 1-12. */
  readonly month: number;
  /**
   * `YYYY-MM`, from `year` and `month`. The file's `yearmon` (e.g. `2019.1` for October)
   * is not used: it holds at least one typo (UNAMI 2019-02 written `2019.03`).
   */
  readonly date: string;
  /** Troops (persons); null = -999 (missing). */
  readonly troops: number | null;
  /** Police (persons); null = -999. */
  readonly police: number | null;
  /** Military observers (persons); null = -999. */
  readonly observers: number | null;
  /** Total personnel (persons) as given (`total`); null = -999. Present even when the parts are missing. */
  readonly total: number | null;
  /**
   * The file's second total (`total2`, persons; null = -999). Undocumented; equal to
   * `total` except in 33 rows (e.g. MINUSCA 2015), where it is larger.
   */
  readonly total2: number | null;
  /** Line in the source file (header = line 1). */
  readonly line: number;
}

/**
 * Kathman missions that are not peacekeeping operations: those of
 * {@link IPI_NON_PKO_MISSIONS}, plus the special political missions only this file has
 * (BINUH, UNIOGBIS, UNMHA, UNOWAS, UNSMIL, UNVMC). Every other mission is `peacekeeping`.
 */
export const KATHMAN_NON_PKO_MISSIONS: Readonly<Record<string, Exclude<IpiMissionKind, "peacekeeping">>> = {
  ...IPI_NON_PKO_MISSIONS,
  BINUH: "political", UNIOGBIS: "political", UNMHA: "political", UNOWAS: "political", UNSMIL: "political", UNVMC: "political",
};

const KATHMAN_COLUMNS = [
  "mission", "missioncountry", "missionccode", "missionccode2", "year", "month",
  "troop", "police", "militaryobservers", "total", "total2",
] as const;

/**
 * Parse the Kathman mission-month CSV text. A repeated (mission, month), a bad code or
 * count is a DataError naming file, line and column.
 */
export function parseKathmanMissionMonth(text: string, name = kathmanMissionMonthCsvSource.file): KathmanMissionMonthRow[] {
  return kathmanRows(parseCsv(text, { name, required: KATHMAN_COLUMNS }));
}

/** Read `pko/kathman_mission_month_12-2019.csv` from the data directory (SHA-256 verified). */
export function readKathmanMissionMonth(dataDir: string): KathmanMissionMonthRow[] {
  return kathmanRows(readSourceCsv(dataDir, kathmanMissionMonthCsvSource, { required: KATHMAN_COLUMNS }));
}

function kathmanRows(table: CsvTable): KathmanMissionMonthRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (row) => {
    const mission = row.reqStr("mission");
    const year = row.reqInt("year");
    if (year < 1945 || year > 2100) throw row.error("year", "a year 1945-2100", quote(row.raw("year")));
    const month = row.reqInt("month");
    if (month < 1 || month > 12) throw row.error("month", "a month 1-12", quote(row.raw("month")));
    const date = `${year}-${String(month).padStart(2, "0")}`;
    const key = `${mission}|${date}`;
    const first = keys.firstLine(key, row);
    if (first !== undefined) throw row.error("mission", `one row per mission and month (${date} already on line ${first})`, quote(mission));
    return {
      mission,
      kind: KATHMAN_NON_PKO_MISSIONS[mission] ?? "peacekeeping",
      hostName: row.reqStr("missioncountry"),
      ccode: cow(row, "missionccode"),
      ccode2: cow(row, "missionccode2"),
      year,
      month,
      date,
      troops: persons(row, "troop"),
      police: persons(row, "police"),
      observers: persons(row, "militaryobservers"),
      total: persons(row, "total"),
      total2: persons(row, "total2"),
      line: row.line,
    };
  });
}

function cow(row: CsvRow, col: string): number | null {
  const v = row.int(col, { extraNa: [-999] });
  if (v !== null && (v < 2 || v > 999)) throw row.error(col, "a COW code 2-999 or -999", quote(row.raw(col)));
  return v;
}

function persons(row: CsvRow, col: string): number | null {
  const v = row.int(col, { extraNa: [-999] });
  if (v !== null && v < 0) throw row.error(col, "a count >= 0 or -999", quote(row.raw(col)));
  return v;
}
