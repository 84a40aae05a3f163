/**
 * The cluster bootstrap spread over Node worker threads (Node only; the browser runs
 * runBootstrapChunk in one thread). Replicates are split into contiguous ranges, one
 * per thread (this thread takes the first, threads - 1 workers the rest), and reassembled in order; since replicate r always uses random stream r,
 * the result is the same for any number of threads.
 */
import { Worker } from "node:worker_threads";
import { PktError } from "../../core/errors.js";
import { cellLevel, indexLevels } from "../formula/frame-impl.js";
import { toRows, type Matrix } from "../linalg/matrix.js";
import { deepFreeze, fitDetailed, type FitDetail, type FitOptions } from "../fit.js";
import type { ModelResults } from "../results.js";
import { buildTidy } from "./tidy.js";
import { bootstrapFailures, DEFAULT_BOOTSTRAP_SEED, vcovFromDraws } from "./bootstrap.js";
import { runBootstrapChunk, type BootstrapJob } from "./bootstrap-job.js";
import type { ChunkRequest } from "./bootstrap-worker.js";

/** Options for {@link clusterBootstrap}. */
export interface ClusterBootstrapOptions {
  /** Worker threads (default 1: run in this thread). */
  readonly threads?: number;
  /** Location of the compiled worker script (default: bootstrap-worker.js beside this file). */
  readonly workerUrl?: URL | string;
}

/** Bootstrap output: the variance and the replicate coefficients. */
export interface ClusterBootstrapResult {
  readonly vcov: Matrix;
  readonly se: readonly number[];
  /** reps x p replicate coefficients, row-major (NaN rows: failed refits). */
  readonly draws: Float64Array;
  readonly nOk: number;
  readonly nFailed: number;
  readonly reps: number;
  readonly seed: number;
  readonly threads: number;
}

function runInWorker(url: URL | string, req: ChunkRequest): Promise<Float64Array> {
  return new Promise((resolveDraws, reject) => {
    const w = new Worker(url);
    w.once("message", (m: { ok: boolean; draws?: Float64Array; error?: string }) => {
      void w.terminate();
      if (m.ok && m.draws) resolveDraws(m.draws);
      else reject(new PktError(`bootstrap worker failed: ${m.error ?? "no result"}`));
    });
    w.once("error", (e) => {
      void w.terminate();
      reject(e);
    });
    w.postMessage(req);
  });
}

/** Run a bootstrap job on `threads` threads; identical output for any thread count. */
export async function clusterBootstrap(job: BootstrapJob, opts: ClusterBootstrapOptions = {}): Promise<ClusterBootstrapResult> {
  const threads = Math.max(1, Math.min(opts.threads ?? 1, job.reps));
  const p = job.X.cols;
  let draws: Float64Array;
  if (threads === 1) draws = runBootstrapChunk(job, 0, job.reps);
  else {
    const url = opts.workerUrl ?? new URL("./bootstrap-worker.js", import.meta.url);
    const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.floor((t * job.reps) / threads));
    // Workers take chunks 1..T-1 while this thread, already warmed up, runs chunk 0.
    const pending = bounds.slice(1, -1).map((from, t) => runInWorker(url, { job, from, to: bounds[t + 2] }));
    const first = runBootstrapChunk(job, 0, bounds[1]);
    const parts = [first, ...(await Promise.all(pending))];
    draws = new Float64Array(job.reps * p);
    parts.forEach((part, t) => draws.set(part, bounds[t] * p));
  }
  const v = vcovFromDraws(draws, p);
  const se = Array.from({ length: p }, (_, j) => Math.sqrt(v.vcov.data[j * p + j]));
  return { vcov: v.vcov, se, draws, nOk: v.nOk, nFailed: v.nFailed, reps: job.reps, seed: job.seed, threads };
}

/**
 * A job that resamples clusters of `cluster` (a data column; rows of the estimation
 * sample) for a fit made with fitDetailed on `data`. Without `cluster`, rows are resampled.
 */
export function bootstrapJobFromFit(
  detail: FitDetail,
  data: readonly Record<string, unknown>[],
  opts: { cluster?: string; reps: number; seed?: number; extra?: Readonly<Record<string, unknown>> },
): BootstrapJob {
  const rows = detail.frame.rowIndex;
  let clusters;
  if (opts.cluster === undefined) clusters = { ids: Int32Array.from(rows, (_, i) => i), nClusters: rows.length };
  else {
    const name = opts.cluster;
    const labels = Array.from(rows, (r) => {
      const l = cellLevel(data[r][name]);
      if (l === null) throw new PktError(`bootstrap: cluster column ${name} is missing in data row ${r + 1}`);
      return l;
    });
    const idx = indexLevels(name, labels);
    clusters = { ids: idx.ids, nClusters: idx.levels.length };
  }
  if (clusters.nClusters < 2) throw new PktError(`bootstrap: cluster variable ${opts.cluster} has one level; need at least 2`);
  return {
    kernel: detail.kernel.name,
    y: detail.frame.y,
    X: detail.X,
    fe: detail.frame.fe,
    extra: opts.extra,
    start: Float64Array.from(detail.kernelFit.coef),
    clusters,
    reps: opts.reps,
    seed: opts.seed ?? DEFAULT_BOOTSTRAP_SEED,
  };
}

/** Options for {@link fitBootstrap}. */
export interface FitBootstrapOptions extends Omit<FitOptions, "vcov"> {
  /** Column whose clusters are resampled (rows when absent). */
  readonly cluster?: string;
  readonly reps: number;
  readonly threads?: number;
  readonly workerUrl?: URL | string;
}

/**
 * fit() with cluster-bootstrap standard errors computed on worker threads: the same
 * numbers as fit(..., {vcov: "bootstrap:COL:REPS", seed}) for models without fixed
 * effects, for any thread count (with fixed effects nested in the clusters, each drawn
 * copy of a cluster keeps its own groups here).
 */
export async function fitBootstrap(formula: string, data: readonly Record<string, unknown>[], opts: FitBootstrapOptions): Promise<ModelResults> {
  const detail = fitDetailed(formula, data, { ...opts, vcov: "classical" });
  const seed = opts.seed ?? DEFAULT_BOOTSTRAP_SEED;
  const job = bootstrapJobFromFit(detail, data, { cluster: opts.cluster, reps: opts.reps, seed, extra: opts.extra });
  const boot = await clusterBootstrap({ ...job, epsilon: opts.epsilon, maxit: opts.maxit }, { threads: opts.threads, workerUrl: opts.workerUrl });
  const warning = bootstrapFailures(boot.nFailed, opts.reps);
  if (boot.nOk < 2) throw new PktError(`bootstrap: only ${boot.nOk} of ${opts.reps} replicates could be fitted`);
  const r = detail.results;
  const by = opts.cluster ?? "obs";
  const failed = boot.nFailed > 0 ? `; ${boot.nFailed} failed replicates left out` : "";
  return deepFreeze({
    ...r,
    vcov: toRows(boot.vcov),
    vcov_type: `bootstrap:${by}:${opts.reps}`,
    vcov_description: `Cluster bootstrap standard errors (${opts.reps} resamples of ${job.clusters.nClusters} ${by}, seed ${seed}${failed})`,
    tidy: buildTidy(r.terms, r.coef, boot.vcov, r.df_residual, opts.level ?? 0.95),
    glance: { ...r.glance, n_clusters: opts.cluster === undefined ? null : job.clusters.nClusters },
    warnings: warning === null ? r.warnings : [...r.warnings, warning],
  });
}
