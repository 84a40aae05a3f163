/// <reference lib="webworker" />
/** The model worker: fits with the project's TypeScript engine (src/stats), off the page's thread. */
import { fitModel } from "./engine.js";
import type { FitRequest, FitResponse } from "./protocol.js";

self.addEventListener("message", (e: MessageEvent<FitRequest>) => {
  const req = e.data;
  let out: FitResponse;
  try {
    const t0 = performance.now();
    const result = fitModel(req.formula, req.rows, req.model, req.vcov);
    out = { id: req.id, ok: true, result, ms: performance.now() - t0 };
  } catch (err) {
    out = { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(out);
});
