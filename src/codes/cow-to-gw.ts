import { found, missing, type Found } from "./found.js";
import { notAStateReason } from "./not-a-state.js";
import { codeYearKey, type CodeTables } from "./tables.js";

/**
 * The Gleditsch-Ward code of COW state `ccode` in `year`, from the isard panel: e.g. COW
 * 345 -> GW 345 to 2005 and GW 340 (Serbia) from 2006; COW 255 -> GW 260 from 1990; COW
 * 679 -> GW 678. Fails when `ccode` is not a COW state that year or has no GW counterpart.
 */
export function cowToGw(t: CodeTables, ccode: number, year: number): Found<number> {
  const sy = t.byCowYear.get(codeYearKey(ccode, year));
  if (!sy) return missing(notAStateReason(t, ccode, year));
  if (sy.gwcode === null) return missing(`COW ${ccode} (${sy.name}) has no Gleditsch-Ward code in ${year}`);
  return found(sy.gwcode);
}
