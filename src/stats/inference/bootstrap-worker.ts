/** Worker-thread entry for clusterBootstrap: runs the replicate range it is sent and posts the draws back. */
import { parentPort } from "node:worker_threads";
import { runBootstrapChunk, type BootstrapJob } from "./bootstrap-job.js";

/** Message from the parent: a job and the replicate range [from, to). */
export interface ChunkRequest {
  readonly job: BootstrapJob;
  readonly from: number;
  readonly to: number;
}

parentPort?.on("message", (msg: ChunkRequest) => {
  try {
    const draws = runBootstrapChunk(msg.job, msg.from, msg.to);
    parentPort?.postMessage({ ok: true, draws }, [draws.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
