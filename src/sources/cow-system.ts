import { mapCsv, parseCsv, type CsvRow } from "../core/csv.js";
import { quote } from "../core/errors.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

/** COW system membership (entry/exit), extended to 2025 */
export const cowSystemSource: SourceDef = {
  id: "cow_system",
  file: "states/isard_cw_system.csv",
  sha256: "046f1072d01b245be1cc49b4449507359511d0caa9a4699ab67bbc8a21a4df49",
  bytes: 10673,
  url: null,
  what: "COW system membership (entry/exit), extended to 2025",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/**
 * One spell of COW system membership (a state with interruptions, e.g. the Baltic states,
 * has several rows). The file's last date is 2016-12-31 (COW v2016): a spell ending then
 * is still running; the state-year panel carries such states to 2025.
 */
export interface CowSystemRow {
  /** COW numeric code. */
  readonly ccode: number;
  /** COW abbreviation, e.g. `GFR`. */
  readonly abb: string;
  /** COW state name. */
  readonly name: string;
  /** First day of the spell, ISO date `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day of the spell, ISO date `YYYY-MM-DD`. */
  readonly end: string;
}

const COLUMNS = ["ccode", "cw_abb", "cw_name", "start", "end"];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A required `YYYY-MM-DD` date cell. */
export function isoDateCell(r: CsvRow, col: string): string {
  const v = r.reqStr(col);
  if (!ISO_DATE.test(v)) throw r.error(col, "a date YYYY-MM-DD", quote(v));
  return v;
}

/** Parse the text of `states/isard_cw_system.csv` (pure; errors name file, line, column). */
export function parseCowSystem(text: string, name = cowSystemSource.file): CowSystemRow[] {
  const table = parseCsv(text, { name, required: COLUMNS, na: [""] });
  return mapCsv(table, (r) => {
    const row: CowSystemRow = {
      ccode: r.reqInt("ccode"),
      abb: r.reqStr("cw_abb"),
      name: r.reqStr("cw_name"),
      start: isoDateCell(r, "start"),
      end: isoDateCell(r, "end"),
    };
    if (row.end < row.start) throw r.error("end", `a date on or after start ${row.start}`, quote(row.end));
    return row;
  });
}

/** Read COW system membership after verifying its SHA-256. */
export function readCowSystem(dataDir: string): CowSystemRow[] {
  return parseCowSystem(readVerified(dataDir, cowSystemSource).toString("utf8"));
}
