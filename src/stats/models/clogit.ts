/**
 * Conditional (fixed-effects) logit: the exact conditional likelihood given the number
 * of events in each group, as survival::clogit(method = "exact") computes it. The
 * group denominators (sums over all subsets of the group's size) come from the recursion
 * B(m, j) = B(m-1, j) + r_m B(m-1, j-1) (Gail, Lubin and Rubinstein 1981); score and
 * information from the inclusion probabilities of single rows and of pairs of rows.
 * Groups whose outcome does not vary carry no information: they are dropped and counted.
 */
import { PktError } from "../../core/errors.js";
import { cholesky, cholInverse, createMatrix, type Matrix } from "../linalg/matrix.js";
import { sparseRows } from "../linalg/crossprod-kernel.js";
import type { KernelDef, KernelFit, KernelInput } from "../kernel.js";
import type { ModelWarning } from "../results.js";
import { invLogit } from "./binary-util.js";

interface Group {
  readonly rows: Int32Array;
  readonly events: number;
}

export interface Evaluation {
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

/** A group's linear predictors into `out[0..n-1]`, minus their mean, which is returned (centring keeps exp() in range). */
function centredEta(X: Matrix, rows: Int32Array, beta: Float64Array, out: Float64Array): number {
  const p = X.cols, xd = X.data, n = rows.length;
  let center = 0;
  for (let m = 0; m < n; m++) {
    let s = 0;
    for (let a = 0; a < p; a++) s += xd[rows[m] * p + a] * beta[a];
    out[m] = s;
    center += s;
  }
  center /= n;
  for (let m = 0; m < n; m++) out[m] -= center;
  return center;
}

/** Work arrays of {@link inclusion}, sized for the largest group and reused across groups. */
interface Scratch {
  F: Float64Array;
  Bk: Float64Array;
  sF: Float64Array;
  sB: Float64Array;
}

function scratch(n: number, k: number): Scratch {
  return { F: new Float64Array((n + 1) * (k + 1)), Bk: new Float64Array((n + 2) * (k + 1)), sF: new Float64Array(n + 2), sB: new Float64Array(n + 2) };
}

/**
 * For weights r[0..len-1] and subsets of size k drawn with probability proportional to the
 * product of their weights (the conditional distribution of a group with k events), the
 * inclusion probability of each element into `out`, and the log of the normalizing sum
 * B(k) = sum over k-subsets of the product of their weights. Forward (F) and backward (Bk)
 * subset-sum recursions, B(m, j) = B(m-1, j) + r_m B(m-1, j-1) (Gail, Lubin and Rubinstein
 * 1981), with each row kept scaled to a maximum of 1 (log scales sF, sB) so large groups
 * cannot overflow; p_i = r_i B_{-i}(k - 1) / B(k). Only sums of positive terms: no cancellation.
 */
function inclusion(r: Float64Array, len: number, k: number, out: Float64Array, w: Scratch): number {
  if (k <= 0) {
    out.fill(0, 0, len);
    return 0;
  }
  if (k >= len) {
    out.fill(1, 0, len);
    let s = 0;
    for (let m = 0; m < len; m++) s += Math.log(r[m]);
    return s;
  }
  const K1 = k + 1, { F, Bk, sF, sB } = w;
  // Rows are rescaled only when their largest entry leaves [1e-100, 1e100]: logs and
  // exponentials are the costly part, and centred weights rarely need them.
  const step = (dst: Float64Array, to: number, from: number, rm: number): number => {
    let mx = 0;
    const f = from * K1, o = to * K1;
    dst[o] = dst[f];
    if (dst[o] > mx) mx = dst[o];
    for (let j = 1; j <= k; j++) {
      const v = dst[f + j] + rm * dst[f + j - 1];
      dst[o + j] = v;
      if (v > mx) mx = v;
    }
    if (mx <= 1e100 && mx >= 1e-100) return 0;
    for (let j = 0; j <= k; j++) dst[o + j] /= mx;
    return Math.log(mx);
  };
  F.fill(0, 0, K1);
  F[0] = 1;
  sF[0] = 0;
  for (let m = 1; m <= len; m++) sF[m] = sF[m - 1] + step(F, m, m - 1, r[m - 1]);
  Bk.fill(0, len * K1, (len + 1) * K1);
  Bk[len * K1] = 1;
  sB[len] = 0;
  for (let m = len - 1; m >= 0; m--) sB[m] = sB[m + 1] + step(Bk, m, m + 1, r[m]);
  const total = F[len * K1 + k];
  for (let m = 0; m < len; m++) {
    let s = 0;
    for (let j = 0; j <= k - 1; j++) s += F[m * K1 + j] * Bk[(m + 1) * K1 + (k - 1 - j)];
    const e = sF[m] + sB[m + 1] - sF[len];
    if (e !== 0) s *= Math.exp(e);
    out[m] = (r[m] * s) / total;
  }
  return Math.log(total) + sF[len];
}

/** Largest group size and event count, for the work arrays. */
function groupBounds(groups: readonly Group[]): { n: number; k: number } {
  let n = 0, k = 0;
  for (const g of groups) {
    n = Math.max(n, g.rows.length);
    k = Math.max(k, g.events);
  }
  return { n, k };
}

/** Work arrays of the pair method, sized for the largest group. */
interface PairWork extends Scratch {
  r: Float64Array;
  rr: Float64Array;
  pi: Float64Array;
  q: Float64Array;
  M: Float64Array;
  T: Float64Array;
}

/**
 * Relative gap |r_j - r_i| / max(r_i, r_j) above which a pair's joint inclusion probability
 * is taken from the closed form (see {@link addGroupByPairs}); its absolute error is then at
 * most about 2 / PAIR_GAP machine epsilons of max(p_i, p_j). Closer pairs (tied rows) use
 * the exact leave-one-out recursion.
 */
const PAIR_GAP = 1e-3;

/**
 * One group's log-likelihood, score and information (upper triangle) from the inclusion
 * probabilities of single rows and of pairs of rows: the conditional distribution of the
 * group's event set S has inclusion probabilities p_i and pair probabilities p_ij; the score
 * is the sum over events of x_i minus the sum of p_i x_i, the information the covariance of
 * the sum over S of x_i: X_g' M X_g with M = P - p p', P_ii = p_i, P_ij = p_ij.
 *
 * With weights r_i = exp(eta_i) and B_A(j) the sum over j-subsets of A of the products of
 * their weights, p_ij = r_i r_j B_{-ij}(k-2) / B(k), and B_{-i}(k-1) - B_{-j}(k-1) =
 * (r_j - r_i) B_{-ij}(k-2), so p_ij = (r_j p_i - r_i p_j) / (r_j - r_i): O(1) per pair once
 * the p_i are known. Pairs whose weights are too close for that difference (PAIR_GAP) take
 * p_ij = p_i q_j|i from the recursion without row i (q_j|i: j's inclusion among the other rows
 * with k - 1 events). One event (k = 1) or one non-event (k = n - 1) give M = diag(u) - u u'
 * with u = p or 1 - p, and X_g' M X_g = sum u_i x_i x_i' - (X_g'u)(X_g'u)'. Cost O(n^2 p + n p^2)
 * (plus O(n^2 k) per tied row): the cheaper method for the study's groups (countries, about 11 years).
 */
function addGroupByPairs(g: Group, X: Matrix, y: Float64Array, beta: Float64Array, w: PairWork, out: { loglik: number; grad: Float64Array; info: Float64Array }): void {
  const p = X.cols, k = g.events, rows = g.rows, n = rows.length;
  const { r, rr, pi, q, M, T } = w;
  centredEta(X, rows, beta, r);
  let sumEta = 0;
  for (let m = 0; m < n; m++) {
    if (y[rows[m]] === 1) sumEta += r[m];
    r[m] = Math.exp(r[m]);
  }
  out.loglik += sumEta - inclusion(r, n, k, pi, w);
  // Sums over the rows' non-zero cells (year dummies are mostly zeros; the skipped products are exact zeros).
  const { start, cols, vals } = sparseRows(X);
  for (let m = 0; m < n; m++) {
    const c = (y[rows[m]] === 1 ? 1 : 0) - pi[m];
    for (let t = start[rows[m]], e = start[rows[m] + 1]; t < e; t++) out.grad[cols[t]] += c * vals[t];
  }
  if (k === 1 || k === n - 1) {
    // M = diag(u) - u u': info += sum_i u_i x_i x_i' - s s', s = X_g' u.
    const s = T;
    s.fill(0, 0, p);
    for (let i = 0; i < n; i++) {
      const u = k === 1 ? pi[i] : 1 - pi[i];
      for (let t = start[rows[i]], e = start[rows[i] + 1]; t < e; t++) {
        const a = cols[t], ua = u * vals[t];
        if (ua === 0) continue;
        s[a] += ua;
        for (let t2 = t; t2 < e; t2++) out.info[a * p + cols[t2]] += ua * vals[t2];
      }
    }
    for (let a = 0; a < p; a++) for (let c = a; c < p; c++) out.info[a * p + c] -= s[a] * s[c];
    return;
  }
  // M = P - p p': closed form per pair, the recursion without row i for tied pairs (NaN until then).
  let ties = 0;
  for (let i = 0; i < n; i++) {
    M[i * n + i] = pi[i] - pi[i] * pi[i];
    for (let j = i + 1; j < n; j++) {
      const d = r[j] - r[i];
      let m = NaN;
      if (Math.abs(d) >= PAIR_GAP * Math.max(r[i], r[j])) m = (r[j] * pi[i] - r[i] * pi[j]) / d - pi[i] * pi[j];
      if (Number.isNaN(m)) ties++;
      M[i * n + j] = m;
      M[j * n + i] = m;
    }
  }
  for (let i = 0; i < n && ties > 0; i++) {
    let tied = false;
    for (let j = 0; j < n && !tied; j++) tied = j !== i && Number.isNaN(M[i * n + j]);
    if (!tied) continue;
    let t = 0;
    for (let m = 0; m < n; m++) if (m !== i) rr[t++] = r[m];
    inclusion(rr, n - 1, k - 1, q, w);
    t = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const qj = q[t++];
      if (Number.isNaN(M[i * n + j])) {
        const m = pi[i] * qj - pi[i] * pi[j];
        M[i * n + j] = m;
        M[j * n + i] = m;
      }
    }
  }
  // info += X_g' M X_g.
  T.fill(0, 0, n * p);
  for (let i = 0; i < n; i++) {
    const ti = i * p;
    for (let j = 0; j < n; j++) {
      const mij = M[i * n + j];
      if (mij === 0) continue;
      for (let t = start[rows[j]], e = start[rows[j] + 1]; t < e; t++) T[ti + cols[t]] += mij * vals[t];
    }
  }
  for (let i = 0; i < n; i++) {
    const ti = i * p;
    for (let t = start[rows[i]], e = start[rows[i] + 1]; t < e; t++) {
      const a = cols[t], xa = vals[t], ia = a * p;
      for (let c = a; c < p; c++) out.info[ia + c] += xa * T[ti + c];
    }
  }
}

/**
 * One group's log-likelihood, score and information (upper triangle) by differentiating the
 * subset-sum recursion twice (B, dB, d2B over events). Cost O(n k p^2): the cheaper method
 * for large groups with few covariates (matched case-control sets, big strata).
 */
function addGroupByRecursion(g: Group, X: Matrix, y: Float64Array, beta: Float64Array, out: { loglik: number; grad: Float64Array; info: Float64Array }): void {
  const p = X.cols, xd = X.data, k = g.events, rows = g.rows;
  const eta = new Float64Array(rows.length);
  centredEta(X, rows, beta, eta);
  const B = new Float64Array(k + 1), dB = new Float64Array((k + 1) * p), d2B = new Float64Array((k + 1) * p * p);
  B[0] = 1;
  let logScale = 0;
  for (let m = 0; m < rows.length; m++) {
    const r = Math.exp(eta[m]), xo = rows[m] * p;
    for (let j = Math.min(m + 1, k); j >= 1; j--) {
      const b0 = B[j - 1], o1 = (j - 1) * p, o = j * p;
      // d2B is symmetric in (a, c): only its upper triangle is filled and read.
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
      sumEta += eta[m];
      for (let a = 0; a < p; a++) out.grad[a] += xd[rows[m] * p + a];
    }
  }
  out.loglik += sumEta - Math.log(B[k]) - logScale;
  const bk = B[k], o = k * p;
  for (let a = 0; a < p; a++) out.grad[a] -= dB[o + a] / bk;
  for (let a = 0; a < p; a++) {
    for (let c = a; c < p; c++) out.info[a * p + c] += d2B[o * p + a * p + c] / bk - (dB[o + a] / bk) * (dB[o + c] / bk);
  }
}

/** Whether the pair method costs less than the recursion for a group of n rows, k events, p covariates (flop estimates). */
export function pairsCheaper(n: number, k: number, p: number): boolean {
  // Tied rows can cost the pair method O(n k) each, so its general cost is counted as if all were tied.
  const pairs = n * n * (Math.min(k, n - k) <= 1 ? 0 : 3 * Math.min(k, n - k) + p) + (n * p * (p + 1)) / 2;
  const recursion = 3 * n * k * (p * (p + 1)) / 2;
  return pairs <= recursion;
}

/**
 * Conditional log-likelihood, gradient and information summed over groups, each group by
 * the cheaper method (`method` forces one; exported for the test that the two agree).
 */
export function evaluate(X: Matrix, y: Float64Array, groups: readonly Group[], beta: Float64Array, method: "auto" | "pairs" | "recursion" = "auto"): Evaluation {
  const p = X.cols;
  const info = createMatrix(p, p);
  const out = { loglik: 0, grad: new Float64Array(p), info: info.data };
  let work: PairWork | null = null;
  for (const g of groups) {
    const pairs = method === "auto" ? pairsCheaper(g.rows.length, g.events, p) : method === "pairs";
    if (!pairs) {
      addGroupByRecursion(g, X, y, beta, out);
      continue;
    }
    if (work === null) {
      const b = groupBounds(method === "pairs" ? groups : groups.filter((x) => pairsCheaper(x.rows.length, x.events, p)));
      work = { ...scratch(b.n, b.k), r: new Float64Array(b.n), rr: new Float64Array(b.n), pi: new Float64Array(b.n), q: new Float64Array(b.n), M: new Float64Array(b.n * b.n), T: new Float64Array(b.n * p) };
    }
    addGroupByPairs(g, X, y, beta, work, out);
  }
  for (let a = 0; a < p; a++) for (let c = 0; c < a; c++) info.data[a * p + c] = info.data[c * p + a];
  return { loglik: out.loglik, grad: out.grad, info };
}

/** P(y_i = 1 | events in the group) for every row of each group (see {@link inclusion}). */
function conditionalProbabilities(X: Matrix, groups: readonly Group[], beta: Float64Array, out: Float64Array): void {
  const bounds = groupBounds(groups);
  const w = scratch(bounds.n, bounds.k);
  const r = new Float64Array(bounds.n), pi = new Float64Array(bounds.n);
  for (const g of groups) {
    const rows = g.rows, n = rows.length;
    centredEta(X, rows, beta, r);
    for (let m = 0; m < n; m++) r[m] = Math.exp(r[m]);
    inclusion(r, n, g.events, pi, w);
    for (let m = 0; m < n; m++) out[rows[m]] = pi[m];
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
    // Converged when the Newton step from here is below the tolerance: near the optimum it
    // shrinks quadratically, so taking it would change nothing that matters and cost an evaluation.
    let newton = 0;
    for (let a = 0; a < p; a++) newton = Math.max(newton, Math.abs(step[a]) / (Math.abs(beta[a] + step[a]) + 1e-3));
    if (newton < tol) {
      converged = true;
      break;
    }
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
    beta.set(trial);
    ev = next;
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
