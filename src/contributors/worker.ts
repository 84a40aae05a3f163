/** Worker thread entry of {@link runContributorsInBackground}: the panel, every model, the figures; posts them back. */
import { parentPort, workerData } from "node:worker_threads";
import { contributorsWork, type ContributorsWorkOptions } from "./background.js";

const opts = workerData as ContributorsWorkOptions;
contributorsWork(opts).then(
  (out) => parentPort?.postMessage({ ok: true, out }),
  (err: unknown) => parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
);
