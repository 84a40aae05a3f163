/**
 * The multiverse over Node worker threads (Node only). Specifications are split by panel
 * variant, so each variant is built by one thread only, and the variants are dealt to the
 * threads largest first onto the least-loaded thread. Results come back in input order,
 * so the output is the same for any number of threads.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { PktError } from "../core/errors.js";
import { concreteSpec } from "./spec-model.js";
import type { Specification } from "./forks.js";
import { finishMultiverse, nullChosen, planSpecs, type MultiverseRequest, type MultiverseResults } from "./multiverse.js";
import { assembleNull, checkDraws, type NullChoice, type NullInference } from "./null-inference.js";
import { panelVariantKey, type MultiverseEngine, type SpecResult } from "./run.js";
import type { NullRequest, ShareMessage, ShareRequest } from "./worker.js";

/** Options of {@link runMultiverseParallel}. */
export interface ParallelOptions {
  readonly dataDir: string;
  /** Worker threads (at least 1). */
  readonly threads: number;
  /** Location of the compiled worker script (default: worker.js beside this file). */
  readonly workerUrl?: URL;
  readonly progress?: (p: { readonly done: number; readonly total: number; readonly panels: number; readonly elapsedMs: number }) => void;
}

/** The compiled worker beside this module, or null when running from TypeScript sources (tests), where workers cannot start. */
export function defaultWorkerUrl(): URL | null {
  const url = new URL("./worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** Deal the specifications' panel variants to `threads` shares, balancing the number of specifications. */
export function shareByVariant(specs: readonly { index: number; spec: Specification }[], threads: number): { index: number; spec: Specification }[][] {
  const byVariant = new Map<string, { index: number; spec: Specification }[]>();
  for (const s of specs) {
    const key = panelVariantKey(concreteSpec(s.spec).options);
    const list = byVariant.get(key);
    if (list === undefined) byVariant.set(key, [s]);
    else list.push(s);
  }
  const shares: { index: number; spec: Specification }[][] = Array.from({ length: Math.max(1, threads) }, () => []);
  const variants = [...byVariant.values()].sort((a, b) => b.length - a.length || a[0].index - b[0].index);
  for (const v of variants) {
    let least = 0;
    for (let t = 1; t < shares.length; t++) if (shares[t].length < shares[least].length) least = t;
    shares[least].push(...v);
  }
  return shares.filter((s) => s.length > 0).map((s) => s.sort((a, b) => a.index - b.index));
}

/**
 * Post one request to each of `requests.length` workers and collect each worker's final
 * message of type `doneType`; progress messages go to `onProgress`. Workers are always
 * terminated, also on failure.
 */
async function runWorkers<D extends ShareMessage["type"]>(
  url: URL,
  requests: readonly (ShareRequest | NullRequest)[],
  doneType: D,
  onProgress?: (t: number, m: Extract<ShareMessage, { type: "progress" }>) => void,
): Promise<Extract<ShareMessage, { type: D }>[]> {
  const workers: Worker[] = [];
  try {
    return await Promise.all(requests.map((req, t) => new Promise<Extract<ShareMessage, { type: D }>>((resolve, reject) => {
      const w = new Worker(url);
      workers.push(w);
      w.on("message", (m: ShareMessage) => {
        if (m.type === "progress") onProgress?.(t, m);
        else if (m.type === doneType) resolve(m as Extract<ShareMessage, { type: D }>);
        else if (m.type === "error") reject(new PktError(`multiverse worker failed: ${m.error}`));
      });
      w.once("error", reject);
      w.once("exit", (code) => reject(new PktError(`multiverse worker exited with code ${code} before finishing`)));
      w.postMessage(req);
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Fit the specifications on worker threads; results in input order. */
export async function runMultiverseParallel(
  specs: readonly { index: number; spec: Specification }[],
  o: ParallelOptions,
): Promise<{ results: SpecResult[]; panels: number; sources: string[] }> {
  const url = workerUrlOrThrow(o);
  const started = performance.now();
  const shares = shareByVariant(specs, o.threads);
  const done = new Array<number>(shares.length).fill(0);
  const panels = new Array<number>(shares.length).fill(0);
  const parts = await runWorkers(
    url,
    shares.map((share) => ({ type: "fit", dataDir: o.dataDir, specs: share }) satisfies ShareRequest),
    "done",
    (t, m) => {
      done[t] = m.done;
      panels[t] = m.panels;
      o.progress?.({ done: done.reduce((a, b) => a + b, 0), total: specs.length, panels: panels.reduce((a, b) => a + b, 0), elapsedMs: performance.now() - started });
    },
  );
  const byIndex = new Map<number, SpecResult>();
  for (const p of parts) for (const r of p.results) byIndex.set(r.index, r);
  return {
    results: specs.map((s) => byIndex.get(s.index)!),
    panels: parts.reduce((a, p) => a + p.panels, 0),
    sources: [...new Set(parts.flatMap((p) => p.sources))].sort(),
  };
}

function workerUrlOrThrow(o: { workerUrl?: URL }): URL {
  const url = o.workerUrl ?? defaultWorkerUrl();
  if (url === null) throw new PktError("the multiverse worker script is not built (run npm run build), or use one thread");
  return url;
}

/**
 * The null bootstrap with its specifications split over `threads` worker threads by panel
 * variant (each thread builds only the panels its specifications read, and holds only their
 * designs), every thread running every draw. A specification's refit in draw b depends only
 * on the seed, b and its own rows ({@link commonUniform}), so the result is the one
 * {@link nullInference} gives in one thread, for any number of threads.
 */
export async function nullInferenceParallel(
  specs: readonly NullChoice[],
  o: { readonly draws: number; readonly seed: number; readonly dataDir: string; readonly threads: number; readonly workerUrl?: URL },
): Promise<NullInference> {
  checkDraws(o.draws);
  const url = workerUrlOrThrow(o);
  const shares = shareByVariant(specs.map((s, index) => ({ index, spec: { claim: s.claim, choices: s.choices } })), o.threads);
  const parts = await runWorkers(
    url,
    shares.map((share) => ({ type: "null", dataDir: o.dataDir, specs: share.map((x) => specs[x.index]), seed: o.seed, draws: o.draws }) satisfies NullRequest),
    "null-done",
  );
  // Back into input order: specification k of share t is specs[shares[t][k].index].
  const observed = new Array<{ estimate: number; p: number }>(specs.length);
  const fits = Array.from({ length: o.draws }, () => new Float64Array(2 * specs.length));
  parts.forEach((part, t) => {
    shares[t].forEach((x, k) => {
      observed[x.index] = part.observed[k];
      for (let b = 0; b < o.draws; b++) {
        fits[b][2 * x.index] = part.fits[b][2 * k];
        fits[b][2 * x.index + 1] = part.fits[b][2 * k + 1];
      }
    });
  });
  return assembleNull(observed, fits, o.seed);
}

/**
 * The same as {@link multiverse}, with the fits spread over `threads` worker threads that
 * build the panels from `dataDir` themselves (Node only). The results, and so every output
 * file, are the same as with one thread; so is the null bootstrap, whose specifications are
 * split over the threads too ({@link nullInferenceParallel}). `engine` gets the progress.
 */
export async function multiverseParallel(req: MultiverseRequest, engine: MultiverseEngine, o: Omit<ParallelOptions, "progress">): Promise<MultiverseResults> {
  const started = performance.now();
  const { grid, planned } = planSpecs(req);
  const run = await runMultiverseParallel(planned, { ...o, progress: engine.progress });
  const chosen = nullChosen(req, run.results);
  const nullTest = chosen.length === 0 ? null : await nullInferenceParallel(chosen, { ...o, draws: req.nullDraws!, seed: req.seed ?? 1 });
  return finishMultiverse(req, grid, run, nullTest, started);
}
