/**
 * Worker-thread entry of the parallel multiverse: builds its share of the panel variants from
 * the raw files and fits their specifications, or runs the null bootstrap's draws for a share of
 * its specifications.
 */
import { parentPort } from "node:worker_threads";
import { SourceLoader } from "../panel/index.js";
import { studyPanel } from "../study/real-panel.js";
import type { Specification } from "./forks.js";
import { nullRefits, nullSpecOf, prepareNull, type NullChoice, type PreparedNull } from "./null-inference.js";
import { runMultiverse, type SpecResult } from "./run.js";

/** Message from the parent: the data directory and the specifications to fit. */
export interface ShareRequest {
  readonly type: "fit";
  readonly dataDir: string;
  readonly specs: readonly { index: number; spec: Specification }[];
}

/** Message from the parent: every draw of the null bootstrap for this thread's share of the specifications. */
export interface NullRequest {
  readonly type: "null";
  readonly dataDir: string;
  readonly specs: readonly NullChoice[];
  readonly seed: number;
  readonly draws: number;
}

/** Messages to the parent: progress, then the results (or an error). */
export type ShareMessage =
  | { readonly type: "progress"; readonly done: number; readonly panels: number }
  | { readonly type: "done"; readonly results: readonly SpecResult[]; readonly panels: number; readonly sources: readonly string[] }
  | {
      readonly type: "null-done";
      readonly observed: readonly { readonly estimate: number; readonly p: number }[];
      /** Per draw, [estimate, p] of each specification of the share, in its order. */
      readonly fits: readonly Float64Array[];
    }
  | { readonly type: "error"; readonly error: string };

/**
 * The null bootstrap's specifications fitted on the observed data, from panels this function
 * builds itself: nothing outside it keeps the loader, panels or samples, so they can be freed
 * before the draws and only the designs remain.
 */
function prepareShare(dataDir: string, specs: readonly NullChoice[]): PreparedNull {
  const loader = new SourceLoader(dataDir);
  const sampleOf = runMultiverse([], { panel: (o) => studyPanel(dataDir, o, loader) }).sampleOf;
  return prepareNull(specs.map((r) => nullSpecOf(r, sampleOf)));
}

parentPort?.once("message", (msg: ShareRequest | NullRequest) => {
  try {
    if (msg.type === "null") {
      const pn = prepareShare(msg.dataDir, msg.specs);
      const fits: Float64Array[] = [];
      for (let b = 0; b < msg.draws; b++) fits.push(nullRefits(pn, msg.seed, b));
      parentPort?.postMessage({ type: "null-done", observed: pn.observed, fits } satisfies ShareMessage);
      return;
    }
    const loader = new SourceLoader(msg.dataDir);
    const run = runMultiverse(msg.specs, {
      panel: (o) => studyPanel(msg.dataDir, o, loader),
      progress: (p) => parentPort?.postMessage({ type: "progress", done: p.done, panels: p.panels } satisfies ShareMessage),
    });
    parentPort?.postMessage({ type: "done", results: run.results, panels: run.panels, sources: run.sources } satisfies ShareMessage);
  } catch (e) {
    parentPort?.postMessage({ type: "error", error: e instanceof Error ? e.message : String(e) } satisfies ShareMessage);
  }
});
