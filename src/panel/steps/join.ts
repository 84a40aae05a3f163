import { rowIndex, rowKey, type Panel } from "../panel.js";
import { emptyColumn, type StepContext } from "../pipeline.js";

/**
 * Counts source rows a step could not place, by a label (a code or mission), and reports
 * them as one warning: `12 rows of us_troops_legacy have no country-year in the panel: 1000 (5), 1010 (7)`.
 */
export class Unplaced {
  private readonly counts = new Map<string, number>();

  add(label: string | number): void {
    const k = String(label);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** Send the warning (if anything was left out) through the step context. */
  report(ctx: Pick<StepContext, "warn">, what: string, why: string): void {
    if (this.counts.size === 0) return;
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    const labels = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = labels.slice(0, 12).map(([l, n]) => `${l} (${n})`).join(", ");
    ctx.warn?.(`${total} ${what} ${why}: ${shown}${labels.length > 12 ? `, and ${labels.length - 12} more` : ""}`);
  }
}

/**
 * Place values from source rows keyed by (ccode, year) into new panel columns.
 * Rows outside the panel's years or without a code are skipped; rows in its years whose key
 * is not a panel row are skipped and counted in `unplaced`; a key given twice keeps the last value.
 * @param pick for each column name, how to read the value from a row.
 */
export function joinByCowYear<R extends { ccode: number | null; year: number }>(
  panel: Panel,
  rows: readonly R[],
  pick: Readonly<Record<string, (row: R) => number | null>>,
  unplaced?: Unplaced,
): Record<string, (number | null)[]> {
  const [y0, y1] = panel.meta.years;
  const idx = rowIndex(panel);
  const out: Record<string, (number | null)[]> = {};
  const names = Object.keys(pick);
  for (const n of names) out[n] = emptyColumn(panel.nrows);
  for (const r of rows) {
    if (r.ccode === null || r.year < y0 || r.year > y1) continue;
    const i = idx.get(rowKey(r.ccode, r.year));
    if (i === undefined) {
      unplaced?.add(r.ccode);
      continue;
    }
    for (const n of names) out[n][i] = pick[n](r);
  }
  return out;
}
