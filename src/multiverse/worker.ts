/**
 * Worker-thread entry of the parallel multiverse: builds its share of the panel variants from
 * the raw files and fits their specifications, or runs a range of the null bootstrap's draws.
 */
import { parentPort } from "node:worker_threads";
import { SourceLoader } from "../panel/index.js";
import { studyPanel } from "../study/real-panel.js";
import type { Specification } from "./forks.js";
import { nullDraw, nullSpecOf, prepareNull, type CurveStats, type NullChoice } from "./null-inference.js";
import { runMultiverse, type SpecResult } from "./run.js";

/** Message from the parent: the data directory and the specifications to fit. */
export interface ShareRequest {
  readonly type: "fit";
  readonly dataDir: string;
  readonly specs: readonly { index: number; spec: Specification }[];
}

/** Message from the parent: run draws [from, to) of the null bootstrap over `specs`. */
export interface NullRequest {
  readonly type: "null";
  readonly dataDir: string;
  readonly specs: readonly NullChoice[];
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

/** Messages to the parent: progress, then the results (or an error). */
export type ShareMessage =
  | { readonly type: "progress"; readonly done: number; readonly panels: number }
  | { readonly type: "done"; readonly results: readonly SpecResult[]; readonly panels: number; readonly sources: readonly string[] }
  | { readonly type: "null-done"; readonly observed: CurveStats; readonly draws: readonly (CurveStats | null)[] }
  | { readonly type: "error"; readonly error: string };

parentPort?.once("message", (msg: ShareRequest | NullRequest) => {
  try {
    const loader = new SourceLoader(msg.dataDir);
    const panel = (o: Parameters<typeof studyPanel>[1]) => studyPanel(msg.dataDir, o, loader);
    if (msg.type === "null") {
      const sampleOf = runMultiverse([], { panel }).sampleOf;
      const pn = prepareNull(msg.specs.map((r) => nullSpecOf(r, sampleOf)));
      const draws: (CurveStats | null)[] = [];
      for (let b = msg.from; b < msg.to; b++) draws.push(nullDraw(pn, msg.seed, b));
      parentPort?.postMessage({ type: "null-done", observed: pn.observed, draws } satisfies ShareMessage);
      return;
    }
    const run = runMultiverse(msg.specs, {
      panel,
      progress: (p) => parentPort?.postMessage({ type: "progress", done: p.done, panels: p.panels } satisfies ShareMessage),
    });
    parentPort?.postMessage({ type: "done", results: run.results, panels: run.panels, sources: run.sources } satisfies ShareMessage);
  } catch (e) {
    parentPort?.postMessage({ type: "error", error: e instanceof Error ? e.message : String(e) } satisfies ShareMessage);
  }
});
