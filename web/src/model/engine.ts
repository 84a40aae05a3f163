/** The fit the worker runs: the project's estimation engine (src/stats), unchanged. */
import { fit } from "../../../src/stats/index.js";
import type { ModelKind, ModelResults } from "../../../src/stats/results.js";

/** Fit `formula` on `rows` with the given estimator and variance (`classical`, `hc1`, `cluster:ccode`, ...). */
export function fitModel(formula: string, rows: readonly Record<string, number | string | null>[], model: ModelKind, vcov: string): ModelResults {
  return fit(formula, rows, { model, vcov });
}
