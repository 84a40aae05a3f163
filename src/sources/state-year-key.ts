import type { CsvRow, KeyLines } from "../core/csv.js";
import { quote } from "../core/errors.js";

/**
 * Read a row's `ccode` (a positive COW code) and `year`, rejecting a second row for the
 * same (ccode, year) with an error that names the first one's line.
 */
export function stateYearKey(r: CsvRow, keys: KeyLines): { ccode: number; year: number } {
  const ccode = r.reqInt("ccode");
  if (ccode <= 0) throw r.error("ccode", "a positive COW code", quote(ccode));
  const year = r.reqInt("year");
  const first = keys.firstLine(`${ccode} ${year}`, r);
  if (first !== undefined) throw r.error("ccode", "one row per (ccode, year)", `a second row for ccode ${ccode} in ${year} (first on line ${first})`);
  return { ccode, year };
}
