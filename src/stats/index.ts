/**
 * The estimation engine's public API. Pure TypeScript, no node: imports
 * (also runs in a browser Web Worker).
 *
 * - fit, fitDetailed, FitOptions: fit a model and get frozen ModelResults
 * - predict, designMatrix: linear predictor / probabilities for new data
 * - waldTest, lrTest: joint tests
 * - parseFormula, modelFrame: formulas and design matrices
 * - registerKernel / getKernel, registerVcov / getVcov: extension points
 * - predictProbabilities, averageMarginalEffects, marginalEffectAcross: margins with delta-method CIs
 * - createRng: the seeded generator every stochastic routine uses
 * - syntheticControl(Placebo), eventStudy: causal designs for the case studies
 */
import "./models/builtin.js";
import "./models/extra.js";

export { fit, fitDetailed, fitVariances, refitDesign, refitOutcome, deepFreeze, type FitOptions, type FitDetail, type RefitDesign } from "./fit.js";
export { predict, designMatrix, designRow, type PredictOptions } from "./predict.js";
export { waldTest, lrTest, type WaldTestResult, type LrTestResult } from "./inference/tests.js";
export { parseFormula } from "./formula/parse.js";
export { FormulaError } from "./formula/errors.js";
export { modelFrame, type ModelFrame, type FixedEffectIndex } from "./model-frame.js";
export { declareSubset } from "./formula/frame-impl.js";
export { registerKernel, getKernel, kernelNames, type KernelDef, type KernelFit, type KernelInput } from "./kernel.js";
export { registerVcov, getVcov, listVcovs, type VcovDef } from "./vcov/registry.js";
export { resolveVcovSpec, type VcovSpec } from "./vcov/spec.js";
export type { ModelResults, TidyRow, Glance, ModelWarning, ModelKind } from "./results.js";
export {
  predictProbabilities,
  averageMarginalEffects,
  marginalEffectAcross,
  type MarginEstimate,
  type MarginsOptions,
  type PredictionRow,
  type AmeRow,
  type AmeOptions,
  type AcrossOptions,
  type AcrossRow,
} from "./inference/margins.js";
export { createRng, type Rng } from "./random.js";
export { syntheticControl, syntheticControlPlacebo, type SynthInput, type SynthResult, type SynthPlaceboResult } from "./causal/synthetic-control.js";
export { eventStudy, type EventStudyInput, type EventStudyResult, type EventTimeEstimate } from "./causal/event-study.js";
