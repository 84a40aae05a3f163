import { codeYearKey, type CodeTables } from "./tables.js";

/** True when `ccode` is a COW system member at some point in `year` (isard state-year panel, 1816-2025). */
export function isCowState(t: CodeTables, ccode: number, year: number): boolean {
  return t.byCowYear.has(codeYearKey(ccode, year));
}
