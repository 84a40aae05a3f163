import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { PktError } from "../core/errors.js";
import type { PanelRow } from "../panel/panel.js";
import { contributorsFigures, type ContributorsFigure } from "./figures.js";
import { SourceLoader } from "../panel/index.js";
import { contributorsPanel, runContributors, type ContributorsResults } from "./run.js";

/**
 * What {@link contributorsWork} is asked: the panel (contributorsPanel's rows, or the data
 * directory to build it from, in the worker when there is one), the power simulation's seed
 * and size, PNG copies.
 */
export interface ContributorsWorkOptions {
  readonly panel: readonly PanelRow[] | { readonly dataDir: string };
  readonly seed?: number;
  readonly nsim?: number;
  readonly png?: boolean;
}

/** The results, their figures, and the ids of the source files the panel read (empty when the panel was given). */
export interface ContributorsWork {
  readonly results: ContributorsResults;
  readonly figures: readonly ContributorsFigure[];
  readonly sources: readonly string[];
}

/** Models and figures of "Who keeps the peace" (runContributors, contributorsFigures). */
export async function contributorsWork(o: ContributorsWorkOptions): Promise<ContributorsWork> {
  let panel: readonly PanelRow[];
  let sources: string[] = [];
  if ("dataDir" in o.panel) {
    const loader = new SourceLoader(o.panel.dataDir);
    panel = contributorsPanel(o.panel.dataDir, loader);
    sources = loader.sourcesUsed().map((s) => s.id);
  } else panel = o.panel;
  const results = runContributors(panel, { seed: o.seed, nsim: o.nsim });
  return { results, figures: await contributorsFigures(results, { png: o.png }), sources };
}

/**
 * {@link contributorsWork} in a worker thread when the compiled worker exists, so that the
 * report's other work runs beside it on a second core (given a data directory, the worker builds
 * the panel itself, reading the files it needs); else in
 * this thread (e.g. under the test runner, which runs the TypeScript sources). Same code and
 * results either way.
 */
export function runContributorsInBackground(o: ContributorsWorkOptions): Promise<ContributorsWork> {
  const url = new URL("./worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    // Deferred, so that the caller starts its own work first, as it would beside a worker.
    return new Promise((resolve, reject) => setImmediate(() => contributorsWork(o).then(resolve, reject)));
  }
  return new Promise((resolve, reject) => {
    const w = new Worker(url, { workerData: o });
    w.once("message", (m: { ok: boolean; out?: ContributorsWork; error?: string }) => {
      void w.terminate();
      if (m.ok && m.out) resolve(m.out);
      else reject(new PktError(`who keeps the peace: ${m.error ?? "no result"}`));
    });
    w.once("error", (e) => {
      void w.terminate();
      reject(e);
    });
  });
}
