/**
 * Binomial GLM kernel (logit, probit) by IRLS, step for step as R's glm.fit:
 * same start (mustart = (y + 0.5) / 2), same convergence rule
 * |dev - devold| / (|dev| + 0.1) < epsilon (1e-8), maxit 25, step halving on
 * non-finite deviance. The bread and working weights come from the last IRLS step,
 * as R's summary.glm and sandwich use them.
 */
import { cholesky, cholInverse, cholSolve, createMatrix, matvec } from "../linalg/matrix.js";
import type { KernelFit, KernelInput } from "../kernel.js";
import type { ModelWarning } from "../results.js";
import { binomialDevResid, binomialLogLik, type Link } from "../families.js";

const SEP_EPS = 10 * 2.220446049250313e-16;

/** Fit a binomial GLM with the given link. */
export function fitBinomialGlm(input: KernelInput, link: Link): KernelFit {
  const { y, X } = input;
  const n = X.rows, p = X.cols;
  const prior = input.weights;
  const eps = input.epsilon ?? 1e-8;
  const maxit = input.maxit ?? 25;
  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  const w = new Float64Array(n);
  let coef: Float64Array = new Float64Array(p);
  let coefold: Float64Array | null = null;
  if (input.start !== undefined) {
    coef = Float64Array.from(input.start);
    coefold = coef;
    matvec(X, coef, eta);
    for (let i = 0; i < n; i++) mu[i] = link.linkinv(eta[i]);
  } else {
    for (let i = 0; i < n; i++) {
      const wi = prior === undefined ? 1 : prior[i];
      mu[i] = (wi * y[i] + 0.5) / (wi + 1);
      eta[i] = link.linkfun(mu[i]);
    }
  }
  let devold = deviance(y, mu, prior);
  let dev = devold;
  let converged = false;
  let iter = 0;
  const xtwx = createMatrix(p, p);
  const rhs = new Float64Array(p);
  let singular = false;
  const xd = X.data;
  const A = xtwx.data;
  const isLogit = link.name === "logit";
  for (iter = 1; iter <= maxit; iter++) {
    // One pass: working weights and responses, accumulated straight into X'WX and X'Wz.
    A.fill(0);
    rhs.fill(0);
    for (let i = 0; i < n; i++) {
      const e = eta[i], m = mu[i];
      const v = m * (1 - m);
      const me = isLogit ? (e > 30 || e < -30 ? 2.220446049250313e-16 : v) : link.mueta(e);
      const wi = prior === undefined ? 1 : prior[i];
      if (me === 0 || wi === 0 || v === 0) {
        w[i] = 0;
        continue;
      }
      const zi = e + (y[i] - m) / me;
      const ww = (wi * me * me) / v;
      w[i] = ww;
      const off = i * p;
      for (let a = 0; a < p; a++) {
        const t = xd[off + a] * ww;
        if (t === 0) continue;
        rhs[a] += t * zi;
        const row = a * p;
        for (let b = a; b < p; b++) A[row + b] += t * xd[off + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) A[a * p + b] = A[b * p + a];
    const ch = cholesky(xtwx);
    if (!ch.ok) {
      singular = true;
      break;
    }
    const next = cholSolve(ch.L, rhs);
    dev = updateAndDeviance(next);
    let halvings = 0;
    while (!Number.isFinite(dev) && coefold !== null && halvings < maxit) {
      for (let j = 0; j < p; j++) next[j] = (next[j] + coefold[j]) / 2;
      dev = updateAndDeviance(next);
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
  if (iter > maxit) iter = maxit;

  function updateAndDeviance(b: Float64Array): number {
    let d = 0;
    for (let i = 0; i < n; i++) {
      const off = i * p;
      let e = 0;
      for (let j = 0; j < p; j++) e += xd[off + j] * b[j];
      eta[i] = e;
      let m: number;
      if (isLogit) {
        // R's C_logit_linkinv, inlined for speed.
        const t = e < -30 ? 2.220446049250313e-16 : e > 30 ? 4503599627370496 : Math.exp(e);
        m = t / (1 + t);
      } else {
        m = link.linkinv(e);
      }
      mu[i] = m;
      const yi = y[i];
      // R's binomial_dev_resids for y in {0, 1}: 2 log(1 / mu) or 2 log(1 / (1 - mu)).
      if (prior === undefined && (yi === 0 || yi === 1)) d += yi === 1 ? 2 * Math.log(1 / m) : 2 * Math.log(1 / (1 - m));
      else d += binomialDevResid(yi, m, prior === undefined ? 1 : prior[i]);
    }
    return d;
  }

  const ch = cholesky(xtwx);
  // A non-PD final cross-product leaves NaN here; fit() turns that into an error, never NaN output.
  const bread = ch.ok ? cholInverse(ch.L) : createMatrix(p, p, new Float64Array(p * p).fill(NaN));
  const scores = createMatrix(n, p);
  // For a 0/1 outcome without prior weights the saturated log-likelihood is 0, so loglik = -deviance / 2.
  let binary01 = prior === undefined;
  for (let i = 0; i < n && binary01; i++) if (y[i] !== 0 && y[i] !== 1) binary01 = false;
  let loglik = binary01 ? -dev / 2 : 0;
  for (let i = 0; i < n; i++) {
    const e = eta[i], m = mu[i];
    const me = isLogit ? (e > 30 || e < -30 ? 2.220446049250313e-16 : m * (1 - m)) : link.mueta(e);
    const r = ((y[i] - m) / me) * w[i];
    const off = i * p;
    for (let j = 0; j < p; j++) scores.data[off + j] = xd[off + j] * r;
    if (!binary01) loglik += binomialLogLik(y[i], m, prior === undefined ? 1 : prior[i]);
  }
  const warnings: ModelWarning[] = [];
  if (!converged) {
    warnings.push({
      type: "nonconvergence",
      message: singular
        ? `IRLS stopped at iteration ${iter}: the weighted cross-product matrix is not positive definite`
        : `IRLS did not converge in ${maxit} iterations (deviance change above ${eps})`,
    });
  }
  let extreme = 0;
  for (let i = 0; i < n; i++) if (mu[i] > 1 - SEP_EPS || mu[i] < SEP_EPS) extreme++;
  if (extreme > 0) {
    warnings.push({
      type: "separation",
      message: `fitted probabilities numerically 0 or 1 occurred for ${extreme} of ${n} observations: (quasi-)complete separation is likely; estimates and standard errors of the separating terms are unreliable. Consider model "firth".`,
    });
  }
  return {
    coef,
    bread,
    scores,
    loglik,
    nullLoglik: nullBinomialLogLik(y, prior),
    fitted: Float64Array.from(mu),
    linearPredictor: Float64Array.from(eta),
    converged,
    iterations: iter,
    dfResidual: n - p,
    scale: 1,
    workingWeights: w,
    hat: input.needHat ? leverages(X, w, bread) : undefined,
    warnings,
  };
}

function deviance(y: Float64Array, mu: Float64Array, prior?: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += binomialDevResid(y[i], mu[i], prior === undefined ? 1 : prior[i]);
  return s;
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
