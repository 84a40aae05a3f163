/**
 * Firth's bias-reduced logistic regression: the root of the modified score
 * U*(b) = X' (m (y - p) + h (1/2 - p)), with h the leverages of the weighted fit,
 * which is what R's brglm2 (`type = "AS_mean"`) and logistf compute for the logit.
 * Finite even under complete or quasi-separation.
 */
import { PktError } from "../../core/errors.js";
import { cholesky, cholInverse, createMatrix, type Matrix } from "../linalg/matrix.js";
import type { KernelDef, KernelFit, KernelInput } from "../kernel.js";
import type { ModelWarning } from "../results.js";
import { hasInterceptColumn, invLogit, logLikBinary } from "./binary-util.js";
import { leverages } from "./glm.js";

/** Largest change of any coefficient in one step (logistf's maxstep). */
const MAX_STEP = 5;
/** Step halvings tried when the penalized log-likelihood falls (logistf's maxhs). */
const MAX_HALVINGS = 5;

/** log det of a symmetric positive-definite matrix from its Cholesky factor. */
function logDetChol(L: Matrix): number {
  let s = 0;
  for (let j = 0; j < L.rows; j++) s += 2 * Math.log(L.data[j * L.cols + j]);
  return s;
}

/** Penalized log-likelihood of the intercept-only Firth model (closed form: p = (sum m y + 1/2) / (sum m + 1)). */
function nullPenalizedLoglik(y: Float64Array, m: Float64Array): number {
  let sy = 0, sm = 0;
  for (let i = 0; i < y.length; i++) {
    sy += m[i] * y[i];
    sm += m[i];
  }
  const p = (sy + 0.5) / (sm + 1);
  return sy * Math.log(p) + (sm - sy) * Math.log(1 - p) + 0.5 * Math.log(sm * p * (1 - p));
}

/**
 * Fit Firth's logit by quasi-Fisher scoring on the modified score, with logistf's step
 * cap and step halving. `loglik` is the ordinary binomial log-likelihood at the estimate
 * (brglm2's logLik, on which AIC and BIC are computed); `loglikPenalized` is
 * l(b) + log det(I(b)) / 2 (logistf's loglik, for penalized likelihood-ratio tests). `bread` is the inverse
 * Fisher information; `scores` are the ordinary per-observation scores, so sandwich
 * variances equal sandwich::vcovCL on a brglmFit object.
 */
export function fitFirth(input: KernelInput): KernelFit {
  const { y, X } = input;
  const n = X.rows, p = X.cols;
  const m = input.weights ?? new Float64Array(n).fill(1);
  const maxit = input.maxit ?? 200;
  const tol = input.epsilon ?? 1e-12;
  const beta = input.start ? Float64Array.from(input.start) : new Float64Array(p);
  const eta = new Float64Array(n), mu = new Float64Array(n), w = new Float64Array(n);
  const warnings: ModelWarning[] = [];
  let converged = false, iterations = 0;
  let inv: Matrix = createMatrix(p, p), L: Matrix = createMatrix(p, p), h: Float64Array = new Float64Array(n);
  const update = (): boolean => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += X.data[i * p + j] * beta[j];
      eta[i] = s;
      mu[i] = invLogit(s);
      w[i] = m[i] * mu[i] * (1 - mu[i]);
    }
    const info = createMatrix(p, p);
    for (let i = 0; i < n; i++) {
      const off = i * p;
      for (let a = 0; a < p; a++) {
        const v = X.data[off + a] * w[i];
        for (let b = a; b < p; b++) info.data[a * p + b] += v * X.data[off + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) info.data[a * p + b] = info.data[b * p + a];
    const c = cholesky(info);
    if (!c.ok) return false;
    L = c.L;
    inv = cholInverse(L);
    h = leverages(X, w, inv);
    return true;
  };
  if (!update()) throw new PktError("Firth logit: the information matrix is singular at the start values");
  const penalized = (): number => logLikBinary(y, mu, m) + 0.5 * logDetChol(L);
  const u = new Float64Array(p), delta = new Float64Array(p), prev = new Float64Array(p);
  let current = penalized();
  for (iterations = 1; iterations <= maxit; iterations++) {
    u.fill(0);
    for (let i = 0; i < n; i++) {
      const r = m[i] * (y[i] - mu[i]) + h[i] * (0.5 - mu[i]);
      for (let j = 0; j < p; j++) u[j] += X.data[i * p + j] * r;
    }
    let biggest = 0;
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += inv.data[a * p + b] * u[b];
      delta[a] = s;
      biggest = Math.max(biggest, Math.abs(s));
    }
    // logistf's safeguards: no coefficient moves more than MAX_STEP at once, and a step that
    // lowers the penalized log-likelihood is halved (up to MAX_HALVINGS times).
    if (biggest > MAX_STEP) for (let a = 0; a < p; a++) delta[a] *= MAX_STEP / biggest;
    prev.set(beta);
    let ok = false;
    for (let halvings = 0; ; halvings++) {
      for (let a = 0; a < p; a++) beta[a] = prev[a] + delta[a];
      ok = update();
      const next = ok ? penalized() : -Infinity;
      if ((ok && next >= current - 1e-12 * Math.abs(current)) || halvings >= MAX_HALVINGS) {
        if (ok) current = next;
        break;
      }
      for (let a = 0; a < p; a++) delta[a] /= 2;
    }
    if (!ok) break;
    let maxStep = 0;
    for (let a = 0; a < p; a++) maxStep = Math.max(maxStep, Math.abs(beta[a] - prev[a]) / (Math.abs(beta[a]) + 1e-3));
    if (maxStep < tol) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    iterations = Math.min(iterations, maxit);
    warnings.push({ type: "nonconvergence", message: `Firth logit did not converge in ${maxit} iterations` });
  }
  const scores = createMatrix(n, p);
  for (let i = 0; i < n; i++) {
    const r = m[i] * (y[i] - mu[i]);
    for (let j = 0; j < p; j++) scores.data[i * p + j] = X.data[i * p + j] * r;
  }
  return {
    coef: beta,
    bread: inv,
    scores,
    loglik: logLikBinary(y, mu, m),
    loglikPenalized: penalized(),
    nullLoglik: hasInterceptColumn(X) ? nullPenalizedLoglik(y, m) : null,
    fitted: Float64Array.from(mu),
    linearPredictor: Float64Array.from(eta),
    converged,
    iterations,
    dfResidual: n - p,
    scale: 1,
    hat: h,
    workingWeights: w,
    warnings,
  };
}

/** The ordinary (unpenalized) binomial log-likelihood of a Firth fit, as brglm2's logLik reports. */
export function firthOrdinaryLoglik(fit: KernelFit, y: Float64Array, weights?: Float64Array): number {
  return logLikBinary(y, fit.fitted, weights ?? new Float64Array(y.length).fill(1));
}

/** Registry entry for `model: "firth"`. */
export const firthKernel: KernelDef = {
  name: "firth",
  description: "Firth bias-reduced logistic regression (modified score, as brglm2 AS_mean / logistf)",
  fit: fitFirth,
  statistic: "z",
  binary: true,
  fixedEffects: "none",
  linkinv: invLogit,
  mueta: (eta) => {
    const q = invLogit(eta);
    return q * (1 - q);
  },
};
