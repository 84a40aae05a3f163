import { found, missing, type Found } from "./found.js";
import { codeYearKey, type CodeTables } from "./tables.js";

/**
 * The COW code of Gleditsch-Ward state `gwcode` in `year`, from the isard panel: GW 340
 * (Serbia, from 2006) -> COW 345; GW 260 -> COW 260 through 1990 and 255 from 1991; GW 678
 * -> COW 678 to 1989 and 679 from 1990. Where two COW states share a GW code in a year
 * (1990), the one that was a member for more days of it wins. Fails for GW-only states
 * (GW microstates, GW 260 in 1949-54) and unknown codes.
 */
export function gwToCow(t: CodeTables, gwcode: number, year: number): Found<number> {
  const ccode = t.gwToCow.get(codeYearKey(gwcode, year));
  if (ccode !== undefined) return found(ccode);
  if (!t.knownGw.has(gwcode)) return missing(`${gwcode} is not a Gleditsch-Ward code`);
  return missing(`GW ${gwcode} has no COW counterpart in ${year} (not a state that year, or a GW-only state)`);
}
