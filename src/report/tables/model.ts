/** A row of a display table. `coef` rows carry estimates, `se` rows the standard errors under them. */
export interface TableRow {
  readonly kind: "coef" | "se" | "stat" | "text";
  /** Row label (empty for an `se` row). */
  readonly label: string;
  /** One display string per column (empty string = blank cell). */
  readonly cells: readonly string[];
}

/**
 * A table ready to print: every number already formatted. All renderers (Markdown,
 * HTML, LaTeX, CSV) read this and nothing else, so the four outputs agree.
 */
export interface TableModel {
  readonly id: string;
  readonly title: string;
  /** Column headers, without the row-label column. */
  readonly header: readonly string[];
  /** A second header line (e.g. estimator per column), or null. */
  readonly subheader: readonly string[] | null;
  readonly rows: readonly TableRow[];
  /** Footnotes (standard errors, stars, sample). */
  readonly notes: readonly string[];
}

export { stars, STARS_NOTE } from "../../core/significance.js";

/**
 * Fixed-decimal formatting with a true minus sign avoided (ASCII `-`), `-0.000` shown
 * as `0.000`, and non-finite values as an empty string.
 */
export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Whole numbers with thousands separators (N, clusters). */
export function int(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  return Math.round(x).toLocaleString("en-US");
}
