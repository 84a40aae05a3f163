import { found, missing, type Found } from "./found.js";
import { notAStateReason } from "./not-a-state.js";
import { codeYearKey, type CodeTables } from "./tables.js";

/**
 * The COW name of `ccode`: as of `year` when given (failing if not a state that year),
 * otherwise its most recent name (e.g. 345 -> "Yugoslavia", COW's name for Serbia too).
 */
export function cowName(t: CodeTables, ccode: number, year?: number): Found<string> {
  if (year !== undefined) {
    const sy = t.byCowYear.get(codeYearKey(ccode, year));
    return sy ? found(sy.name) : missing(notAStateReason(t, ccode, year));
  }
  const name = t.cowLatestName.get(ccode);
  return name !== undefined ? found(name) : missing(`${ccode} is not a COW state code`);
}
