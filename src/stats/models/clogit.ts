/**
 * Conditional (fixed-effects) logit: the exact conditional likelihood given the number
 * of events in each group, as survival::clogit(method = "exact") computes it. The
 * group denominators (sums over all subsets of the group's size) and their first and
 * second derivatives come from the recursion B(m, j) = B(m-1, j) + r_m B(m-1, j-1)
 * (Gail, Lubin and Rubinstein 1981), so cost is linear in group size times events.
 * Groups whose outcome does not vary carry no information: they are dropped and counted.
 */
import { PktError } from "../../core/errors.js";
import { cholesky, cholInverse, createMatrix, type Matrix } from "../linalg/matrix.js";
import type { KernelDef, KernelFit, KernelInput } from "../kernel.js";
import type { ModelWarning } from "../results.js";
import { invLogit } from "./binary-util.js";

interface Group {
  readonly rows: Int32Array;
  readonly events: number;
}

interface Evaluation {
  loglik: number;
  grad: Float64Array;
  /** Negative Hessian (the observed information). */
  info: Matrix;
}

/** Split rows into groups; those whose outcome does not vary are returned apart. */
export function informativeGroups(y: Float64Array, ids: Int32Array, nLevels: number): { groups: Group[]; droppedGroups: number; droppedRows: number } {
  const members: number[][] = Array.from({ length: nLevels }, () => []);
  for (let i = 0; i < ids.length; i++) members[ids[i]].push(i);
  const groups: Group[] = [];
  let droppedGroups = 0, droppedRows = 0;
  for (const rows of members) {
    if (rows.length === 0) continue;
    let events = 0;
    for (const i of rows) events += y[i];
    if (events === 0 || events === rows.length) {
      droppedGroups++;
      droppedRows += rows.length;
    } else groups.push({ rows: Int32Array.from(rows), events });
  }
  return { groups, droppedGroups, droppedRows };
}

/** Conditional log-likelihood, gradient and information summed over groups. */
function evaluate(X: Matrix, y: Float64Array, groups: readonly Group[], beta: Float64Array): Evaluation {
  const p = X.cols, xd = X.data;
  const grad = new Float64Array(p);
  const info = createMatrix(p, p);
  let loglik = 0;
  for (const g of groups) {
    const k = g.events, rows = g.rows;
    const eta = new Float64Array(rows.length);
    let center = 0;
    for (let m = 0; m < rows.length; m++) {
      let s = 0;
      for (let a = 0; a < p; a++) s += xd[rows[m] * p + a] * beta[a];
      eta[m] = s;
      center += s;
    }
    center /= rows.length;
    const B = new Float64Array(k + 1), dB = new Float64Array((k + 1) * p), d2B = new Float64Array((k + 1) * p * p);
    B[0] = 1;
    let logScale = 0;
    for (let m = 0; m < rows.length; m++) {
      const r = Math.exp(eta[m] - center), xo = rows[m] * p;
      for (let j = Math.min(m + 1, k); j >= 1; j--) {
        const b0 = B[j - 1], o1 = (j - 1) * p, o = j * p;
        // d2B is symmetric in (a, c): fill the upper triangle here, mirror it once per group.
        for (let a = 0; a < p; a++) {
          const xa = xd[xo + a], da = dB[o1 + a], xab = xa * b0, base = o * p + a * p, base1 = o1 * p + a * p;
          for (let c = a; c < p; c++) {
            const xc = xd[xo + c];
            d2B[base + c] += r * (d2B[base1 + c] + xa * dB[o1 + c] + da * xc + xab * xc);
          }
        }
        for (let a = 0; a < p; a++) dB[o + a] += r * (dB[o1 + a] + xd[xo + a] * b0);
        B[j] += r * b0;
      }
      let big = 0;
      for (let j = 0; j <= k; j++) if (B[j] > big) big = B[j];
      if (big > 1e200) {
        for (let t = 0; t < B.length; t++) B[t] *= 1e-200;
        for (let t = 0; t < dB.length; t++) dB[t] *= 1e-200;
        for (let t = 0; t < d2B.length; t++) d2B[t] *= 1e-200;
        logScale += 200 * Math.LN10;
      }
    }
    let sumEta = 0;
    for (let m = 0; m < rows.length; m++) {
      if (y[rows[m]] === 1) {
        sumEta += eta[m] - center;
        for (let a = 0; a < p; a++) grad[a] += xd[rows[m] * p + a];
      }
    }
    loglik += sumEta - Math.log(B[k]) - logScale;
    const bk = B[k], o = k * p;
    for (let a = 0; a < p; a++) grad[a] -= dB[o + a] / bk;
    for (let a = 0; a < p; a++) {
      for (let c = a; c < p; c++) {
        const v = d2B[o * p + a * p + c] / bk - (dB[o + a] / bk) * (dB[o + c] / bk);
        info.data[a * p + c] += v;
        if (c !== a) info.data[c * p + a] += v;
      }
    }
  }
  return { loglik, grad, info };
}

/**
 * P(y_i = 1 | events in the group) for every row of each group, from forward and
 * backward subset-sum recursions: p_i = r_i B_{-i}(k - 1) / B(k).
 */
function conditionalProbabilities(X: Matrix, groups: readonly Group[], beta: Float64Array, out: Float64Array): void {
  const p = X.cols, xd = X.data;
  for (const g of groups) {
    const rows = g.rows, n = rows.length, k = g.events;
    const r = new Float64Array(n);
    let center = 0;
    for (let m = 0; m < n; m++) {
      let s = 0;
      for (let a = 0; a < p; a++) s += xd[rows[m] * p + a] * beta[a];
      r[m] = s;
      center += s;
    }
    center /= n;
    for (let m = 0; m < n; m++) r[m] = Math.exp(r[m] - center);
    // Rows of the forward (F) and backward (Bk) subset sums are kept scaled to max 1, with
    // log scales sF / sB, so large groups cannot overflow.
    const K1 = k + 1;
    const F = new Float64Array((n + 1) * K1), Bk = new Float64Array((n + 2) * K1);
    const sF = new Float64Array(n + 1), sB = new Float64Array(n + 2);
    const step = (dst: Float64Array, to: number, from: number, rm: number): number => {
      let mx = 0;
      for (let j = 0; j <= k; j++) {
        const v = dst[from * K1 + j] + (j > 0 ? rm * dst[from * K1 + j - 1] : 0);
        dst[to * K1 + j] = v;
        if (v > mx) mx = v;
      }
      for (let j = 0; j <= k; j++) dst[to * K1 + j] /= mx;
      return Math.log(mx);
    };
    F[0] = 1;
    for (let m = 1; m <= n; m++) sF[m] = sF[m - 1] + step(F, m, m - 1, r[m - 1]);
    Bk[n * K1] = 1;
    for (let m = n - 1; m >= 0; m--) sB[m] = sB[m + 1] + step(Bk, m, m + 1, r[m]);
    const total = F[n * K1 + k];
    for (let m = 0; m < n; m++) {
      let s = 0;
      for (let j = 0; j <= k - 1; j++) s += F[m * K1 + j] * Bk[(m + 1) * K1 + (k - 1 - j)];
      s *= Math.exp(sF[m] + sB[m + 1] - sF[n]);
      out[rows[m]] = (r[m] * s) / total;
    }
  }
}

/**
 * Fit the conditional logit by Newton-Raphson with step halving, from zero. Needs one
 * fixed-effect grouping (`input.fe[0]`) and no intercept column. Arrays in the result
 * cover every row; rows of dropped groups get zero scores and fitted = y. `fitted`
 * holds P(y_i = 1 | events in the group); `nullLoglik` is the value at beta = 0
 * (survival's loglik[1]); `dfResidual` and `nEffective` count rows of informative groups only.
 */
export function fitClogit(input: KernelInput): KernelFit {
  const { y, X } = input;
  if (input.fe.length !== 1) throw new PktError(`conditional logit needs exactly one grouping after |, got ${input.fe.length}`);
  const fe = input.fe[0];
  const n = X.rows, p = X.cols;
  for (let i = 0; i < n; i++) if (y[i] !== 0 && y[i] !== 1) throw new PktError(`conditional logit: the outcome must be 0/1, row ${i + 1} has ${y[i]}`);
  const { groups, droppedGroups, droppedRows } = informativeGroups(y, fe.ids, fe.levels.length);
  const warnings: ModelWarning[] = [];
  if (droppedGroups > 0) {
    warnings.push({
      type: "dropped-groups",
      message: `${droppedGroups} ${fe.name} group${droppedGroups === 1 ? "" : "s"} (${droppedRows} rows) dropped: the outcome does not vary within them`,
    });
  }
  if (groups.length === 0) throw new PktError(`conditional logit: the outcome does not vary within any ${fe.name} group`);
  const beta = input.start ? Float64Array.from(input.start) : new Float64Array(p);
  const maxit = input.maxit ?? 100, tol = input.epsilon ?? 1e-12;
  let ev = evaluate(X, y, groups, beta);
  const nullLoglik = input.start ? evaluate(X, y, groups, new Float64Array(p)).loglik : ev.loglik;
  let converged = false, iterations = 0;
  for (iterations = 1; iterations <= maxit; iterations++) {
    const c = cholesky(ev.info);
    if (!c.ok) throw new PktError(`conditional logit: the information matrix is singular (column ${c.column + 1} may not vary within groups)`);
    const inv = cholInverse(c.L);
    const step = new Float64Array(p);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) step[a] += inv.data[a * p + b] * ev.grad[b];
    let t = 1, next: Evaluation | null = null;
    const trial = new Float64Array(p);
    for (let half = 0; half < 30; half++) {
      for (let a = 0; a < p; a++) trial[a] = beta[a] + t * step[a];
      const e = evaluate(X, y, groups, trial);
      if (Number.isFinite(e.loglik) && e.loglik >= ev.loglik - 1e-10 * Math.abs(ev.loglik)) {
        next = e;
        break;
      }
      t /= 2;
    }
    if (next === null) break;
    let maxStep = 0;
    for (let a = 0; a < p; a++) maxStep = Math.max(maxStep, Math.abs(trial[a] - beta[a]) / (Math.abs(trial[a]) + 1e-3));
    beta.set(trial);
    ev = next;
    if (maxStep < tol) {
      converged = true;
      break;
    }
  }
  if (!converged) warnings.push({ type: "nonconvergence", message: `conditional logit did not converge in ${maxit} iterations` });
  const c = cholesky(ev.info);
  if (!c.ok) throw new PktError("conditional logit: the information matrix is singular at the estimate");
  const bread = cholInverse(c.L);
  const fitted = Float64Array.from(y);
  conditionalProbabilities(X, groups, beta, fitted);
  const scores = createMatrix(n, p);
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = y[i] - fitted[i];
    for (let a = 0; a < p; a++) {
      scores.data[i * p + a] = X.data[i * p + a] * r;
      eta[i] += X.data[i * p + a] * beta[a];
    }
  }
  return {
    coef: beta,
    bread,
    scores,
    loglik: ev.loglik,
    nullLoglik,
    fitted,
    linearPredictor: eta,
    converged,
    iterations: Math.min(iterations, maxit),
    dfResidual: n - droppedRows - p,
    scale: 1,
    warnings,
    nParams: p,
    nEffective: n - droppedRows,
  };
}

/** Registry entry for `model: "clogit"` (a logit with `| group`). */
export const clogitKernel: KernelDef = {
  name: "clogit",
  description: "Conditional (fixed-effects) logit, exact conditional likelihood (as survival::clogit)",
  fit: fitClogit,
  statistic: "z",
  binary: true,
  fixedEffects: "required",
  linkinv: invLogit,
  mueta: (eta) => {
    const q = invLogit(eta);
    return q * (1 - q);
  },
};
