/**
 * Dense row-major matrices on Float64Array and the few decompositions the
 * estimators need (Cholesky, SPD solve/inverse, R-style pivoted QR for rank).
 * Pure and allocation-light; no node: imports (runs in browser workers too).
 */
import { weightedCrossprod } from "./crossprod-kernel.js";

/** A dense row-major matrix: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A zero matrix, or one wrapping `data` (length must be rows * cols). */
export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (data !== undefined && data.length !== rows * cols) {
    throw new RangeError(`createMatrix: expected ${rows * cols} values for ${rows}x${cols}, got ${data.length}`);
  }
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

/** Element (i, j). */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/** Set element (i, j) in place. */
export function set(m: Matrix, i: number, j: number, v: number): void {
  m.data[i * m.cols + j] = v;
}

/** Build from an array of rows (all the same length). */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = createMatrix(r, c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new RangeError(`fromRows: row ${i} has ${rows[i].length} values, expected ${c}`);
    for (let j = 0; j < c; j++) m.data[i * c + j] = rows[i][j];
  }
  return m;
}

/** Plain nested arrays (for JSON results). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** The n x n identity. */
export function identity(n: number): Matrix {
  const m = createMatrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** A copy. */
export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

/** Column j as a new vector. */
export function column(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

/** The matrix keeping only the listed columns, in that order. */
export function selectColumns(m: Matrix, cols: readonly number[]): Matrix {
  const out = createMatrix(m.rows, cols.length);
  for (let i = 0; i < m.rows; i++) {
    for (let k = 0; k < cols.length; k++) out.data[i * cols.length + k] = m.data[i * m.cols + cols[k]];
  }
  return out;
}

/** The matrix keeping only the listed rows, in that order. */
export function selectRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const out = createMatrix(rows.length, m.cols);
  for (let k = 0; k < rows.length; k++) out.data.set(m.data.subarray(rows[k] * m.cols, (rows[k] + 1) * m.cols), k * m.cols);
  return out;
}

/** A^T. */
export function transpose(a: Matrix): Matrix {
  const out = createMatrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

/** A B. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`multiply: ${a.rows}x${a.cols} times ${b.rows}x${b.cols}`);
  const out = createMatrix(a.rows, b.cols);
  const n = a.cols, m = b.cols, ad = a.data, bd = b.data, od = out.data;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < n; k++) {
      const aik = ad[i * n + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) od[i * m + j] += aik * bd[k * m + j];
    }
  }
  return out;
}

/** A B A^T for square B (the sandwich product). */
export function sandwichProduct(a: Matrix, b: Matrix): Matrix {
  return multiply(multiply(a, b), transpose(a));
}

/**
 * X^T W X (p x p, symmetric), with optional observation weights `w` (length n).
 * Writes into `out` when given (must be p x p) to avoid allocation in hot loops.
 */
export function crossprod(x: Matrix, w?: Float64Array, out?: Matrix): Matrix {
  const res = out ?? createMatrix(x.cols, x.cols);
  weightedCrossprod(x.data, x.rows, x.cols, w, res.data);
  return res;
}

/** A x. */
export function matvec(a: Matrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(a.rows);
  const c = a.cols, d = a.data;
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const off = i * c;
    for (let j = 0; j < c; j++) s += d[off + j] * x[j];
    res[i] = s;
  }
  return res;
}

/** A^T x (optionally A^T diag(w) x). */
export function tmatvec(a: Matrix, x: ArrayLike<number>, w?: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(a.cols);
  res.fill(0);
  const c = a.cols, d = a.data;
  for (let i = 0; i < a.rows; i++) {
    const xi = w === undefined ? x[i] : x[i] * w[i];
    if (xi === 0) continue;
    const off = i * c;
    for (let j = 0; j < c; j++) res[j] += d[off + j] * xi;
  }
  return res;
}

/** Result of a Cholesky factorisation: lower-triangular L with A = L L^T, or the failing pivot. */
export type CholeskyResult =
  | { readonly ok: true; readonly L: Matrix }
  | { readonly ok: false; readonly column: number; readonly pivot: number };

/** Cholesky of a symmetric matrix. Non-positive-definite input returns `{ok: false}`, never throws. */
export function cholesky(a: Matrix): CholeskyResult {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError(`cholesky: matrix is ${a.rows}x${a.cols}, not square`);
  const L = createMatrix(n, n);
  const l = L.data, ad = a.data;
  for (let j = 0; j < n; j++) {
    let d = ad[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0) || !Number.isFinite(d)) return { ok: false, column: j, pivot: d };
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = ad[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return { ok: true, L };
}

/** Solve (L L^T) x = b given the Cholesky factor L. */
export function cholSolve(L: Matrix, b: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = L.rows, l = L.data;
  const x = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** (L L^T)^{-1} given the Cholesky factor L. */
export function cholInverse(L: Matrix): Matrix {
  const n = L.rows;
  const inv = createMatrix(n, n);
  const e = new Float64Array(n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    cholSolve(L, e, col);
    for (let i = 0; i < n; i++) inv.data[i * n + j] = col[i];
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (inv.data[i * n + j] + inv.data[j * n + i]);
      inv.data[i * n + j] = v;
      inv.data[j * n + i] = v;
    }
  }
  return inv;
}

/** Inverse of a symmetric positive-definite matrix, or null if it is not PD. */
export function inverseSPD(a: Matrix): Matrix | null {
  const c = cholesky(a);
  return c.ok ? cholInverse(c.L) : null;
}

/** Solve A x = b for square A by LU with partial pivoting; null if A is singular. */
export function solve(a: Matrix, b: ArrayLike<number>): Float64Array | null {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError(`solve: matrix is ${a.rows}x${a.cols}, not square`);
  const m = Float64Array.from(a.data);
  const x = Float64Array.from(b as ArrayLike<number>);
  let scale = 0;
  for (let i = 0; i < m.length; i++) scale = Math.max(scale, Math.abs(m[i]));
  const tiny = scale * n * Number.EPSILON;
  for (let k = 0; k < n; k++) {
    let piv = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[piv * n + k])) piv = i;
    if (!(Math.abs(m[piv * n + k]) > tiny)) return null;
    if (piv !== k) {
      for (let j = 0; j < n; j++) {
        const t = m[k * n + j];
        m[k * n + j] = m[piv * n + j];
        m[piv * n + j] = t;
      }
      const t = x[k];
      x[k] = x[piv];
      x[piv] = t;
    }
    for (let i = k + 1; i < n; i++) {
      const f = m[i * n + k] / m[k * n + k];
      if (f === 0) continue;
      for (let j = k; j < n; j++) m[i * n + j] -= f * m[k * n + j];
      x[i] -= f * x[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= m[i * n + j] * x[j];
    x[i] = s / m[i * n + i];
  }
  return x;
}

/** Which columns of a design matrix to keep and which are (near-)linear combinations of earlier ones. */
export interface RankResult {
  readonly rank: number;
  /** Column indices kept, in original order. */
  readonly keep: readonly number[];
  /** Column indices dropped as collinear with earlier columns, in original order. */
  readonly dropped: readonly number[];
}

/**
 * Rank detection as R's `lm`/`glm` do it (LINPACK dqrdc2, "limited column pivoting"):
 * Householder QR in column order; a column whose remaining norm falls below
 * `tol` times its original norm is collinear with earlier columns and moved out.
 * So among collinear columns the later ones are dropped, matching R's NA coefficients.
 * Optional weights `w` apply the QR to sqrt(w) X (as glm's weighted fit does).
 */
export function collinearColumns(x: Matrix, tol = 1e-7, w?: Float64Array): RankResult {
  const n = x.rows, p = x.cols;
  // Fast path: the Cholesky pivots of X'X are the squared QR diagonals; when every one is far
  // above the threshold the QR would keep every column, so skip it.
  if (n >= p) {
    const xtx = crossprod(x, w);
    const ch = cholesky(xtx);
    if (ch.ok) {
      let clear = true;
      for (let j = 0; j < p && clear; j++) {
        const rjj = ch.L.data[j * p + j];
        if (!(rjj * rjj > 1e-6 * xtx.data[j * p + j])) clear = false;
      }
      if (clear) return { rank: p, keep: Array.from({ length: p }, (_, j) => j), dropped: [] };
    }
  }
  // Column-major working copy: the QR walks down columns.
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const s = w === undefined ? 1 : Math.sqrt(w[i]);
    for (let j = 0; j < p; j++) a[j * n + i] = x.data[i * p + j] * s;
  }
  const orig = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[j * n + i] * a[j * n + i];
    orig[j] = Math.sqrt(s);
  }
  const keep: number[] = [];
  const dropped: number[] = [];
  let k = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = k; i < n; i++) s += a[j * n + i] * a[j * n + i];
    const nrm = Math.sqrt(s);
    if (k >= n || nrm < tol * (orig[j] === 0 ? 1 : orig[j]) || orig[j] === 0) {
      dropped.push(j);
      continue;
    }
    // Householder reflector for rows k..n-1 of column j, applied to later columns.
    const alpha = a[j * n + k] > 0 ? -nrm : nrm;
    const v0 = a[j * n + k] - alpha;
    let vnorm2 = v0 * v0;
    for (let i = k + 1; i < n; i++) vnorm2 += a[j * n + i] * a[j * n + i];
    if (vnorm2 > 0) {
      for (let c = j + 1; c < p; c++) {
        let dot = v0 * a[c * n + k];
        for (let i = k + 1; i < n; i++) dot += a[j * n + i] * a[c * n + i];
        const f = (2 * dot) / vnorm2;
        a[c * n + k] -= f * v0;
        for (let i = k + 1; i < n; i++) a[c * n + i] -= f * a[j * n + i];
      }
    }
    keep.push(j);
    k++;
  }
  return { rank: keep.length, keep, dropped };
}
