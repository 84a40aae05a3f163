/**
 * Binomial GLM kernel (logit, probit) by IRLS, step for step as R's glm.fit:
 * same start (mustart = (y + 0.5) / 2), same convergence rule
 * |dev - devold| / (|dev| + 0.1) < epsilon (1e-8), maxit 25, step halving on
 * non-finite deviance. The bread and working weights come from the last IRLS step,
 * as R's summary.glm and sandwich use them. The row passes live in ./irls-rows.ts.
 *
 * Each step solves the weighted least-squares problem min ||sqrt(W)(z - X b)||. R does it by
 * pivoted QR of sqrt(W) X (LINPACK dqrdc2, tolerance min(1e-7, epsilon / 1000)). Here a step
 * takes the normal equations by Cholesky, about four times fewer operations, when their
 * pivots show that dqrdc2 would pivot nothing and that squaring the condition number costs
 * no accuracy (../linalg/normal-equations.ts); otherwise it takes the pivoted QR
 * (../linalg/qr.ts), so near-collinear designs get R's decisions and R's accuracy.
 */
import { createMatrix, type Matrix } from "../linalg/matrix.js";
import { designLayout, type ColumnLayout } from "../linalg/crossprod-kernel.js";
import { leastSquares, unscaledVcov, type LeastSquaresFactor } from "../linalg/normal-equations.js";
import { glmTol } from "../linalg/qr.js";
import type { KernelFit, KernelInput } from "../kernel.js";
import type { ModelWarning } from "../results.js";
import { binomialLogLik, type Link } from "../families.js";
import { layoutLinearPredictor, linearPredictor, meanAndDeviance, startValues, type BinomialData } from "./irls-rows.js";

const SEP_EPS = 10 * 2.220446049250313e-16;

/** Row arrays kept per design for fits that ask to reuse them (KernelInput.reuseRows). */
const ROW_ARRAYS = new WeakMap<Float64Array, Float64Array[]>();

/**
 * The seven row arrays of a fit on X (mu, eta, two pairs of working weights and responses,
 * score scales): new ones, or with `reuse` the ones the previous reusing fit on X had, which
 * saves allocating and collecting them on every refit of a null bootstrap.
 */
function rowArrays(X: Matrix, reuse: boolean): Float64Array[] {
  const fresh = (): Float64Array[] => Array.from({ length: 7 }, () => new Float64Array(X.rows));
  if (!reuse) return fresh();
  let a = ROW_ARRAYS.get(X.data);
  if (a === undefined) ROW_ARRAYS.set(X.data, (a = fresh()));
  return a;
}

/** eta = X b, through the design's layout when it has one. */
function etaFrom(layout: ColumnLayout | null, xd: Float64Array, n: number, p: number, b: Float64Array, eta: Float64Array): void {
  if (layout === null) linearPredictor(xd, n, p, b, eta);
  else layoutLinearPredictor(layout, b, eta);
}

/** Fit a binomial GLM with the given link. */
export function fitBinomialGlm(input: KernelInput, link: Link): KernelFit {
  const { y, X } = input;
  const n = X.rows, p = X.cols;
  const xd = X.data;
  const prior = input.weights;
  const eps = input.epsilon ?? 1e-8;
  const maxit = input.maxit ?? 25;
  // For a 0/1 outcome without prior weights the saturated log-likelihood is 0, so loglik = -deviance / 2.
  let binary01 = prior === undefined;
  for (let i = 0; i < n && binary01; i++) if (y[i] !== 0 && y[i] !== 1) binary01 = false;
  const data: BinomialData = { y, prior, link, binary: binary01, plainLogit: binary01 && link.name === "logit" };
  // Every row array below is written in full before it is read.
  const [mu, eta, w0, z0, w1, z1, r] = rowArrays(X, input.reuseRows === true);
  // Working weights and responses of this step (w, z) and of the next (computed with the deviance).
  let w = w0, z = z0;
  let wNext = w1, zNext = z1;
  // Dummy columns (year effects) are summed over their rows only in X'WX and X b.
  const layout = designLayout(X);
  let coef: Float64Array = new Float64Array(p);
  let coefold: Float64Array | null = null;
  let devold: number;
  if (input.start !== undefined) {
    coef = Float64Array.from(input.start);
    coefold = coef;
    etaFrom(layout, xd, n, p, coef, eta);
    devold = meanAndDeviance(data, eta, mu, w, z);
  } else {
    devold = startValues(data, eta, mu, w, z);
  }
  let dev = devold;
  let converged = false;
  let iter = 0;
  const tol = glmTol(eps);
  // The factor of the last step (null: none yet, or the design lost rank).
  let factor: LeastSquaresFactor | null = null;
  for (iter = 1; iter <= maxit; iter++) {
    if (iter > 1) [w, z, wNext, zNext] = [wNext, zNext, w, z];
    const step = leastSquares(X, z, tol, w, layout);
    factor = step?.factor ?? null;
    if (step === null) break;
    const next = step.coef;
    etaFrom(layout, xd, n, p, next, eta);
    dev = meanAndDeviance(data, eta, mu, wNext, zNext);
    let halvings = 0;
    while (!Number.isFinite(dev) && coefold !== null && halvings < maxit) {
      for (let j = 0; j < p; j++) next[j] = (next[j] + coefold[j]) / 2;
      etaFrom(layout, xd, n, p, next, eta);
      dev = meanAndDeviance(data, eta, mu, wNext, zNext);
      halvings++;
    }
    coef = next;
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < eps) {
      converged = true;
      break;
    }
    devold = dev;
    coefold = coef;
  }
  const singular = factor === null;
  if (iter > maxit) iter = maxit;

  // The bread is (X'WX)^{-1} with the weights of the last IRLS step, as R's summary.glm.
  // A non-PD final cross-product leaves NaN here; fit() turns that into an error, never NaN output.
  const bread = factor !== null ? unscaledVcov(factor) : createMatrix(p, p, new Float64Array(p * p).fill(NaN));
  // Score rows are x_i r_i; the n x p matrix is formed only when a variance asks for it.
  let loglik = binary01 ? -dev / 2 : 0;
  const isLogit = link.name === "logit";
  let extreme = 0;
  for (let i = 0; i < n; i++) {
    const e = eta[i], m = mu[i];
    const me = isLogit ? (e > 30 || e < -30 ? 2.220446049250313e-16 : m * (1 - m)) : link.mueta(e);
    r[i] = ((y[i] - m) / me) * w[i];
    if (!binary01) loglik += binomialLogLik(y[i], m, prior === undefined ? 1 : prior[i]);
    if (m > 1 - SEP_EPS || m < SEP_EPS) extreme++;
  }
  const warnings: ModelWarning[] = [];
  if (!converged) {
    warnings.push({
      type: "nonconvergence",
      message: singular
        ? `IRLS stopped at iteration ${iter}: the weighted design lost rank (a column became aliased at glm.fit's tolerance ${tol})`
        : `IRLS did not converge in ${maxit} iterations (deviance change above ${eps})`,
    });
  }
  if (extreme > 0) {
    warnings.push({
      type: "separation",
      message: `fitted probabilities numerically 0 or 1 occurred for ${extreme} of ${n} observations: (quasi-)complete separation is likely; estimates and standard errors of the separating terms are unreliable. Consider model "firth".`,
    });
  }
  return withLazyScores({
    coef,
    bread,
    scoreScale: r,
    loglik,
    nullLoglik: nullBinomialLogLik(y, prior),
    fitted: mu,
    linearPredictor: eta,
    converged,
    iterations: iter,
    dfResidual: n - p,
    scale: 1,
    workingWeights: w,
    hat: input.needHat ? leverages(X, w, bread) : undefined,
    warnings,
  }, X, r);
}

/**
 * The fit with `scores` (row i = X's row i times r_i) formed on first read: the cluster
 * variance sums x_i r_i by cluster without it (../vcov/sandwich.ts), so most fits never form
 * the n x p matrix. A helper of its own, so the closure captures only X and r.
 */
function withLazyScores(fit: Omit<KernelFit, "scores">, X: Matrix, r: Float64Array): KernelFit {
  let scores: Matrix | undefined;
  return Object.defineProperty(fit, "scores", { get: () => (scores ??= scaledRows(X, r)), enumerable: true }) as KernelFit;
}

/** The n x p matrix whose row i is X's row i times s_i. */
export function scaledRows(X: Matrix, s: Float64Array): Matrix {
  const n = X.rows, p = X.cols, xd = X.data;
  const out = createMatrix(n, p);
  const od = out.data;
  for (let i = 0; i < n; i++) {
    const si = s[i], off = i * p;
    for (let j = 0; j < p; j++) od[off + j] = xd[off + j] * si;
  }
  return out;
}

/** Log-likelihood of the intercept-only binomial model (McFadden's pseudo-R2 baseline). */
export function nullBinomialLogLik(y: Float64Array, prior?: Float64Array): number {
  let sw = 0, sy = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = prior === undefined ? 1 : prior[i];
    sw += wi;
    sy += wi * y[i];
  }
  const pbar = sy / sw;
  // sum_i w_i [y_i log p + (1 - y_i) log(1 - p)] = sy log p + (sw - sy) log(1 - p)
  if (pbar <= 0 || pbar >= 1) return 0;
  return sy * Math.log(pbar) + (sw - sy) * Math.log1p(-pbar);
}

/** Leverages h_i = w_i x_i' (X'WX)^{-1} x_i (w all 1 for OLS). */
export function leverages(X: { rows: number; cols: number; data: Float64Array }, w: Float64Array | undefined, bread: { data: Float64Array }): Float64Array {
  const n = X.rows, p = X.cols;
  const h = new Float64Array(n);
  const b = bread.data;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * p;
    for (let a = 0; a < p; a++) {
      let t = 0;
      for (let c = 0; c < p; c++) t += b[a * p + c] * X.data[off + c];
      s += X.data[off + a] * t;
    }
    h[i] = (w === undefined ? 1 : w[i]) * s;
  }
  return h;
}
