/** Implementation of modelFrame (see ../model-frame.ts for the contract). */
import { PktError } from "../../core/errors.js";
import { createMatrix } from "../linalg/matrix.js";
import type { FixedEffectIndex, ModelFrame, ModelFrameOptions } from "../model-frame.js";
import { closeMatches, FormulaError } from "./errors.js";
import { deparse } from "./deparse.js";
import { exprColumns, parseFormula } from "./parse.js";
import type { Expr, ParsedFormula } from "./types.js";
import type { ModelWarning } from "../results.js";

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

/**
 * Columns (and expressions of them, by their deparsed text) already computed on a data array
 * that cannot change: a frozen array whose rows are all frozen (the study's samples are; many
 * models are fitted on one sample, and reading cells from row objects was the larger part of
 * building their frames). Null for any other array, which is read afresh every time.
 */
const COLUMNS = new WeakMap<readonly Record<string, unknown>[], Map<string, Float64Array> | null>();

function columnCache(data: readonly Record<string, unknown>[]): Map<string, Float64Array> | null {
  let c = COLUMNS.get(data);
  if (c === undefined) {
    c = Object.isFrozen(data) && data.every((row) => Object.isFrozen(row)) ? new Map() : null;
    COLUMNS.set(data, c);
  }
  return c;
}

/**
 * Frozen arrays declared (by {@link declareSubset}) to be given rows of a frozen parent array,
 * the same row objects: their columns are computed once on the parent and gathered. The
 * study's samples are subsets of one prepared panel, so a column is read from the row objects
 * once per panel rather than once per sample.
 */
const SUBSETS = new WeakMap<readonly Record<string, unknown>[], { readonly parent: readonly Record<string, unknown>[]; readonly index: Int32Array }>();

/**
 * Declare that the frozen array `subset` holds the rows `index` (ascending or not) of the frozen
 * array `parent`, row object for row object (checked). Columns of `subset` are then gathered
 * from the parent's, computed once; results are the same as reading `subset` itself.
 */
export function declareSubset(subset: readonly Record<string, unknown>[], parent: readonly Record<string, unknown>[], index: Int32Array): void {
  if (!Object.isFrozen(subset) || !Object.isFrozen(parent) || index.length !== subset.length) {
    throw new PktError(`declareSubset: needs a frozen subset and parent and one index per subset row (${index.length} indexes for ${subset.length} rows)`);
  }
  for (let k = 0; k < index.length; k++) {
    if (subset[k] !== parent[index[k]]) throw new PktError(`declareSubset: subset row ${k} is not parent row ${index[k]}`);
  }
  SUBSETS.set(subset, { parent, index });
}

/** The cached column of frozen `data` (not a copy: callers must not write to it), or null when `data` has no cache. */
function cachedColumn(e: Expr, data: readonly Record<string, unknown>[], keepNonFinite: boolean): Float64Array | null {
  const cache = columnCache(data);
  if (cache === null) return null;
  const key = `${keepNonFinite ? "keep " : ""}${deparse(e)}`;
  let col = cache.get(key);
  if (col === undefined) {
    col = gathered(e, data, keepNonFinite) ?? evalUncached(e, data, keepNonFinite);
    cache.set(key, col);
  }
  return col;
}

/**
 * The column of a declared subset gathered from its parent's, or null when `data` is no
 * declared subset or the parent cannot be evaluated (a bad cell in a row outside the subset:
 * the subset is then read itself, so errors name its own rows).
 */
function gathered(e: Expr, data: readonly Record<string, unknown>[], keepNonFinite: boolean): Float64Array | null {
  const sub = SUBSETS.get(data);
  if (sub === undefined) return null;
  let whole: Float64Array | null;
  try {
    whole = cachedColumn(e, sub.parent, keepNonFinite);
  } catch {
    return null;
  }
  if (whole === null) return null;
  const { index } = sub;
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = whole[index[k]];
  return out;
}

/** Evaluate an expression over all rows at once (NaN where missing; non-finite results NaN too unless `keepNonFinite`). */
export function evalColumn(e: Expr, data: readonly Record<string, unknown>[], keepNonFinite = false): Float64Array {
  if (e.kind === "number") return evalUncached(e, data, keepNonFinite);
  const col = cachedColumn(e, data, keepNonFinite);
  return col === null ? evalUncached(e, data, keepNonFinite) : col.slice();
}

/** The raw cells of column `c` (category labels, fixed-effect ids); gathered from the parent's for a declared subset. */
const RAW = new WeakMap<readonly Record<string, unknown>[], Map<string, readonly unknown[]>>();

function rawColumn(data: readonly Record<string, unknown>[], c: string): readonly unknown[] {
  if (columnCache(data) === null) return data.map((row) => row[c]);
  let byCol = RAW.get(data);
  if (byCol === undefined) RAW.set(data, (byCol = new Map()));
  let vals = byCol.get(c);
  if (vals === undefined) {
    const sub = SUBSETS.get(data);
    if (sub !== undefined && columnCache(sub.parent) !== null) {
      const whole = rawColumn(sub.parent, c);
      const out = new Array<unknown>(sub.index.length);
      for (let k = 0; k < out.length; k++) out[k] = whole[sub.index[k]];
      vals = out;
    } else {
      vals = data.map((row) => row[c]);
    }
    byCol.set(c, vals);
  }
  return vals;
}

/**
 * {@link evalColumn} with the columns of `fixed` set to one value in every row (a
 * counterfactual such as "every country at size x"), without copying the rows: the parts of
 * the expression without a fixed column come from the column cache as usual; the parts with
 * one are computed afresh (not cached).
 */
export function evalColumnFixed(e: Expr, data: readonly Record<string, unknown>[], fixed: ReadonlyMap<string, number>): Float64Array {
  if (fixed.size === 0 || ![...exprColumns(e)].some((c) => fixed.has(c))) return evalColumn(e, data);
  return evalUncached(e, data, false, fixed);
}

function evalUncached(e: Expr, data: readonly Record<string, unknown>[], keepNonFinite: boolean, fixed?: ReadonlyMap<string, number>): Float64Array {
  const ev = (x: Expr): Float64Array => (fixed === undefined ? evalColumn(x, data, keepNonFinite) : evalColumnFixed(x, data, fixed));
  const N = data.length;
  // Every call returns a new array, so operators overwrite their operand's array in place.
  switch (e.kind) {
    case "column": {
      const v = fixed?.get(e.name);
      if (v !== undefined) return new Float64Array(N).fill(cellNumber(v, e.name, 0));
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
      return ev(e.arg);
    case "negate": {
      const a = ev(e.arg);
      for (let r = 0; r < N; r++) a[r] = -a[r];
      return a;
    }
    case "call": {
      const a = ev(e.arg);
      const fn = e.fn === "log" ? Math.log : e.fn === "log1p" ? Math.log1p : e.fn === "sqrt" ? Math.sqrt : Math.exp;
      for (let r = 0; r < N; r++) {
        const v = fn(a[r]);
        a[r] = keepNonFinite || Number.isFinite(v) ? v : NaN;
      }
      return a;
    }
    case "binary": {
      const l = ev(e.left);
      const rr = ev(e.right);
      for (let r = 0; r < N; r++) {
        const a = l[r], b = rr[r];
        const v = e.op === "+" ? a + b : e.op === "-" ? a - b : e.op === "*" ? a * b : e.op === "/" ? a / b : Math.pow(a, b);
        l[r] = keepNonFinite || Number.isFinite(v) ? v : NaN;
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

/**
 * Values outside a function's domain, handled as R does: model.frame drops NaN rows (and
 * log/sqrt warn "NaNs produced"), lm.fit/glm.fit stop on an infinite value among the rows
 * left ("NA/NaN/Inf in 'x'"). A NaN whose inputs are all present is counted apart from
 * missing values, warned about with its count, and reported in glance.
 */
class DomainCheck {
  readonly warnings: ModelWarning[] = [];
  nanRows = 0;
  private readonly inputMissing: Uint8Array;
  private readonly nan: Uint8Array;
  private readonly infinite: { label: string; where: "x" | "y"; col: Float64Array; fn: string | null }[] = [];

  constructor(
    private readonly f: ParsedFormula,
    private readonly data: readonly Record<string, unknown>[],
  ) {
    this.inputMissing = new Uint8Array(data.length);
    this.nan = new Uint8Array(data.length);
  }

  eval(x: Expr, where: "x" | "y"): Float64Array {
    const raw = evalColumn(x, this.data, true);
    const N = raw.length;
    const missing = new Uint8Array(N);
    for (const c of exprColumns(x)) {
      const v = evalColumn({ kind: "column", name: c } as Expr, this.data);
      for (let r = 0; r < N; r++) if (v[r] !== v[r]) missing[r] = 1;
    }
    let nNan = 0, firstNan = -1, nInf = 0;
    for (let r = 0; r < N; r++) {
      if (missing[r]) {
        this.inputMissing[r] = 1;
        continue;
      }
      const v = raw[r];
      if (v !== v) {
        this.nan[r] = 1;
        if (nNan++ === 0) firstNan = r;
      } else if (v === Infinity || v === -Infinity) nInf++;
    }
    const label = where === "y" ? this.f.responseLabel : deparse(x);
    if (nNan > 0) {
      this.warnings.push({
        type: "domain",
        message: `${label} is NaN (outside the function's domain) in ${nNan} row${nNan === 1 ? "" : "s"} (first: data row ${firstNan + 1}); those rows are dropped, as R does after warning "NaNs produced"`,
        terms: [label],
      });
    }
    if (nInf > 0) this.infinite.push({ label, where, col: raw, fn: x.kind === "call" ? x.fn : null });
    // NaN cells go through the caller's listwise deletion; infinite ones are judged in finish().
    return raw;
  }

  /** Count NaN-only rows; throw on an infinite value in a row that is otherwise kept. */
  finish(keep: Uint8Array): void {
    const N = keep.length;
    for (const inf of this.infinite) {
      let count = 0, first = -1, neg = false, pos = false;
      for (let r = 0; r < N; r++) {
        const v = inf.col[r];
        if (keep[r] && !this.nan[r] && (v === Infinity || v === -Infinity)) {
          if (count++ === 0) first = r;
          if (v < 0) neg = true;
          else pos = true;
        }
      }
      if (count === 0) continue;
      const what = neg && pos ? "infinite" : neg ? "-Inf" : "Inf";
      const arg = inf.fn === "log" ? inf.label.slice(4, -1) : null;
      const fix = arg !== null ? `, e.g. log1p(${arg}) or log(${arg} + c)` : "";
      throw new PktError(
        `formula ${this.f.source}: ${inf.label} is ${what} in ${count} row${count === 1 ? "" : "s"} (first: data row ${first + 1}); R stops here ("NA/NaN/Inf in '${inf.where}'"); remove or recode those rows${fix}`,
      );
    }
    for (let r = 0; r < N; r++) {
      if (this.nan[r] && !this.inputMissing[r]) this.nanRows++;
    }
  }
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
  const domain = new DomainCheck(f, data);
  const yAll = domain.eval(f.response, "y");
  dropMissing(keep, yAll);
  // Every distinct numeric factor once, every categorical column once; listwise deletion over all.
  const numeric = new Map<string, Float64Array>();
  const raw = new Map<string, readonly unknown[]>();
  const factorRefs = new Map<string, Extract<Expr, { kind: "factor" }>>();
  for (const t of f.terms) {
    for (const x of t.factors) {
      if (x.kind === "factor") {
        if (!factorRefs.has(x.column)) factorRefs.set(x.column, x);
        continue;
      }
      const key = deparse(x);
      if (!numeric.has(key)) numeric.set(key, domain.eval(x, "x"));
    }
  }
  for (const col of numeric.values()) dropMissing(keep, col);
  for (const c of [...factorRefs.keys(), ...f.fixedEffects, ...extra]) {
    if (raw.has(c)) continue;
    const vals = rawColumn(data, c);
    raw.set(c, vals);
    dropMissingLevels(keep, vals);
  }
  domain.finish(keep);
  let n = 0;
  for (let r = 0; r < N; r++) n += keep[r];
  const rows = new Int32Array(n);
  for (let r = 0, k = 0; r < N; r++) if (keep[r]) rows[k++] = r;
  if (n === 0) throw new PktError(`formula ${f.source}: no rows left after dropping ${N} rows with missing values`);

  // R's model.matrix coding (TermCode in R's model.c): a factor in a term is coded by
  // contrasts (reference level left out) when the term without it is empty (the intercept)
  // or is contained in an earlier term; otherwise by indicators for every level. So
  // `factor(r):x` without `x` gives one slope per level. Without an intercept the first
  // factor main effect gets every level.
  let fullMainUsed = f.intercept || f.fixedEffects.length > 0;
  const termKeys = f.terms.map((t) => t.factors.map((x) => deparse(x)));
  const codings = new Map<string, { names: string[]; cols: Float64Array[] }>();
  const levelCache = new Map<string, { lab: (string | null)[]; levels: string[]; ref: string }>();
  const levelsOf = (x: Extract<Expr, { kind: "factor" }>) => {
    const key = deparse(x);
    let c = levelCache.get(key);
    if (c === undefined) {
      const lab = (raw.get(x.column) as readonly unknown[]).map(cellLevel);
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
      c = { lab, levels, ref };
      levelCache.set(key, c);
    }
    return c;
  };
  const codingFor = (x: Expr, full: boolean): { names: string[]; cols: Float64Array[] } => {
    const key = `${deparse(x)}|${full ? "full" : "contrasts"}`;
    const cached = codings.get(key);
    if (cached !== undefined) return cached;
    let coding: { names: string[]; cols: Float64Array[] };
    if (x.kind !== "factor") {
      const all = numeric.get(deparse(x)) as Float64Array;
      const col = n === N ? all : gather(all, rows);
      coding = { names: [deparse(x)], cols: [col] };
    } else {
      const { lab, levels, ref } = levelsOf(x);
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
  const fullCoding = (ti: number, xi: number): boolean => {
    const keys = termKeys[ti];
    const rest = keys.filter((_, i) => i !== xi);
    if (rest.length === 0) {
      if (fullMainUsed) return false;
      fullMainUsed = true;
      return true;
    }
    for (let e = 0; e < ti; e++) if (rest.every((k) => termKeys[e].includes(k))) return false;
    return true;
  };

  const names: string[] = f.intercept && f.fixedEffects.length === 0 ? ["(Intercept)"] : [];
  const columns: (Float64Array | null)[] = names.length === 1 ? [null] : [];
  f.terms.forEach((t, ti) => {
    // Interaction columns: the first factor varies fastest (R's order).
    let acc: { name: string; col: Float64Array | null }[] = [{ name: "", col: null }];
    t.factors.forEach((x, xi) => {
      const c = codingFor(x, x.kind === "factor" && fullCoding(ti, xi));
      const next: { name: string; col: Float64Array | null }[] = [];
      c.names.forEach((nm, j) => {
        for (const a of acc) {
          let col = c.cols[j];
          if (a.col !== null) col = product(a.col, col);
          next.push({ name: a.name === "" ? nm : `${a.name}:${nm}`, col });
        }
      });
      acc = next;
    });
    for (const a of acc) {
      names.push(a.name);
      columns.push(a.col);
    }
  });
  const p = names.length;
  const X = createMatrix(n, p);
  const xd = X.data;
  for (let j = 0; j < p; j++) fillColumn(xd, p, j, columns[j]);
  const y = n === N ? yAll : gather(yAll, rows);
  const index = (name: string): FixedEffectIndex => indexCells(name, raw.get(name) as readonly unknown[], rows);
  const fe = f.fixedEffects.map(index);
  const also = extra.map(index);
  return {
    y,
    X,
    terms: names,
    rowIndex: rows,
    nDropped: N - n - domain.nanRows,
    nDroppedNaN: domain.nanRows,
    warnings: domain.warnings,
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
