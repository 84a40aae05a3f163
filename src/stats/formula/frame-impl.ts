/** Implementation of modelFrame (see ../model-frame.ts for the contract). */
import { PktError } from "../../core/errors.js";
import { createMatrix } from "../linalg/matrix.js";
import type { FixedEffectIndex, ModelFrame, ModelFrameOptions } from "../model-frame.js";
import { closeMatches, FormulaError } from "./errors.js";
import { deparse } from "./deparse.js";
import { exprColumns, parseFormula } from "./parse.js";
import type { Expr, ParsedFormula } from "./types.js";

/** Read a cell as a number; NaN means missing. Throws on text that is not a number. */
export function cellNumber(v: unknown, column: string, row: number): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (v === null || v === undefined) return NaN;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "" || s === "NA" || s === "NaN" || s === "Inf" || s === "-Inf") return NaN;
    const n = Number(s);
    if (Number.isFinite(n)) return n;
    if (s === "TRUE" || s === "true") return 1;
    if (s === "FALSE" || s === "false") return 0;
  }
  throw new PktError(
    `data row ${row + 1}, column ${column}: expected a number, got ${JSON.stringify(String(v))} (write factor(${column}) to use it as categories)`,
  );
}

/** Read a cell as a category label; null means missing. */
export function cellLevel(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  const s = String(v).trim();
  return s === "" || s === "NA" ? null : s;
}

/** Sort levels as R's factor() would: numerically when all are numbers, else by text. */
export function sortLevels(levels: Iterable<string>): string[] {
  const arr = [...levels];
  if (arr.every((l) => Number.isFinite(Number(l)))) return arr.sort((a, b) => Number(a) - Number(b));
  return arr.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Evaluate a numeric expression on one row (NaN for missing or non-finite). */
export function evalExpr(e: Expr, row: Record<string, unknown>, rowNo: number): number {
  switch (e.kind) {
    case "column":
      return cellNumber(row[e.name], e.name, rowNo);
    case "number":
      return e.value;
    case "paren":
    case "identity":
      return evalExpr(e.arg, row, rowNo);
    case "negate":
      return -evalExpr(e.arg, row, rowNo);
    case "call": {
      const a = evalExpr(e.arg, row, rowNo);
      const v = e.fn === "log" ? Math.log(a) : e.fn === "log1p" ? Math.log1p(a) : e.fn === "sqrt" ? Math.sqrt(a) : Math.exp(a);
      return Number.isFinite(v) ? v : NaN;
    }
    case "binary": {
      const l = evalExpr(e.left, row, rowNo);
      const r = evalExpr(e.right, row, rowNo);
      const v = e.op === "+" ? l + r : e.op === "-" ? l - r : e.op === "*" ? l * r : e.op === "/" ? l / r : Math.pow(l, r);
      return Number.isFinite(v) ? v : NaN;
    }
    case "factor":
      throw new PktError(`factor(${e.column}) cannot be used inside arithmetic`);
  }
}

function checkColumns(f: ParsedFormula, data: readonly Record<string, unknown>[], extra: readonly string[]): void {
  if (data.length === 0) throw new PktError(`formula ${f.source}: the data have no rows`);
  const known = new Set<string>();
  for (const k of Object.keys(data[0])) known.add(k);
  const used = exprColumns(f.response);
  for (const t of f.terms) for (const x of t.factors) exprColumns(x, used);
  for (const c of [...f.fixedEffects, ...extra]) used.add(c);
  for (const c of used) {
    // Records may omit keys; a column is unknown only if no row has it.
    if (known.has(c) || data.some((row) => c in row)) continue;
    const near = closeMatches(c, [...known]);
    const hint = near.length > 0 ? `; close matches: ${near.join(", ")}` : `; columns are ${[...known].slice(0, 20).join(", ")}`;
    throw new FormulaError(f.source, findPos(f, c), `a column of the data`, `unknown column "${c}"${hint}`);
  }
}

function findPos(f: ParsedFormula, column: string): number {
  const re = new RegExp(`(^|[^A-Za-z0-9_.])${column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_.])`);
  const m = re.exec(f.source);
  return m === null ? -1 : m.index + m[1].length;
}

/** Evaluate an expression over all rows at once (NaN where missing or non-finite). */
export function evalColumn(e: Expr, data: readonly Record<string, unknown>[]): Float64Array {
  const N = data.length;
  // Every call returns a new array, so operators overwrite their operand's array in place.
  switch (e.kind) {
    case "column": {
      const out = new Float64Array(N);
      const name = e.name;
      for (let r = 0; r < N; r++) {
        const v = data[r][name];
        out[r] = typeof v === "number" ? (Number.isFinite(v) ? v : NaN) : cellNumber(v, name, r);
      }
      return out;
    }
    case "number":
      return new Float64Array(N).fill(e.value);
    case "paren":
    case "identity":
      return evalColumn(e.arg, data);
    case "negate": {
      const a = evalColumn(e.arg, data);
      for (let r = 0; r < N; r++) a[r] = -a[r];
      return a;
    }
    case "call": {
      const a = evalColumn(e.arg, data);
      const fn = e.fn === "log" ? Math.log : e.fn === "log1p" ? Math.log1p : e.fn === "sqrt" ? Math.sqrt : Math.exp;
      for (let r = 0; r < N; r++) {
        const v = fn(a[r]);
        a[r] = Number.isFinite(v) ? v : NaN;
      }
      return a;
    }
    case "binary": {
      const l = evalColumn(e.left, data);
      const rr = evalColumn(e.right, data);
      for (let r = 0; r < N; r++) {
        const a = l[r], b = rr[r];
        const v = e.op === "+" ? a + b : e.op === "-" ? a - b : e.op === "*" ? a * b : e.op === "/" ? a / b : Math.pow(a, b);
        l[r] = Number.isFinite(v) ? v : NaN;
      }
      return l;
    }
    case "factor":
      throw new PktError(`factor(${e.column}) cannot be used inside arithmetic`);
  }
}

// The row loops of buildFrame live in these small functions rather than inline: variables
// that buildFrame's closures capture are read from the heap on every iteration.

/** keep[r] = 0 where col[r] is NaN (missing). */
function dropMissing(keep: Uint8Array, col: Float64Array): void {
  for (let r = 0; r < col.length; r++) if (col[r] !== col[r]) keep[r] = 0;
}

/** keep[r] = 0 where the cell is missing as a category label. */
function dropMissingLevels(keep: Uint8Array, vals: readonly unknown[]): void {
  for (let r = 0; r < vals.length; r++) {
    const v = vals[r];
    if (typeof v === "number" ? !Number.isFinite(v) : cellLevel(v) === null) keep[r] = 0;
  }
}

/** all[rows[k]] for each k. */
function gather(all: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = all[rows[k]];
  return out;
}

/** The elementwise product of two columns (an interaction). */
function product(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] * b[k];
  return out;
}

/** Column j of a row-major matrix with p columns set to col (all 1 when null). */
function fillColumn(xd: Float64Array, p: number, j: number, col: Float64Array | null): void {
  const n = xd.length / p;
  if (col === null) for (let k = 0, o = j; k < n; k++, o += p) xd[o] = 1;
  else for (let k = 0, o = j; k < n; k++, o += p) xd[o] = col[k];
}

/** Build the model frame (contract in ../model-frame.ts). Works column by column. */
export function buildFrame(
  formula: ParsedFormula | string,
  data: readonly Record<string, unknown>[],
  opts: ModelFrameOptions,
): ModelFrame {
  const f = typeof formula === "string" ? parseFormula(formula) : formula;
  const extra = opts.alsoRequire ?? [];
  checkColumns(f, data, extra);
  const N = data.length;
  const keep = new Uint8Array(N).fill(1);
  const yAll = evalColumn(f.response, data);
  dropMissing(keep, yAll);
  // Every distinct numeric factor once, every categorical column once; listwise deletion over all.
  const numeric = new Map<string, Float64Array>();
  const raw = new Map<string, unknown[]>();
  const factorRefs = new Map<string, Extract<Expr, { kind: "factor" }>>();
  for (const t of f.terms) {
    for (const x of t.factors) {
      if (x.kind === "factor") {
        if (!factorRefs.has(x.column)) factorRefs.set(x.column, x);
        continue;
      }
      const key = deparse(x);
      if (!numeric.has(key)) numeric.set(key, evalColumn(x, data));
    }
  }
  for (const col of numeric.values()) dropMissing(keep, col);
  for (const c of [...factorRefs.keys(), ...f.fixedEffects, ...extra]) {
    if (raw.has(c)) continue;
    const vals = data.map((row) => row[c]);
    raw.set(c, vals);
    dropMissingLevels(keep, vals);
  }
  let n = 0;
  for (let r = 0; r < N; r++) n += keep[r];
  const rows = new Int32Array(n);
  for (let r = 0, k = 0; r < N; r++) if (keep[r]) rows[k++] = r;
  if (n === 0) throw new PktError(`formula ${f.source}: no rows left after dropping ${N} rows with missing values`);

  let fullDummyUsed = f.intercept || f.fixedEffects.length > 0;
  const codings = new Map<string, { names: string[]; cols: Float64Array[] }>();
  const codingFor = (x: Expr, inMainEffect: boolean): { names: string[]; cols: Float64Array[] } => {
    const key = deparse(x);
    const cached = codings.get(key);
    if (cached !== undefined) return cached;
    let coding: { names: string[]; cols: Float64Array[] };
    if (x.kind !== "factor") {
      const all = numeric.get(key) as Float64Array;
      const col = n === N ? all : gather(all, rows);
      coding = { names: [key], cols: [col] };
    } else {
      const lab = (raw.get(x.column) as unknown[]).map(cellLevel);
      const seen = new Set<string>();
      for (const r of rows) seen.add(lab[r] as string);
      const levels = sortLevels(seen);
      let ref = levels[0];
      if (x.ref !== null) {
        if (!seen.has(x.ref)) {
          throw new FormulaError(f.source, x.pos, `a reference level of ${x.column} among ${levels.slice(0, 10).join(", ")}`, JSON.stringify(x.ref));
        }
        ref = x.ref;
      }
      // Without an intercept the first factor main effect gets every level (as R does).
      const full = !fullDummyUsed && inMainEffect;
      if (full) fullDummyUsed = true;
      const coded = full ? levels : levels.filter((l) => l !== ref);
      const pos = new Map(coded.map((l, i) => [l, i]));
      const cols = coded.map(() => new Float64Array(n));
      for (let k = 0; k < n; k++) {
        const i = pos.get(lab[rows[k]] as string);
        if (i !== undefined) cols[i][k] = 1;
      }
      coding = { names: coded.map((l) => `factor(${x.column})${l}`), cols };
    }
    codings.set(key, coding);
    return coding;
  };

  const names: string[] = f.intercept && f.fixedEffects.length === 0 ? ["(Intercept)"] : [];
  const columns: (Float64Array | null)[] = names.length === 1 ? [null] : [];
  for (const t of f.terms) {
    // Interaction columns: the first factor varies fastest (R's order).
    let acc: { name: string; col: Float64Array | null }[] = [{ name: "", col: null }];
    for (const x of t.factors) {
      const c = codingFor(x, t.factors.length === 1);
      const next: { name: string; col: Float64Array | null }[] = [];
      c.names.forEach((nm, j) => {
        for (const a of acc) {
          let col = c.cols[j];
          if (a.col !== null) col = product(a.col, col);
          next.push({ name: a.name === "" ? nm : `${a.name}:${nm}`, col });
        }
      });
      acc = next;
    }
    for (const a of acc) {
      names.push(a.name);
      columns.push(a.col);
    }
  }
  const p = names.length;
  const X = createMatrix(n, p);
  const xd = X.data;
  for (let j = 0; j < p; j++) fillColumn(xd, p, j, columns[j]);
  const y = n === N ? yAll : gather(yAll, rows);
  const index = (name: string): FixedEffectIndex => indexCells(name, raw.get(name) as unknown[], rows);
  const fe = f.fixedEffects.map(index);
  const also = extra.map(index);
  return {
    y,
    X,
    terms: names,
    rowIndex: rows,
    nDropped: N - n,
    fe,
    also,
    response: f.responseLabel,
    formula: f,
  };
}

/**
 * Index the cells `values[rows[k]]` (none missing) as {@link indexLevels} indexes their
 * labels. When every cell is a number the levels are found and sorted as numbers and only
 * then turned into text: the same levels in the same order, without a string per row.
 */
export function indexCells(name: string, values: readonly unknown[], rows: Int32Array): FixedEffectIndex {
  const n = rows.length;
  const pos = new Map<number, number>();
  const ids = new Int32Array(n);
  // A panel sorted by unit repeats a value for many rows: look it up once per run.
  let last = NaN, lastId = -1;
  for (let k = 0; k < n; k++) {
    const v = values[rows[k]];
    if (v === last) {
      ids[k] = lastId;
      continue;
    }
    if (typeof v !== "number") return indexLevels(name, Array.from(rows, (r) => cellLevel(values[r]) as string));
    let id = pos.get(v);
    if (id === undefined) {
      id = pos.size;
      pos.set(v, id);
    }
    ids[k] = id;
    last = v;
    lastId = id;
  }
  const seen = [...pos.keys()];
  const order = seen.map((_, i) => i).sort((a, b) => seen[a] - seen[b]);
  const rank = new Int32Array(order.length);
  order.forEach((i, r) => (rank[i] = r));
  for (let k = 0; k < n; k++) ids[k] = rank[ids[k]];
  return { name, ids, levels: order.map((i) => String(seen[i])) };
}

/** Map labels to integer ids 0..levels-1 (levels sorted as R's factor would). */
export function indexLevels(name: string, labels: readonly string[]): FixedEffectIndex {
  const levels = sortLevels(new Set(labels));
  const pos = new Map(levels.map((l, i) => [l, i]));
  const ids = new Int32Array(labels.length);
  labels.forEach((l, i) => (ids[i] = pos.get(l) as number));
  return { name, ids, levels };
}
