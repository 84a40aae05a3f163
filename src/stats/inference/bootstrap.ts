/**
 * Cluster (pairs) bootstrap: resample whole clusters with replacement, refit, and take
 * the covariance of the replicate coefficients (as sandwich::vcovBS with type "xy").
 * Replicate r draws its clusters from its own random stream `createRng(seed, r)`, so
 * any split of the replicates (threads, chunks) gives identical draws and results.
 * Pure code; the worker-thread driver is in ./bootstrap-node.ts.
 */
import { PktError } from "../../core/errors.js";
import type { ModelWarning } from "../results.js";
import { createMatrix, type Matrix } from "../linalg/matrix.js";
import { createRng } from "../random.js";

/** Clusters as integer ids 0..nClusters-1 per row (rows of the estimation sample). */
export interface BootstrapClusters {
  readonly ids: Int32Array;
  readonly nClusters: number;
}

/** Rows of each cluster, in row order. */
export function clusterMembers(c: BootstrapClusters): Int32Array[] {
  const counts = new Int32Array(c.nClusters);
  for (let i = 0; i < c.ids.length; i++) counts[c.ids[i]]++;
  const out = Array.from(counts, (k) => new Int32Array(k));
  counts.fill(0);
  for (let i = 0; i < c.ids.length; i++) out[c.ids[i]][counts[c.ids[i]]++] = i;
  return out;
}

/** One resample: the rows (with repeats) and, for each row, which draw (0..G-1) it came from. */
export interface Resample {
  readonly rows: Int32Array;
  readonly draw: Int32Array;
}

/** The resample of replicate `r` for `seed`: G clusters drawn with replacement from stream r. */
export function resampleClusters(members: readonly Int32Array[], seed: number, r: number): Resample {
  const G = members.length, rng = createRng(seed, r);
  const picks = new Int32Array(G);
  let total = 0;
  for (let g = 0; g < G; g++) {
    picks[g] = rng.nextInt(G);
    total += members[picks[g]].length;
  }
  const rows = new Int32Array(total), draw = new Int32Array(total);
  let k = 0;
  for (let g = 0; g < G; g++) {
    for (const i of members[picks[g]]) {
      rows[k] = i;
      draw[k++] = g;
    }
  }
  return { rows, draw };
}

/** Replicate coefficients: row r is replicate `from + r`; a failed refit leaves a row of NaN. */
export function bootstrapDraws(
  refit: (s: Resample) => Float64Array | null,
  clusters: BootstrapClusters,
  p: number,
  seed: number,
  from: number,
  to: number,
): Float64Array {
  const members = clusterMembers(clusters);
  const out = new Float64Array((to - from) * p).fill(NaN);
  for (let r = from; r < to; r++) {
    const b = refit(resampleClusters(members, seed, r));
    if (b !== null && b.length === p && b.every(Number.isFinite)) out.set(b, (r - from) * p);
  }
  return out;
}

/** Covariance of the replicates that succeeded (divisor R - 1), and how many failed. */
export function vcovFromDraws(draws: Float64Array, p: number): { vcov: Matrix; nOk: number; nFailed: number } {
  const R = draws.length / p;
  const ok: number[] = [];
  for (let r = 0; r < R; r++) if (Number.isFinite(draws[r * p])) ok.push(r);
  const mean = new Float64Array(p);
  for (const r of ok) for (let j = 0; j < p; j++) mean[j] += draws[r * p + j] / ok.length;
  const v = createMatrix(p, p);
  for (const r of ok) {
    for (let a = 0; a < p; a++) {
      const da = draws[r * p + a] - mean[a];
      for (let b = 0; b < p; b++) v.data[a * p + b] += (da * (draws[r * p + b] - mean[b])) / (ok.length - 1);
    }
  }
  return { vcov: v, nOk: ok.length, nFailed: R - ok.length };
}

/**
 * The rule for replicates that fail (no convergence, a singular fit): up to this share of
 * the replicates they are left out, counted in the variance's description and in a
 * warning; above it the bootstrap refuses, because the failures are mostly the separated
 * resamples, whose omission biases the standard errors down.
 */
export const MAX_FAILED_SHARE = 0.05;

/** Apply {@link MAX_FAILED_SHARE}: throw above it, return a warning (or null when none failed). */
export function bootstrapFailures(nFailed: number, reps: number): ModelWarning | null {
  if (nFailed === 0) return null;
  const pct = ((100 * nFailed) / reps).toFixed(1);
  if (nFailed > MAX_FAILED_SHARE * reps) {
    throw new PktError(
      `bootstrap: ${nFailed} of ${reps} replicates (${pct}%) failed to converge, more than the ${100 * MAX_FAILED_SHARE}% allowed; leaving them out would bias the standard errors down (they are typically separated resamples). Try model "firth", fewer terms, or vcov cluster:COL`,
    );
  }
  return {
    type: "nonconvergence",
    message: `bootstrap: ${nFailed} of ${reps} replicates (${pct}%) failed to converge and were left out (allowed up to ${100 * MAX_FAILED_SHARE}%); the standard errors may be slightly too small`,
  };
}

/** Default seed when none is given (results must still be reproducible). */
export const DEFAULT_BOOTSTRAP_SEED = 1;
