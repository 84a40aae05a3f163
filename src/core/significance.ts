/**
 * How p-values are shown in every output (report, cases page, dashboard): three
 * decimals, or "< 0.001"; stars at 0.05, 0.01 and 0.001.
 */

/** Significance stars: `***` p < 0.001, `**` p < 0.01, `*` p < 0.05. */
export function stars(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "";
  return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "";
}

/** The footnote explaining the stars. */
export const STARS_NOTE = "* p < 0.05, ** p < 0.01, *** p < 0.001 (two-sided).";

/** A p-value as a table cell: "< 0.001", else three decimals; "–" when missing. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "–";
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

/** A p-value inside a sentence: "p < 0.001" or "p = 0.042". */
export function pPhrase(p: number | null | undefined): string {
  const s = formatP(p);
  return s.startsWith("<") ? `p ${s}` : `p = ${s}`;
}
