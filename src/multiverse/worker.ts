/** Worker-thread entry of the parallel multiverse: builds its share of the panel variants from the raw files and fits their specifications. */
import { parentPort } from "node:worker_threads";
import { SourceLoader } from "../panel/index.js";
import { studyPanel } from "../study/real-panel.js";
import type { Specification } from "./forks.js";
import { runMultiverse, type SpecResult } from "./run.js";

/** Message from the parent: the data directory and the specifications to fit. */
export interface ShareRequest {
  readonly dataDir: string;
  readonly specs: readonly { index: number; spec: Specification }[];
}

/** Messages to the parent: progress, then the results (or an error). */
export type ShareMessage =
  | { readonly type: "progress"; readonly done: number; readonly panels: number }
  | { readonly type: "done"; readonly results: readonly SpecResult[]; readonly panels: number; readonly sources: readonly string[] }
  | { readonly type: "error"; readonly error: string };

parentPort?.once("message", (msg: ShareRequest) => {
  try {
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
