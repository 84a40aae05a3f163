/**
 * Weighted least squares through the normal equations X'WX b = X'Wz, used only where it
 * gives R's pivoted-QR answer (./qr.ts) to rounding.
 *
 * The Cholesky pivot of column j, L_jj^2, is the squared norm of column j of sqrt(W) X
 * left after projecting out the columns before it, and (X'WX)_jj is its squared norm:
 * the two norms LINPACK's dqrdc2 compares when it decides to pivot a column (it does when
 * their ratio is below its tolerance, at most 1e-7 in R, so 1e-14 on this squared scale).
 * When every L_jj^2 / (X'WX)_jj is at least CHOL_MIN_RATIO, dqrdc2 pivots nothing and the
 * rank is full, and the design is far enough from collinear that squaring its condition
 * number in X'WX costs no more than about 1e-9 relative. Otherwise callers fall back to the
 * pivoted QR, so near-collinear designs get R's decisions and R's accuracy.
 */
import { layoutCrossprod, weightedCrossprod, type ColumnLayout } from "./crossprod-kernel.js";
import { cholesky, cholInverse, cholSolve, createMatrix, type Matrix } from "./matrix.js";
import { pivotedQr, qrCoef, qrUnscaledVcov, type PivotedQr } from "./qr.js";

/** Smallest L_jj^2 / (X'WX)_jj for which the normal equations are used (see the module comment). */
export const CHOL_MIN_RATIO = 1e-6;

/** The Cholesky factor of X'WX, and X'Wz when z is given. */
export interface NormalEquations {
  readonly L: Matrix;
  readonly rhs: Float64Array;
}

/**
 * X'WX (w undefined: all 1) and X'Wz for row-major X (n x p), and the Cholesky factor of
 * X'WX (with `layout`, the design's dummies are summed over their rows only: the same
 * numbers, fewer operations); null when some pivot ratio is below CHOL_MIN_RATIO or the
 * matrix is not positive definite (the caller then uses pivotedQr).
 */
export function guardedNormalEquations(x: Float64Array, n: number, p: number, w?: Float64Array, z?: Float64Array, layout?: ColumnLayout | null): NormalEquations | null {
  const a = createMatrix(p, p);
  const rhs = new Float64Array(p);
  if (layout !== undefined && layout !== null) layoutCrossprod(layout, w, a.data, z, z === undefined ? undefined : rhs);
  else weightedCrossprod(x, n, p, w, a.data, z, z === undefined ? undefined : rhs);
  const c = cholesky(a);
  if (!c.ok) return null;
  const l = c.L.data;
  for (let j = 0; j < p; j++) {
    const ljj = l[j * p + j];
    if (!(ljj * ljj >= CHOL_MIN_RATIO * a.data[j * p + j])) return null;
  }
  return { L: c.L, rhs };
}

/** The factor a least-squares solve used: Cholesky of X'WX, or R's pivoted QR of sqrt(W) X. */
export type LeastSquaresFactor = { readonly chol: Matrix } | { readonly qr: PivotedQr };

/**
 * min ||sqrt(W)(z - X b)|| as R's lm and glm.fit solve it: by the guarded normal equations
 * (with `layout`, dummy columns summed over their own rows), else by pivoted QR with
 * tolerance `tol`. Null when the QR finds the design rank-deficient.
 */
export function leastSquares(X: Matrix, z: Float64Array, tol: number, w?: Float64Array, layout?: ColumnLayout | null): { coef: Float64Array; factor: LeastSquaresFactor } | null {
  const ne = guardedNormalEquations(X.data, X.rows, X.cols, w, z, layout);
  if (ne !== null) return { coef: cholSolve(ne.L, ne.rhs), factor: { chol: ne.L } };
  const qr = pivotedQr(X, tol, w);
  return qr.rank < X.cols ? null : { coef: qrCoef(qr, z, w), factor: { qr } };
}

/** (X'WX)^{-1} from the factor of a full-rank {@link leastSquares} solve (R's chol2inv of the QR's R). */
export function unscaledVcov(f: LeastSquaresFactor): Matrix {
  return "chol" in f ? cholInverse(f.chol) : qrUnscaledVcov(f.qr);
}
