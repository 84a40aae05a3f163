/**
 * Rare-events logistic regression (King and Zeng 2001, "Logistic Regression in Rare
 * Events Data", Political Analysis 9:137-163): maximum likelihood, then the small-sample
 * bias correction b~ = b - (X'WX)^{-1} X'W xi with xi_i = Q_ii ((1 + w1) pi_i - w1) / 2,
 * Q = X (X'WX)^{-1} X', W = diag(pi (1 - pi) w), and variance (n / (n + k))^2 (X'WX)^{-1}.
 * Optional correction for case-control sampling given the population share `tau`:
 * "prior" (shift the intercept) or "weighting" (weights tau/ybar and (1-tau)/(1-ybar)).
 */
import { PktError } from "../../core/errors.js";
import { cholesky, cholInverse, createMatrix, type Matrix } from "../linalg/matrix.js";
import type { KernelDef, KernelFit, KernelInput } from "../kernel.js";
import type { ModelWarning } from "../results.js";
import { hasInterceptColumn, invLogit, logLikBinary } from "./binary-util.js";

/** Options read from `KernelInput.extra`. */
export interface RelogitOptions {
  /** Population share of events (tau). Without it no sampling correction is made. */
  readonly tau?: number;
  /** How to use tau: "prior" (default when tau is given) or "weighting". */
  readonly correction?: "prior" | "weighting";
}

interface LogitML {
  beta: Float64Array;
  mu: Float64Array;
  eta: Float64Array;
  w: Float64Array;
  inv: Matrix;
  iterations: number;
  converged: boolean;
}

/** Weighted maximum-likelihood logit by Newton-Raphson (the logit Hessian is the Fisher information). */
function logitNewton(y: Float64Array, X: Matrix, m: Float64Array, start: Float64Array | undefined, maxit: number, tol: number): LogitML {
  const n = X.rows, p = X.cols, xd = X.data;
  const beta = start ? Float64Array.from(start) : new Float64Array(p);
  const eta = new Float64Array(n), mu = new Float64Array(n), w = new Float64Array(n);
  const info = createMatrix(p, p), g = new Float64Array(p);
  let inv: Matrix = createMatrix(p, p), converged = false, iterations = 0;
  const evaluate = (): void => {
    info.data.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const off = i * p;
      for (let j = 0; j < p; j++) s += xd[off + j] * beta[j];
      eta[i] = s;
      mu[i] = invLogit(s);
      w[i] = m[i] * mu[i] * (1 - mu[i]);
      const r = m[i] * (y[i] - mu[i]);
      for (let a = 0; a < p; a++) {
        g[a] += xd[off + a] * r;
        const v = xd[off + a] * w[i];
        for (let b = a; b < p; b++) info.data[a * p + b] += v * xd[off + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) info.data[a * p + b] = info.data[b * p + a];
    const c = cholesky(info);
    if (!c.ok) throw new PktError("rare-events logit: the information matrix is singular (separation or a constant column?)");
    inv = cholInverse(c.L);
  };
  evaluate();
  for (iterations = 1; iterations <= maxit; iterations++) {
    let maxStep = 0;
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += inv.data[a * p + b] * g[b];
      beta[a] += s;
      maxStep = Math.max(maxStep, Math.abs(s) / (Math.abs(beta[a]) + 1e-3));
    }
    evaluate();
    if (maxStep < tol) {
      converged = true;
      break;
    }
  }
  return { beta, mu, eta, w, inv, iterations: Math.min(iterations, maxit), converged };
}

/**
 * Fit the rare-events logit. `coef` is the bias-corrected estimate; `bread` is
 * c (X'WX)^{-1} with c = (n / (n + k))^2 and `scores` are the ML scores divided by
 * sqrt(c), so that classical = bread and any sandwich = c V (S'S) V, the ML
 * sandwich scaled like the classical variance. `loglik` is that of the ML fit.
 */
export function fitRelogit(input: KernelInput): KernelFit {
  const { y, X } = input;
  const n = X.rows, k = X.cols;
  const opts = (input.extra ?? {}) as RelogitOptions;
  const correction = opts.tau === undefined ? "none" : (opts.correction ?? "prior");
  if (opts.tau !== undefined && !(opts.tau > 0 && opts.tau < 1)) throw new PktError(`relogit: tau must be in (0, 1), got ${opts.tau}`);
  const prior = input.weights ?? new Float64Array(n).fill(1);
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i];
  ybar /= n;
  const m = Float64Array.from(prior);
  let w1 = 1;
  if (correction === "weighting") {
    const tau = opts.tau as number;
    w1 = tau / ybar;
    const w0 = (1 - tau) / (1 - ybar);
    for (let i = 0; i < n; i++) m[i] *= y[i] === 1 ? w1 : w0;
  }
  const ml = logitNewton(y, X, m, input.start, input.maxit ?? 100, input.epsilon ?? 1e-12);
  const xd = X.data, vd = ml.inv.data;
  // bias = (X'WX)^{-1} X' (W xi)
  const xw = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const off = i * k;
    let q = 0;
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) s += vd[a * k + b] * xd[off + b];
      q += xd[off + a] * s;
    }
    const xi = 0.5 * q * ((1 + w1) * ml.mu[i] - w1);
    const r = ml.w[i] * xi;
    for (let a = 0; a < k; a++) xw[a] += xd[off + a] * r;
  }
  const coef = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let b = 0; b < k; b++) s += vd[a * k + b] * xw[b];
    coef[a] = ml.beta[a] - s;
  }
  const warnings: ModelWarning[] = [];
  if (correction === "prior") {
    const j = interceptIndex(X);
    if (j < 0) throw new PktError("relogit: prior correction needs an intercept in the model");
    const tau = opts.tau as number;
    coef[j] -= Math.log(((1 - tau) / tau) * (ybar / (1 - ybar)));
  }
  if (!ml.converged) warnings.push({ type: "nonconvergence", message: `rare-events logit: the ML fit did not converge` });
  const c = (n / (n + k)) ** 2;
  const bread = createMatrix(k, k, ml.inv.data.map((v) => v * c));
  const scores = createMatrix(n, k);
  const sc = 1 / Math.sqrt(c);
  for (let i = 0; i < n; i++) {
    const r = m[i] * (y[i] - ml.mu[i]) * sc;
    for (let a = 0; a < k; a++) scores.data[i * k + a] = xd[i * k + a] * r;
  }
  const eta = new Float64Array(n), fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += xd[i * k + a] * coef[a];
    eta[i] = s;
    fitted[i] = invLogit(s);
  }
  let nullLoglik: number | null = null;
  if (hasInterceptColumn(X)) {
    let sy = 0, sm = 0;
    for (let i = 0; i < n; i++) {
      sy += m[i] * y[i];
      sm += m[i];
    }
    const p0 = sy / sm;
    nullLoglik = sy * Math.log(p0) + (sm - sy) * Math.log(1 - p0);
  }
  return {
    coef,
    bread,
    scores,
    loglik: logLikBinary(y, ml.mu, m),
    nullLoglik,
    fitted,
    linearPredictor: eta,
    converged: ml.converged,
    iterations: ml.iterations,
    dfResidual: n - k,
    scale: 1,
    workingWeights: ml.w,
    warnings,
  };
}

function interceptIndex(X: Matrix): number {
  for (let j = 0; j < X.cols; j++) {
    let all = true;
    for (let i = 0; i < X.rows && all; i++) all = X.data[i * X.cols + j] === 1;
    if (all) return j;
  }
  return -1;
}

/** Registry entry for `model: "relogit"`. */
export const relogitKernel: KernelDef = {
  name: "relogit",
  description: "Rare-events logistic regression (King and Zeng 2001 bias correction)",
  fit: fitRelogit,
  statistic: "z",
  binary: true,
  fixedEffects: "none",
  linkinv: invLogit,
  mueta: (eta) => {
    const q = invLogit(eta);
    return q * (1 - q);
  },
};
