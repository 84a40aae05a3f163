/**
 * Least squares as R does it: Householder QR with LINPACK dqrdc2's limited column pivoting
 * (a column whose remaining norm falls below `tol` times its original norm is moved to the
 * end and reported aliased), then Q'y and back substitution (dqrsl). Working on X rather
 * than X'X keeps the condition number from being squared: on `y ~ year + I(year^2)` the
 * normal equations lose about eight digits.
 */
import { createMatrix, type Matrix } from "./matrix.js";

/** A QR decomposition of (optionally sqrt(w)-weighted) X with dqrdc2 pivoting. */
export interface PivotedQr {
  /** Column-major n x p working array: R in the upper triangle, Householder vectors below. */
  readonly qr: Float64Array;
  readonly qraux: Float64Array;
  /** pivot[k] = original column at position k; the first `rank` are the estimable ones. */
  readonly pivot: Int32Array;
  readonly rank: number;
  readonly n: number;
  readonly p: number;
}

/** R's tolerances: `lm` uses 1e-7, `glm.fit` min(1e-7, epsilon / 1000). */
export const LM_TOL = 1e-7;
export const glmTol = (epsilon = 1e-8): number => Math.min(1e-7, epsilon / 1000);

function nrm2(a: Float64Array, from: number, to: number): number {
  // Scaled as BLAS dnrm2 so huge or tiny columns neither overflow nor underflow.
  let scale = 0, ssq = 1;
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (v !== 0) {
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) ** 2;
        scale = av;
      } else ssq += (av / scale) ** 2;
    }
  }
  return scale * Math.sqrt(ssq);
}

/** Decompose X (row-major) or sqrt(w) X, as dqrdc2. */
export function pivotedQr(X: Matrix, tol: number, w?: ArrayLike<number>): PivotedQr {
  const n = X.rows, p = X.cols;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const s = w === undefined ? 1 : Math.sqrt(w[i]);
    for (let j = 0; j < p; j++) x[j * n + i] = X.data[i * p + j] * s;
  }
  const qraux = new Float64Array(p);
  const work1 = new Float64Array(p);
  const work2 = new Float64Array(p);
  const pivot = Int32Array.from({ length: p }, (_, j) => j);
  for (let j = 0; j < p; j++) {
    qraux[j] = nrm2(x, j * n, j * n + n);
    work1[j] = qraux[j];
    work2[j] = qraux[j] === 0 ? 1 : qraux[j];
  }
  const lup = Math.min(n, p);
  let k = p + 1; // 1-based as in the Fortran
  const col = new Float64Array(n);
  for (let l = 1; l <= lup; l++) {
    const L = l - 1;
    // Move negligible columns to the end (at most once each).
    while (!(l >= k || qraux[L] >= work2[L] * tol)) {
      col.set(x.subarray(L * n, L * n + n));
      x.copyWithin(L * n, (L + 1) * n, p * n);
      x.set(col, (p - 1) * n);
      const pv = pivot[L], qa = qraux[L], w1 = work1[L], w2 = work2[L];
      for (let j = L + 1; j < p; j++) {
        pivot[j - 1] = pivot[j];
        qraux[j - 1] = qraux[j];
        work1[j - 1] = work1[j];
        work2[j - 1] = work2[j];
      }
      pivot[p - 1] = pv;
      qraux[p - 1] = qa;
      work1[p - 1] = w1;
      work2[p - 1] = w2;
      k--;
    }
    if (l === n) break;
    const cl = L * n;
    let nrmxl = nrm2(x, cl + L, cl + n);
    if (nrmxl === 0) continue;
    if (x[cl + L] !== 0) nrmxl = Math.sign(x[cl + L]) * Math.abs(nrmxl);
    for (let i = L; i < n; i++) x[cl + i] /= nrmxl;
    x[cl + L] += 1;
    for (let j = L + 1; j < p; j++) {
      const cj = j * n;
      let dot = 0;
      for (let i = L; i < n; i++) dot += x[cl + i] * x[cj + i];
      const t = -dot / x[cl + L];
      for (let i = L; i < n; i++) x[cj + i] += t * x[cl + i];
      if (qraux[j] === 0) continue;
      const tt = Math.max(1 - (Math.abs(x[cj + L]) / qraux[j]) ** 2, 0);
      if (Math.abs(tt) < 1e-6) {
        qraux[j] = nrm2(x, cj + L + 1, cj + n);
        work1[j] = qraux[j];
      } else qraux[j] *= Math.sqrt(tt);
    }
    qraux[L] = x[cl + L];
    x[cl + L] = -nrmxl;
  }
  const rank = Math.min(k - 1, n);
  return { qr: x, qraux, pivot, rank, n, p };
}

/** Q'y for a decomposition (dqrsl, job 1000). */
export function qty(d: PivotedQr, y: ArrayLike<number>, w?: ArrayLike<number>): Float64Array {
  const { n, qr: x, qraux } = d;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = w === undefined ? y[i] : y[i] * Math.sqrt(w[i]);
  const ju = Math.min(d.rank, n - 1);
  for (let L = 0; L < ju; L++) {
    if (qraux[L] === 0) continue;
    const cl = L * n;
    const diag = x[cl + L];
    x[cl + L] = qraux[L];
    let dot = 0;
    for (let i = L; i < n; i++) dot += x[cl + i] * out[i];
    const t = -dot / x[cl + L];
    for (let i = L; i < n; i++) out[i] += t * x[cl + i];
    x[cl + L] = diag;
  }
  return out;
}

/**
 * Coefficients in the original column order; aliased columns (pivot positions >= rank) are NaN,
 * as R's coef() gives NA.
 */
export function qrCoef(d: PivotedQr, y: ArrayLike<number>, w?: ArrayLike<number>): Float64Array {
  const { n, rank, qr: x } = d;
  const b = qty(d, y, w).subarray(0, rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < rank; j++) s -= x[j * n + i] * b[j];
    b[i] = s / x[i * n + i];
  }
  const coef = new Float64Array(d.p).fill(NaN);
  for (let k = 0; k < rank; k++) coef[d.pivot[k]] = b[k];
  return coef;
}

/**
 * (X'WX)^{-1} = R^{-1} R^{-T} over the estimable columns, in their original order
 * (`rank` x `rank`, rows and columns as `estimable(d)`), as R's chol2inv(qr.R).
 */
export function qrUnscaledVcov(d: PivotedQr): Matrix {
  const { n, rank, qr: x } = d;
  const rinv = new Float64Array(rank * rank); // row-major upper triangular
  for (let j = 0; j < rank; j++) {
    rinv[j * rank + j] = 1 / x[j * n + j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += x[m * n + i] * rinv[m * rank + j];
      rinv[i * rank + j] = -s / x[i * n + i];
    }
  }
  const order = estimableOrder(d);
  const out = createMatrix(rank, rank);
  for (let a = 0; a < rank; a++) {
    for (let b = 0; b < rank; b++) {
      const pa = order[a], pb = order[b];
      let s = 0;
      for (let m = Math.max(pa, pb); m < rank; m++) s += rinv[pa * rank + m] * rinv[pb * rank + m];
      out.data[a * rank + b] = s;
    }
  }
  return out;
}

/** Pivot positions of the estimable columns, sorted by original column index. */
function estimableOrder(d: PivotedQr): number[] {
  return Array.from({ length: d.rank }, (_, k) => k).sort((a, b) => d.pivot[a] - d.pivot[b]);
}

/** Original indices of the estimable columns, ascending. */
export function estimable(d: PivotedQr): number[] {
  return Array.from(d.pivot.subarray(0, d.rank)).sort((a, b) => a - b);
}

/** Original indices of the aliased columns, ascending. */
export function aliased(d: PivotedQr): number[] {
  return Array.from(d.pivot.subarray(d.rank)).sort((a, b) => a - b);
}
