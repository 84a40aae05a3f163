import { rowIndex, rowKey, type Panel } from "../panel.js";
import { emptyColumn } from "../pipeline.js";

/**
 * Place values from source rows keyed by (ccode, year) into new panel columns.
 * Rows whose key is not in the panel are skipped; a key given twice keeps the last value.
 * @param pick for each column name, how to read the value from a row.
 */
export function joinByCowYear<R extends { ccode: number | null; year: number }>(
  panel: Panel,
  rows: readonly R[],
  pick: Readonly<Record<string, (row: R) => number | null>>,
): Record<string, (number | null)[]> {
  const idx = rowIndex(panel);
  const out: Record<string, (number | null)[]> = {};
  const names = Object.keys(pick);
  for (const n of names) out[n] = emptyColumn(panel.nrows);
  for (const r of rows) {
    if (r.ccode === null) continue;
    const i = idx.get(rowKey(r.ccode, r.year));
    if (i === undefined) continue;
    for (const n of names) out[n][i] = pick[n](r);
  }
  return out;
}
