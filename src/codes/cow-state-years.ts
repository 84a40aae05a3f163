import type { CodeTables, CowStateYear } from "./tables.js";

/**
 * The COW state-system country-years from `fromYear` to `toYear` inclusive, sorted by
 * ccode then year: one row per state and year it was a member at any time of that year
 * (so 1990 holds 255, 260 and 265; 1990 also 678, 679 and 680). Each row carries that
 * year's GW code and ISO-3 (null where none). The base of the panel's createCountryYears.
 */
export function cowStateYears(t: CodeTables, fromYear: number, toYear: number): CowStateYear[] {
  return t.stateYears.filter((s) => s.year >= fromYear && s.year <= toYear);
}
