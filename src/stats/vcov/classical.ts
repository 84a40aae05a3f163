import { clone } from "../linalg/matrix.js";
import type { VcovFn } from "./types.js";
import { scaleInPlace } from "./sandwich.js";

/** Classical (model-based) variance: scale * (X'WX)^{-1}; scale is sigma^2 for OLS, 1 for ML models. */
export const vcovClassical: VcovFn = ({ fit }) => ({
  vcov: scaleInPlace(clone(fit.bread), fit.scale),
  nClusters: null,
  description: fit.scale === 1 ? "Classical standard errors (inverse information matrix)" : "Classical standard errors (sigma^2 (X'X)^-1)",
});
