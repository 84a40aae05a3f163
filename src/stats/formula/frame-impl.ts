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

/** How one factor of a term turns into columns: names and a per-row value getter. */
interface FactorCoding {
  readonly names: readonly string[];
  /** Fill `out` (length names.length) for data row r. */
  readonly fill: (row: Record<string, unknown>, r: number, out: Float64Array) => void;
}

function checkColumns(f: ParsedFormula, data: readonly Record<string, unknown>[], extra: readonly string[]): void {
  if (data.length === 0) throw new PktError(`formula ${f.source}: the data have no rows`);
  const known = new Set<string>();
  for (const k of Object.keys(data[0])) known.add(k);
  const used = exprColumns(f.response);
  for (const t of f.terms) for (const x of t.factors) exprColumns(x, used);
  for (const c of [...f.fixedEffects, ...extra]) used.add(c);
  for (const c of used) {
    if (known.has(c)) continue;
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

/** Build the model frame (contract in ../model-frame.ts). */
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
  const yAll = new Float64Array(N);
  for (let r = 0; r < N; r++) {
    const v = evalExpr(f.response, data[r], r);
    yAll[r] = v;
    if (Number.isNaN(v)) keep[r] = 0;
  }
  // Which rows lack any value the model uses (listwise deletion), before levels are counted.
  const factorExprs = new Map<string, Extract<Expr, { kind: "factor" }>>();
  const numericExprs: Expr[] = [];
  for (const t of f.terms) {
    for (const x of t.factors) {
      if (x.kind === "factor") factorExprs.set(x.column, x);
      else numericExprs.push(x);
    }
  }
  const levelCols = [...factorExprs.keys(), ...f.fixedEffects, ...extra];
  for (let r = 0; r < N; r++) {
    if (!keep[r]) continue;
    const row = data[r];
    for (const x of numericExprs) {
      if (Number.isNaN(evalExpr(x, row, r))) {
        keep[r] = 0;
        break;
      }
    }
    if (keep[r]) for (const c of levelCols) if (cellLevel(row[c]) === null) keep[r] = 0;
  }
  const rows: number[] = [];
  for (let r = 0; r < N; r++) if (keep[r]) rows.push(r);
  const n = rows.length;
  if (n === 0) throw new PktError(`formula ${f.source}: no rows left after dropping ${N} rows with missing values`);

  let fullDummyUsed = f.intercept || f.fixedEffects.length > 0;
  const codings = new Map<string, FactorCoding>();
  const codingFor = (x: Expr, inMainEffect: boolean): FactorCoding => {
    const key = deparse(x);
    if (x.kind !== "factor") {
      return codings.get(key) ?? { names: [key], fill: (row, r, out) => void (out[0] = evalExpr(x, row, r)) };
    }
    const cached = codings.get(key);
    if (cached !== undefined) return cached;
    const seen = new Set<string>();
    for (const r of rows) seen.add(cellLevel(data[r][x.column]) as string);
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
    const coding: FactorCoding = {
      names: coded.map((l) => `factor(${x.column})${l}`),
      fill: (row, _r, out) => {
        out.fill(0);
        const i = pos.get(cellLevel(row[x.column]) as string);
        if (i !== undefined) out[i] = 1;
      },
    };
    codings.set(key, coding);
    return coding;
  };

  const termCodings = f.terms.map((t) => t.factors.map((x) => codingFor(x, t.factors.length === 1)));
  const names: string[] = f.intercept && f.fixedEffects.length === 0 ? ["(Intercept)"] : [];
  for (const tc of termCodings) names.push(...crossNames(tc.map((c) => c.names)));
  const p = names.length;
  const X = createMatrix(n, p);
  const y = new Float64Array(n);
  const bufs = termCodings.map((tc) => tc.map((c) => new Float64Array(c.names.length)));
  for (let k = 0; k < n; k++) {
    const r = rows[k];
    y[k] = yAll[r];
    let j = 0;
    if (names[0] === "(Intercept)") X.data[k * p + j++] = 1;
    termCodings.forEach((tc, ti) => {
      const bs = bufs[ti];
      tc.forEach((c, fi) => c.fill(data[r], r, bs[fi]));
      j = writeProducts(bs, X.data, k * p + j) - k * p;
    });
  }
  const fe: FixedEffectIndex[] = f.fixedEffects.map((name) => indexLevels(name, rows.map((r) => cellLevel(data[r][name]) as string)));
  return {
    y,
    X,
    terms: names,
    rowIndex: Int32Array.from(rows),
    nDropped: N - n,
    fe,
    response: f.responseLabel,
    formula: f,
  };
}

/** Names of an interaction's columns; the first factor varies fastest (R's order). */
function crossNames(parts: readonly (readonly string[])[]): string[] {
  let acc: string[] = [""];
  parts.forEach((names, i) => {
    const next: string[] = [];
    for (const b of names) for (const a of acc) next.push(i === 0 ? b : `${a}:${b}`);
    acc = next;
  });
  return acc;
}

function writeProducts(bufs: readonly Float64Array[], out: Float64Array, at: number): number {
  let acc: number[] = [1];
  for (const b of bufs) {
    const next: number[] = [];
    for (let j = 0; j < b.length; j++) for (const a of acc) next.push(a * b[j]);
    acc = next;
  }
  for (const v of acc) out[at++] = v;
  return at;
}

/** Map labels to integer ids 0..levels-1 (levels sorted as R's factor would). */
export function indexLevels(name: string, labels: readonly string[]): FixedEffectIndex {
  const levels = sortLevels(new Set(labels));
  const pos = new Map(levels.map((l, i) => [l, i]));
  const ids = new Int32Array(labels.length);
  labels.forEach((l, i) => (ids[i] = pos.get(l) as number));
  return { name, ids, levels };
}
