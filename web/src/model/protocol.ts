/** Messages between the page and the model worker. */
import type { ModelKind, ModelResults } from "../../../src/stats/results.js";

/** Ask the worker to fit one model. */
export interface FitRequest {
  readonly id: number;
  readonly formula: string;
  /** Only the columns the formula and the variance need. */
  readonly rows: readonly Record<string, number | string | null>[];
  readonly model: ModelKind;
  /** `classical`, `hc0`..`hc3`, or `cluster:COL`. */
  readonly vcov: string;
}

/** The worker's answer: the results and the time the fit took inside the worker. */
export type FitResponse =
  | { readonly id: number; readonly ok: true; readonly result: ModelResults; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string };
