/** Page-side handle on the model worker: one worker, requests matched to answers by id. */
import type { ModelKind, ModelResults } from "../../../src/stats/results.js";
import type { FitRequest, FitResponse } from "./protocol.js";

let worker: Worker | null = null;
let nextId = 1;
/** A fit's results, the fit time inside the worker, and the round trip seen by the page (both ms). */
export interface WorkerFit {
  readonly result: ModelResults;
  readonly ms: number;
  readonly roundTripMs: number;
}

const pending = new Map<number, { t0: number; resolve: (r: WorkerFit) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker === null) {
    worker = new Worker(new URL("./fit-worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", (e: MessageEvent<FitResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve({ result: e.data.result, ms: e.data.ms, roundTripMs: performance.now() - p.t0 });
      else p.reject(new Error(e.data.error));
    });
    worker.addEventListener("error", (e) => {
      for (const p of pending.values()) p.reject(new Error(`model worker failed: ${e.message}`));
      pending.clear();
    });
  }
  return worker;
}

/** Fit a model in the worker; resolves with the results, the fit time in the worker and the round trip. */
export function fitInWorker(formula: string, rows: FitRequest["rows"], model: ModelKind, vcov: string): Promise<WorkerFit> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { t0: performance.now(), resolve, reject });
    getWorker().postMessage({ id, formula, rows, model, vcov } satisfies FitRequest);
  });
}
