import { found, missing, type Found } from "./found.js";
import { normalizeCountryName } from "./normalize-country-name.js";
import { codeYearKey, type CodeTables } from "./tables.js";

/** A country name resolved to codes. */
export interface CountryMatch {
  /** COW code (for that year when a year is given); null for territories that are not states. */
  readonly ccode: number | null;
  /** ISO-3 (for that year when given and the state has one then, else the name's usual one). */
  readonly iso3: string | null;
  /** The COW name of the state (that year when given), or the code-list name of a territory. */
  readonly name: string;
}

/**
 * Resolve a country name as written in the study's files (`Serbia (Yugoslavia)`,
 * `Congo, DemRep (Zaire)`, `Cote d Ivoire`, `Korea, South`, ...) after
 * {@link normalizeCountryName}. Year-dependent names take the year into account: Germany
 * is 260 in 1946-1990 and 255 otherwise; Yemen is 678 to 1989 and 679 from 1990. Serbia,
 * Serbia and Montenegro and Yugoslavia are all COW 345. The match identifies the country;
 * it does not check membership (Kosovo is 347 in any year: use isCowState). Territories
 * (Hong Kong, Macao, Aruba, Western Sahara, ...) match with `ccode` null.
 */
export function matchCountryName(t: CodeTables, name: string, year?: number): Found<CountryMatch> {
  const target = t.names.get(normalizeCountryName(name));
  if (!target) return missing(`${JSON.stringify(name)} is not a country name known to the crosswalk`);
  if (target.ccode === null) return found({ ccode: null, iso3: target.iso3, name: target.name });
  let ccode = target.ccode;
  if (year !== undefined && target.spans) {
    ccode = target.spans.find((s) => (s.from ?? -Infinity) <= year && year <= (s.to ?? Infinity))?.ccode ?? ccode;
  }
  const sy = year === undefined ? undefined : t.byCowYear.get(codeYearKey(ccode, year));
  return found({
    ccode,
    iso3: sy?.iso3 ?? t.cowStaticIso3.get(ccode) ?? null,
    name: sy?.name ?? t.cowLatestName.get(ccode) ?? target.name,
  });
}
