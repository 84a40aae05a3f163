import type { CodeTables } from "./tables.js";

/** Why a COW code is not usable in a year: unknown altogether, or not a member that year. */
export function notAStateReason(t: CodeTables, ccode: number, year: number): string {
  if (!Number.isInteger(ccode)) return `${ccode} is not an integer COW code`;
  if (!t.cowLatestName.has(ccode)) return `${ccode} is not a COW state code`;
  const years = t.cowYears.get(ccode) ?? [];
  return `COW ${ccode} (${t.cowLatestName.get(ccode)}) is not a state in ${year} (member ${spansText(years)})`;
}

/** Years as runs, e.g. `1816-1945, 1991-2025`. */
export function spansText(years: readonly number[]): string {
  const parts: string[] = [];
  let start = years[0];
  for (let i = 1; i <= years.length; i++) {
    if (i === years.length || years[i] !== years[i - 1] + 1) {
      parts.push(start === years[i - 1] ? `${start}` : `${start}-${years[i - 1]}`);
      start = years[i];
    }
  }
  return parts.join(", ");
}
