import { PktError } from "../core/errors.js";
import { KEY_COLUMNS, type Panel } from "./panel.js";

/** A `(ccode, year)` key found on more than one row. */
export interface DuplicateKey {
  readonly ccode: number;
  readonly year: number;
  /** Row numbers (0-based) holding the key. */
  readonly rows: readonly number[];
}

/** Every `(ccode, year)` key that appears more than once, in row order. Empty for a valid panel. */
export function findDuplicates(panel: Panel): DuplicateKey[] {
  const cc = panel.columns.get("ccode")?.values as readonly number[] | undefined;
  const yr = panel.columns.get("year")?.values as readonly number[] | undefined;
  if (cc === undefined || yr === undefined) return [];
  const seen = new Map<number, number[]>();
  for (let i = 0; i < panel.nrows; i++) {
    const k = cc[i] * 10000 + yr[i];
    const rows = seen.get(k);
    if (rows === undefined) seen.set(k, [i]);
    else rows.push(i);
  }
  const out: DuplicateKey[] = [];
  for (const rows of seen.values()) {
    if (rows.length > 1) out.push({ ccode: cc[rows[0]], year: yr[rows[0]], rows });
  }
  return out;
}

/** A broken panel invariant: a bug in a step, not a user error. */
export class PanelInvariantError extends PktError {
  override name = "PanelInvariantError";
}

/**
 * Check the panel's invariants: key columns present and never missing, every column
 * as long as the panel, values of the declared type (binary = 0/1/null, integer =
 * whole numbers), no duplicate `(ccode, year)` key, and (when `before` is given) the
 * same row count and the same keys in the same order as `before`.
 * @param after Name of the step just applied, for the message.
 * @param only Check lengths and types of these columns only (the ones a step added); default all.
 */
export function checkInvariants(panel: Panel, before?: Panel, after = "a step", only?: readonly string[]): void {
  for (const k of KEY_COLUMNS) {
    if (!panel.columns.has(k)) throw new PanelInvariantError(`after ${after}: key column ${k} is missing`);
  }
  for (const [name, c] of panel.columns) {
    if (only !== undefined && !only.includes(name)) continue;
    if (c.values.length !== panel.nrows) {
      throw new PanelInvariantError(`after ${after}: column ${name} has ${c.values.length} values for ${panel.nrows} rows`);
    }
    checkTypes(name, c.doc.type, c.values, after);
  }
  for (const k of ["ccode", "year"]) {
    const v = panel.columns.get(k)!.values;
    const i = v.findIndex((x) => x === null);
    if (i >= 0) throw new PanelInvariantError(`after ${after}: key ${k} is missing on row ${i}`);
  }
  if (before !== undefined) {
    if (before.nrows !== panel.nrows) {
      throw new PanelInvariantError(`after ${after}: the row count changed from ${before.nrows} to ${panel.nrows}`);
    }
    for (const k of ["ccode", "year"]) {
      const a = before.columns.get(k)!.values;
      const b = panel.columns.get(k)!.values;
      if (a !== b && a.some((x, i) => x !== b[i])) throw new PanelInvariantError(`after ${after}: the ${k} column changed`);
    }
  }
  const dups = findDuplicates(panel);
  if (dups.length > 0) {
    const d = dups[0];
    throw new PanelInvariantError(
      `after ${after}: ${dups.length} duplicated (ccode, year) key(s), first (${d.ccode}, ${d.year}) on rows ${d.rows.join(", ")}`,
    );
  }
}

function checkTypes(name: string, type: string, values: readonly unknown[], after: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    let ok: boolean;
    switch (type) {
      case "string":
        ok = typeof v === "string";
        break;
      case "binary":
        ok = v === 0 || v === 1;
        break;
      case "integer":
        ok = Number.isInteger(v);
        break;
      default:
        ok = typeof v === "number" && Number.isFinite(v);
    }
    if (!ok) throw new PanelInvariantError(`after ${after}: column ${name} (${type}) row ${i} holds ${JSON.stringify(v)}`);
  }
}
