import type { CsvRow } from "../core/csv.js";
import { quote } from "../core/errors.js";

/** The month of an IPI `YYYY-MM-DD` date cell (IPI dates each month by its last day). */
export function ipiMonth(row: CsvRow, col: string): { year: number; month: number; date: string } {
  const raw = row.reqStr(col);
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(raw);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw row.error(col, "a date YYYY-MM-DD", quote(raw));
  return { year: Number(m[1]), month, date: `${m[1]}-${m[2]}` };
}
