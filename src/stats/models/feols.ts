/**
 * The within estimator for OLS with one or two fixed effects. Coefficients, residuals
 * and degrees of freedom equal those of `lm` with factor dummies, so classical, HC and
 * cluster variances from the shared vcov code match sandwich on the dummy lm.
 * One effect: demean by group. Two effects: demean by the larger grouping, then
 * partial out the (demeaned) dummies of the smaller one exactly; when both are large
 * (more than MAX_EXACT_LEVELS levels), alternating projections to 1e-13 instead.
 */
import { PktError } from "../../core/errors.js";
import { weightedCrossprod } from "../linalg/crossprod-kernel.js";
import { cholesky, cholInverse, collinearColumns, createMatrix, type Matrix } from "../linalg/matrix.js";
import type { KernelDef, KernelFit, KernelInput } from "../kernel.js";
import { leverages } from "./glm.js";
import type { FixedEffectIndex } from "../model-frame.js";

const MAX_EXACT_LEVELS = 2000;

/** Options read from `KernelInput.extra`. */
export interface FeolsOptions {
  /**
   * Two-way demeaning: "auto" (default) partials out the smaller effect exactly unless both
   * have more than 2,000 levels; "alternating" forces alternating projections (no leverages).
   */
  readonly feMethod?: "auto" | "alternating";
}

/** Subtract group means from each column of a column-major block (n rows, k columns) in place; returns group sizes. */
function demean(cols: Float64Array[], ids: Int32Array, nLevels: number): Float64Array {
  const size = new Float64Array(nLevels);
  for (let i = 0; i < ids.length; i++) size[ids[i]]++;
  const sum = new Float64Array(nLevels);
  for (const v of cols) {
    sum.fill(0);
    for (let i = 0; i < v.length; i++) sum[ids[i]] += v[i];
    for (let i = 0; i < v.length; i++) v[i] -= sum[ids[i]] / size[ids[i]];
  }
  return size;
}

/** Residuals of each column in `cols` after least squares on the columns `D` (all length n). */
function partialOut(cols: Float64Array[], D: Float64Array[]): Matrix {
  const q = D.length;
  const G = createMatrix(q, q);
  for (let a = 0; a < q; a++) {
    for (let b = a; b < q; b++) {
      let s = 0;
      for (let i = 0; i < D[a].length; i++) s += D[a][i] * D[b][i];
      G.data[a * q + b] = s;
      G.data[b * q + a] = s;
    }
  }
  const c = cholesky(G);
  if (!c.ok) throw new PktError("within estimator: the second fixed effect's dummies are singular after demeaning");
  const inv = cholInverse(c.L);
  for (const v of cols) {
    const t = new Float64Array(q);
    for (let a = 0; a < q; a++) {
      let s = 0;
      for (let i = 0; i < v.length; i++) s += D[a][i] * v[i];
      t[a] = s;
    }
    const coef = new Float64Array(q);
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) coef[a] += inv.data[a * q + b] * t[b];
    for (let i = 0; i < v.length; i++) {
      let s = 0;
      for (let a = 0; a < q; a++) s += D[a][i] * coef[a];
      v[i] -= s;
    }
  }
  return inv;
}

/** Alternating projections (method of Gaure's lfe) until the largest change is below tol. */
function alternatingDemean(cols: Float64Array[], fes: readonly FixedEffectIndex[], tol = 1e-13, maxit = 100000): void {
  for (const v of cols) {
    const prev = new Float64Array(v.length);
    let scale = 0;
    for (let i = 0; i < v.length; i++) scale = Math.max(scale, Math.abs(v[i]));
    for (let it = 0; it < maxit; it++) {
      prev.set(v);
      for (const fe of fes) demean([v], fe.ids, fe.levels.length);
      let diff = 0;
      for (let i = 0; i < v.length; i++) diff = Math.max(diff, Math.abs(v[i] - prev[i]));
      if (diff <= tol * (scale + 1)) break;
    }
  }
}

/** Number of connected components of the bipartite graph linking levels of two fixed effects. */
function components(a: FixedEffectIndex, b: FixedEffectIndex): number {
  const na = a.levels.length, parent = Int32Array.from({ length: na + b.levels.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const used = new Uint8Array(parent.length);
  for (let i = 0; i < a.ids.length; i++) {
    const u = find(a.ids[i]), v = find(na + b.ids[i]);
    used[a.ids[i]] = 1;
    used[na + b.ids[i]] = 1;
    if (u !== v) parent[u] = v;
  }
  let count = 0;
  for (let x = 0; x < parent.length; x++) if (used[x] && find(x) === x) count++;
  return count;
}

/**
 * Fit OLS with one or two fixed effects by the within transformation. `dfResidual`
 * is n - p - (degrees of freedom absorbed by the effects), `hat` the leverages of the
 * full dummy regression (for HC2/HC3; not computed in the alternating-projections case),
 * `r2` the within R2, `loglik` the Gaussian log-likelihood of the dummy lm.
 */
export function fitFeols(input: KernelInput): KernelFit {
  const { y, X } = input;
  const n = X.rows, p = X.cols, fes = input.fe;
  if (fes.length < 1 || fes.length > 2) throw new PktError(`within estimator: expected one or two fixed effects after |, got ${fes.length}`);
  if (input.weights) throw new PktError("within estimator: observation weights are not supported");
  const cols: Float64Array[] = [Float64Array.from(y)];
  for (let j = 0; j < p; j++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = X.data[i * p + j];
    cols.push(v);
  }
  const feHat = new Float64Array(n);
  let feDof: number, hatAvailable = true;
  const order = [...fes].sort((u, v) => v.levels.length - u.levels.length);
  const big = order[0];
  const method = (input.extra as FeolsOptions | undefined)?.feMethod ?? "auto";
  if (fes.length === 1 || (method !== "alternating" && order[1].levels.length - 1 <= MAX_EXACT_LEVELS)) {
    const size = demean(cols, big.ids, big.levels.length);
    let usedLevels = 0;
    for (const s of size) if (s > 0) usedLevels++;
    feDof = usedLevels;
    for (let i = 0; i < n; i++) feHat[i] = 1 / size[big.ids[i]];
    if (fes.length === 2) {
      const small = order[1], L = small.levels.length;
      const D: Float64Array[] = [];
      for (let l = 1; l < L; l++) {
        const v = new Float64Array(n);
        for (let i = 0; i < n; i++) v[i] = small.ids[i] === l ? 1 : 0;
        D.push(v);
      }
      demean(D, big.ids, big.levels.length);
      const Dm = createMatrix(n, D.length);
      for (let i = 0; i < n; i++) for (let l = 0; l < D.length; l++) Dm.data[i * D.length + l] = D[l][i];
      const keep = collinearColumns(Dm).keep;
      const Dk = keep.map((l) => D[l]);
      const inv = partialOut(cols, Dk);
      feDof += Dk.length;
      const q = Dk.length;
      for (let i = 0; i < n && input.needHat === true; i++) {
        let s = 0;
        for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) s += Dk[a][i] * inv.data[a * q + b] * Dk[b][i];
        feHat[i] += s;
      }
    }
  } else {
    alternatingDemean(cols, fes);
    hatAvailable = false;
    let levels = 0;
    for (const fe of fes) levels += new Set(fe.ids).size;
    feDof = levels - components(fes[0], fes[1]);
  }
  const Xt = createMatrix(n, p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) Xt.data[i * p + j] = cols[j + 1][i];
  const yt = cols[0];
  const xtx = createMatrix(p, p), xty = new Float64Array(p);
  weightedCrossprod(Xt.data, n, p, undefined, xtx.data, yt, xty);
  const c = cholesky(xtx);
  if (!c.ok) throw new PktError(`within estimator: column ${c.column + 1} of the design is constant within the fixed effects (collinear with them)`);
  const bread = cholInverse(c.L);
  const coef = new Float64Array(p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) coef[a] += bread.data[a * p + b] * xty[b];
  const resid = new Float64Array(n), scores = createMatrix(n, p);
  let rss = 0, tss = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let a = 0; a < p; a++) fit += Xt.data[i * p + a] * coef[a];
    resid[i] = yt[i] - fit;
    rss += resid[i] * resid[i];
    tss += yt[i] * yt[i];
    for (let a = 0; a < p; a++) scores.data[i * p + a] = resid[i] * Xt.data[i * p + a];
  }
  // Leverages (an O(n p^2) pass) only for the variances that divide by them (HC2, HC3): the
  // demeaned design's plus the fixed effects' own.
  const hat = hatAvailable && input.needHat === true ? leverages(Xt, undefined, bread).map((h, i) => h + feHat[i]) : undefined;
  const dfResidual = n - p - feDof;
  const fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) fitted[i] = y[i] - resid[i];
  return {
    coef,
    bread,
    scores,
    loglik: -0.5 * n * (Math.log((2 * Math.PI * rss) / n) + 1),
    nullLoglik: null,
    fitted,
    linearPredictor: fitted,
    converged: true,
    iterations: 1,
    dfResidual,
    scale: rss / dfResidual,
    ...(hat !== undefined ? { hat } : {}),
    r2: 1 - rss / tss,
    warnings: [],
    nParams: p + feDof + 1,
  };
}

/** Registry entry for `model: "feols"` (OLS with `| fe1 + fe2`). */
export const feolsKernel: KernelDef = {
  name: "feols",
  description: "OLS with fixed effects (within estimator, as lm with factor dummies)",
  fit: fitFeols,
  statistic: "t",
  binary: false,
  fixedEffects: "required",
  linkinv: (eta) => eta,
  mueta: () => 1,
};
