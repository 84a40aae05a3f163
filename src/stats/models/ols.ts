/**
 * Ordinary least squares (also the linear probability model) as R's lm: by pivoted QR of X,
 * or by the normal equations when their Cholesky pivots show the QR would pivot nothing and
 * squaring the condition number costs no accuracy (../linalg/normal-equations.ts).
 */
import { createMatrix, matvec } from "../linalg/matrix.js";
import { leastSquares, unscaledVcov } from "../linalg/normal-equations.js";
import { LM_TOL } from "../linalg/qr.js";
import type { KernelFit, KernelInput } from "../kernel.js";
import { leverages } from "./glm.js";

/** Gaussian log-likelihood as R's logLik.lm (ML variance RSS / n). */
export function gaussianLogLik(rss: number, n: number): number {
  return 0.5 * -n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss));
}

/** Fit y = X b + e by least squares. Weights are not supported here (kept simple). */
export function fitOls(input: KernelInput): KernelFit {
  const { y, X } = input;
  const n = X.rows, p = X.cols;
  const ls = leastSquares(X, y, LM_TOL);
  const ok = ls !== null;
  const bread = ls !== null ? unscaledVcov(ls.factor) : createMatrix(p, p, new Float64Array(p * p).fill(NaN));
  const coef = ls !== null ? ls.coef : new Float64Array(p).fill(NaN);
  const fitted = matvec(X, coef);
  const scores = createMatrix(n, p);
  let rss = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i] / n;
  const hasIntercept = hasConstantColumn(X);
  let fbar = 0;
  for (let i = 0; i < n; i++) fbar += fitted[i] / n;
  let mss = 0, tssNull = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i] - fitted[i];
    rss += e * e;
    mss += hasIntercept ? (fitted[i] - fbar) ** 2 : fitted[i] ** 2;
    tssNull += (y[i] - ybar) ** 2;
    for (let j = 0; j < p; j++) scores.data[i * p + j] = X.data[i * p + j] * e;
  }
  const df = n - p;
  return {
    coef,
    bread,
    scores,
    loglik: gaussianLogLik(rss, n),
    nullLoglik: gaussianLogLik(tssNull, n),
    fitted,
    linearPredictor: Float64Array.from(fitted),
    converged: ok,
    iterations: 1,
    dfResidual: df,
    scale: df > 0 ? rss / df : NaN,
    hat: input.needHat ? leverages(X, undefined, bread) : undefined,
    r2: mss + rss > 0 ? mss / (mss + rss) : 0,
    nParams: p + 1,
    warnings: [],
  };
}

/** True when some column of X is identically 1 (an intercept). */
export function hasConstantColumn(X: { rows: number; cols: number; data: Float64Array }): boolean {
  for (let j = 0; j < X.cols; j++) {
    let all = true;
    for (let i = 0; i < X.rows && all; i++) if (X.data[i * X.cols + j] !== 1) all = false;
    if (all) return true;
  }
  return false;
}
