import { found, missing, type Found } from "./found.js";
import { notAStateReason } from "./not-a-state.js";
import { cowIso3Rule } from "./rules.js";
import { codeYearKey, isoKey, type CodeTables } from "./tables.js";

/**
 * The ISO-3 code of COW state `ccode` in `year`. Uses the code list, overridden by
 * COW_ISO3_RULES: 260 -> DEU through 1990, 255 -> DEU from 1991, 265 -> DDR, 315 -> CSK,
 * 345 -> YUG to 1991 and SRB from 1992, 347 -> XKX from 2008, 678 -> YEM to 1989,
 * 679 -> YEM from 1990, 680 -> YMD, 817 -> none. Fails when `ccode` is not a state in
 * `year` or the state has no ISO-3 that year.
 */
export function cowToIso3(t: CodeTables, ccode: number, year: number): Found<string> {
  const sy = t.byCowYear.get(codeYearKey(ccode, year));
  if (!sy) return missing(notAStateReason(t, ccode, year));
  if (sy.iso3 !== null) return found(sy.iso3);
  const rule = cowIso3Rule(ccode, year);
  if (rule && rule.iso3 === null) return missing(`COW ${ccode} (${sy.name}) has no ISO-3: ${rule.reason}`);
  const claimed = rule ? rule.iso3 : t.cowStaticIso3.get(ccode);
  const holder = claimed ? t.isoToCow.get(isoKey(claimed, year)) : undefined;
  if (claimed && holder !== undefined) {
    return missing(`COW ${ccode} (${sy.name}) has no ISO-3 in ${year}: ${claimed} goes to COW ${holder}, a member for more of that year`);
  }
  return missing(`COW ${ccode} (${sy.name}) has no ISO-3 code in the code list`);
}
