/** Heteroskedasticity-consistent variances HC0-HC3, as sandwich::vcovHC. */
import { leverages } from "../models/glm.js";
import type { VcovFn, VcovInput } from "./types.js";
import { multiply } from "../linalg/matrix.js";
import { meatFromScores, scaleInPlace } from "./sandwich.js";

/** The HC variants. */
export type HcType = "hc0" | "hc1" | "hc2" | "hc3";

function hatValues(input: VcovInput): Float64Array {
  return input.fit.hat ?? leverages(input.X, input.fit.workingWeights, input.fit.bread);
}

/** HC variance of the given type: bread * sum_i omega_i s_i s_i' * bread. */
export function vcovHc(type: HcType): VcovFn {
  return (input) => {
    const { fit } = input;
    // k counts absorbed fixed effects too (n - dfResidual), as sandwich sees the dummy-variable model.
    const n = fit.nEffective ?? fit.scores.rows;
    const k = n - fit.dfResidual;
    let weights: Float64Array | undefined;
    if (type === "hc2" || type === "hc3") {
      const h = hatValues(input);
      weights = new Float64Array(n);
      for (let i = 0; i < n; i++) weights[i] = type === "hc2" ? 1 / (1 - h[i]) : 1 / ((1 - h[i]) * (1 - h[i]));
    }
    // Sum (B s_i)(B s_i)' rather than form B (S'S) B: the meat of an ill-conditioned design spans
    // many orders of magnitude and B S'S B loses digits that the per-row products keep.
    const u = multiply(fit.scores, fit.bread);
    const v = meatFromScores(u, weights);
    if (type === "hc1") scaleInPlace(v, n / (n - k));
    return { vcov: v, nClusters: null, description: HC_DESCRIPTIONS[type] };
  };
}

/** One line per HC type. */
export const HC_DESCRIPTIONS: Readonly<Record<HcType, string>> = {
  hc0: "Heteroskedasticity-robust standard errors (HC0, White)",
  hc1: "Heteroskedasticity-robust standard errors (HC1, small-sample factor n/(n-k))",
  hc2: "Heteroskedasticity-robust standard errors (HC2, leverage-adjusted)",
  hc3: "Heteroskedasticity-robust standard errors (HC3, jackknife-like)",
};
