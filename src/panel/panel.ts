import { PktError } from "../core/errors.js";
import type { ResolvedPanelOptions } from "./options.js";

/** One cell of a panel row, as the stats engine and the dashboard read it. */
export type Cell = number | string | boolean | null;

/** One panel row as a plain object. */
export type PanelRow = Record<string, Cell>;

/**
 * How a column's values are stored and read. `binary` columns hold 0/1 numbers
 * (never true/false) with null for missing; `integer` holds whole numbers.
 */
export type ColumnType = "string" | "integer" | "number" | "binary";

/** What the codebook says about a column. Every step declares one per column it adds. */
export interface ColumnDoc {
  readonly name: string;
  readonly type: ColumnType;
  /** What the value means, in a sentence. */
  readonly description: string;
  /** Unit of measurement, e.g. `persons (mean of monthly counts)`, `0/1`, `2011 US$`. */
  readonly unit: string;
  /** Source ids (see `src/sources/registry.ts`) the column is computed from. */
  readonly sources: readonly string[];
  /** How it was derived from the sources (joins, aggregation, codings, gaps). */
  readonly derivation: string;
}

/** A column: its documentation and one value per row. */
export interface PanelColumn {
  readonly doc: ColumnDoc;
  readonly values: readonly (number | string | null)[];
}

/** What a panel is and how it was made. */
export interface PanelMeta {
  readonly unit: "country-year";
  /** Country codes are Correlates of War (COW) state codes. */
  readonly system: "cow";
  readonly years: readonly [number, number];
  readonly options: ResolvedPanelOptions;
  /** Names of the steps applied, in order (starting with `createCountryYears`). */
  readonly steps: readonly string[];
  /** Ids of the source files read to make the panel, sorted. */
  readonly sources: readonly string[];
  /** What the steps left out or could not place, `step: message`, in step order (also in codebook and provenance). */
  readonly warnings: readonly string[];
}

/**
 * The country-year panel, stored by column. Rows are sorted by `ccode` then `year`
 * and never reordered, added or removed by a step. Treat as immutable: steps return
 * a new Panel that shares the unchanged columns.
 */
export interface Panel {
  readonly meta: PanelMeta;
  readonly nrows: number;
  /** Columns in output order. */
  readonly columns: ReadonlyMap<string, PanelColumn>;
}

/** The key columns every panel starts with. */
export const KEY_COLUMNS = ["ccode", "iso3", "country", "year"] as const;

/** Column names, in output order. */
export function columnNames(panel: Panel): string[] {
  return [...panel.columns.keys()];
}

/** A column's values; throws a PktError naming the available columns when absent. */
export function column(panel: Panel, name: string): readonly (number | string | null)[] {
  const c = panel.columns.get(name);
  if (c === undefined) throw new PktError(`the panel has no column ${JSON.stringify(name)}; it has ${columnNames(panel).join(", ")}`);
  return c.values;
}

/** A numeric column's values (ccode, year, and every non-string column). */
export function numericColumn(panel: Panel, name: string): readonly (number | null)[] {
  const c = panel.columns.get(name);
  if (c === undefined || c.doc.type === "string") {
    throw new PktError(`the panel has no numeric column ${JSON.stringify(name)}`);
  }
  return c.values as readonly (number | null)[];
}

/** The panel as plain row objects (for the stats engine); `names` picks and orders columns. */
export function toRows(panel: Panel, names: readonly string[] = columnNames(panel)): PanelRow[] {
  const cols = names.map((n) => column(panel, n));
  const out: PanelRow[] = new Array(panel.nrows);
  for (let i = 0; i < panel.nrows; i++) {
    const row: PanelRow = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = cols[j][i];
    out[i] = row;
  }
  return out;
}

/** A JSON-ready form for the dashboard: meta, codebook entries, and columns as arrays. */
export interface PanelJson {
  readonly meta: PanelMeta;
  readonly nrows: number;
  readonly columns: readonly ColumnDoc[];
  readonly data: Readonly<Record<string, readonly (number | string | null)[]>>;
}

/** The panel as {@link PanelJson} (column-oriented, compact). */
export function toJson(panel: Panel): PanelJson {
  const data: Record<string, readonly (number | string | null)[]> = {};
  for (const [name, c] of panel.columns) data[name] = c.values;
  return { meta: panel.meta, nrows: panel.nrows, columns: [...panel.columns.values()].map((c) => c.doc), data };
}

/** The row key used for joins: `ccode * 10000 + year`. */
export function rowKey(ccode: number, year: number): number {
  return ccode * 10000 + year;
}

const indexCache = new WeakMap<readonly unknown[], Map<number, number>>();

/**
 * Map from {@link rowKey} to row number. Built once per ccode column and cached;
 * steps use it to place source values.
 */
export function rowIndex(panel: Panel): ReadonlyMap<number, number> {
  const cc = column(panel, "ccode") as readonly number[];
  let idx = indexCache.get(cc);
  if (idx === undefined) {
    const yr = column(panel, "year") as readonly number[];
    idx = new Map();
    for (let i = 0; i < panel.nrows; i++) idx.set(rowKey(cc[i], yr[i]), i);
    indexCache.set(cc, idx);
  }
  return idx;
}

/** Keep only the named columns (keys always kept), in panel order. */
export function selectColumns(panel: Panel, names: readonly string[]): Panel {
  const keep = new Set<string>([...KEY_COLUMNS, ...names]);
  const columns = new Map([...panel.columns].filter(([n]) => keep.has(n)));
  return { ...panel, columns };
}
