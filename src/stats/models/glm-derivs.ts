/**
 * Log-likelihood, per-observation scores and Fisher information of a binomial GLM at
 * any coefficient vector: the reference point for internal-consistency checks
 * (summed scores equal the gradient; information equals minus the Hessian for logit).
 */
import { createMatrix, crossprod, matvec, type Matrix } from "../linalg/matrix.js";
import { binomialLogLik, type Link } from "../families.js";

/** Log-likelihood at `beta`. */
export function binomialLogLikAt(X: Matrix, y: Float64Array, beta: ArrayLike<number>, link: Link): number {
  const eta = matvec(X, beta);
  let ll = 0;
  for (let i = 0; i < y.length; i++) ll += binomialLogLik(y[i], link.linkinv(eta[i]));
  return ll;
}

/** n x p score contributions d loglik_i / d beta at `beta`. */
export function binomialScoresAt(X: Matrix, y: Float64Array, beta: ArrayLike<number>, link: Link): Matrix {
  const eta = matvec(X, beta);
  const n = X.rows, p = X.cols;
  const s = createMatrix(n, p);
  for (let i = 0; i < n; i++) {
    const mu = link.linkinv(eta[i]);
    const r = ((y[i] - mu) * link.mueta(eta[i])) / (mu * (1 - mu));
    for (let j = 0; j < p; j++) s.data[i * p + j] = X.data[i * p + j] * r;
  }
  return s;
}

/** Fisher information X' diag(mueta^2 / (mu (1 - mu))) X at `beta` (minus the Hessian for logit). */
export function binomialInformationAt(X: Matrix, beta: ArrayLike<number>, link: Link): Matrix {
  const eta = matvec(X, beta);
  const w = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    const mu = link.linkinv(eta[i]);
    const me = link.mueta(eta[i]);
    w[i] = (me * me) / (mu * (1 - mu));
  }
  return crossprod(X, w);
}
