import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { PktError } from "../core/errors.js";
import { SourceLoader } from "../panel/pipeline.js";
import { contributorsFigures, type ContributorsFigure } from "./figures.js";
import { contributorsPanel, runContributors, type ContributorsResults } from "./run.js";

/** What {@link contributorsWork} is asked: the data, the power simulation's seed and size, PNG copies. */
export interface ContributorsWorkOptions {
  readonly dataDir: string;
  readonly seed?: number;
  readonly nsim?: number;
  readonly png?: boolean;
}

/** The results and their figures. */
export interface ContributorsWork {
  readonly results: ContributorsResults;
  readonly figures: readonly ContributorsFigure[];
}

/** Panel, models and figures of "Who keeps the peace" (runContributors, contributorsFigures). */
export async function contributorsWork(o: ContributorsWorkOptions, loader = new SourceLoader(o.dataDir)): Promise<ContributorsWork> {
  const results = runContributors(contributorsPanel(o.dataDir, loader), { seed: o.seed, nsim: o.nsim });
  return { results, figures: await contributorsFigures(results, { png: o.png }) };
}

/**
 * {@link contributorsWork} in a worker thread when the compiled worker exists, so that the
 * report's other work runs beside it on a second core; else in this thread (e.g. under the test
 * runner, which runs the TypeScript sources; then `loader`, if given, is shared). Same code and
 * results either way.
 */
export function runContributorsInBackground(o: ContributorsWorkOptions, loader?: SourceLoader): Promise<ContributorsWork> {
  const url = new URL("./worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    // Deferred, so that the caller starts its own work first, as it would beside a worker.
    return new Promise((resolve, reject) => setImmediate(() => contributorsWork(o, loader).then(resolve, reject)));
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
