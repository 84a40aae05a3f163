import { found, missing, type Found } from "./found.js";
import { spansText } from "./not-a-state.js";
import { canonicalIso3 } from "./rules.js";
import { isoKey, type CodeTables } from "./tables.js";

/**
 * The COW code of the state holding ISO-3 `iso3` in `year`: the inverse of
 * {@link cowToIso3}, one-to-one within each year. Accepts KSV and KOS for XKX, SCG for SRB,
 * YUG for SRB from 1992, ROM, ZAR and TMP (case and surrounding spaces ignored). Fails for
 * territories (HKG, PSE, ...) and for states not in the COW system that year (XKX 2007).
 */
export function iso3ToCow(t: CodeTables, iso3: string, year: number): Found<number> {
  const code = canonicalIso3(iso3, year);
  const ccode = t.isoToCow.get(isoKey(code, year));
  if (ccode !== undefined) return found(ccode);
  if (!/^[A-Z]{3}$/.test(code)) return missing(`${JSON.stringify(iso3)} is not an ISO-3 code`);
  if (!t.knownIso3.has(code)) return missing(`${code} is not an ISO-3 code known to the code list`);
  const years = t.isoYears.get(code);
  if (!years) return missing(`${code} is not the ISO-3 of any COW state (a territory or non-member)`);
  return missing(`${code} is not the ISO-3 of a COW state in ${year} (it is in ${spansText(years)})`);
}
