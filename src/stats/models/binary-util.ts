/** Small helpers shared by the binary-outcome kernels in this folder. */
import type { Matrix } from "../linalg/matrix.js";

/** The logistic function (the one in ../distributions.ts). */
export { plogis as invLogit } from "../distributions.js";

/** Binomial log-likelihood sum m_i (y_i log mu_i + (1 - y_i) log(1 - mu_i)), with 0 log 0 = 0. */
export function logLikBinary(y: ArrayLike<number>, mu: ArrayLike<number>, m: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 0) s += m[i] * y[i] * Math.log(mu[i]);
    if (y[i] < 1) s += m[i] * (1 - y[i]) * Math.log(1 - mu[i]);
  }
  return s;
}

/** Whether some column of X is identically 1 (an intercept). */
export function hasInterceptColumn(X: Matrix): boolean {
  for (let j = 0; j < X.cols; j++) {
    let all = true;
    for (let i = 0; i < X.rows && all; i++) all = X.data[i * X.cols + j] === 1;
    if (all) return true;
  }
  return false;
}
