/**
 * A bootstrap job as plain data (so it can be posted to a worker thread) and the
 * function that runs a range of its replicates with a registered kernel.
 */
import { createMatrix, selectRows, type Matrix } from "../linalg/matrix.js";
import { getKernel, type KernelInput } from "../kernel.js";
import type { FixedEffectIndex } from "../model-frame.js";
import "../models/builtin.js";
import "../models/extra.js";
import { bootstrapDraws, type BootstrapClusters, type Resample } from "./bootstrap.js";

/** Everything needed to refit a model on resamples, without closures. */
export interface BootstrapJob {
  /** Registered kernel name (logit, probit, ols, firth, relogit, clogit, feols). */
  readonly kernel: string;
  readonly y: Float64Array;
  readonly X: Matrix;
  readonly fe: readonly FixedEffectIndex[];
  readonly weights?: Float64Array;
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Start values for each refit (the full-sample estimate). */
  readonly start?: Float64Array;
  readonly epsilon?: number;
  readonly maxit?: number;
  readonly clusters: BootstrapClusters;
  readonly reps: number;
  readonly seed: number;
}

/**
 * Fixed effects nested in the clusters (each level in one cluster) are relabelled per
 * draw, so a cluster drawn twice contributes two groups, as two distinct units would;
 * effects that cross clusters (e.g. year) keep their ids.
 */
function nestedIn(fe: FixedEffectIndex, c: BootstrapClusters): boolean {
  const owner = new Int32Array(fe.levels.length).fill(-1);
  for (let i = 0; i < fe.ids.length; i++) {
    const o = owner[fe.ids[i]];
    if (o === -1) owner[fe.ids[i]] = c.ids[i];
    else if (o !== c.ids[i]) return false;
  }
  return true;
}

function resampleFe(fe: FixedEffectIndex, s: Resample, relabel: boolean): FixedEffectIndex {
  if (!relabel) return { ...fe, ids: Int32Array.from(s.rows, (r) => fe.ids[r]) };
  const map = new Map<number, number>();
  const ids = new Int32Array(s.rows.length);
  for (let k = 0; k < s.rows.length; k++) {
    const key = s.draw[k] * fe.levels.length + fe.ids[s.rows[k]];
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    ids[k] = id;
  }
  return { name: fe.name, ids, levels: Array.from({ length: map.size }, (_, i) => String(i)) };
}

/** Coefficients of replicates from..to-1 (row-major, NaN rows for failed refits). */
export function runBootstrapChunk(job: BootstrapJob, from: number, to: number): Float64Array {
  const kernel = getKernel(job.kernel);
  if (kernel === undefined) throw new Error(`bootstrap: kernel ${job.kernel} is not registered`);
  const X = createMatrix(job.X.rows, job.X.cols, job.X.data);
  const relabel = job.fe.map((fe) => nestedIn(fe, job.clusters));
  const refit = (s: Resample): Float64Array | null => {
    const input: KernelInput = {
      y: Float64Array.from(s.rows, (r) => job.y[r]),
      X: selectRows(X, s.rows),
      fe: job.fe.map((fe, i) => resampleFe(fe, s, relabel[i])),
      weights: job.weights ? Float64Array.from(s.rows, (r) => (job.weights as Float64Array)[r]) : undefined,
      start: job.start,
      epsilon: job.epsilon,
      maxit: job.maxit,
      extra: job.extra,
    };
    try {
      const f = kernel.fit(input);
      return f.converged ? f.coef : null;
    } catch {
      return null;
    }
  };
  return bootstrapDraws(refit, job.clusters, X.cols, job.seed, from, to);
}
