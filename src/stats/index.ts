/**
 * The estimation engine's public API. Pure TypeScript, no node: imports
 * (also runs in a browser Web Worker).
 *
 * - fit, fitDetailed, FitOptions: fit a model and get frozen ModelResults
 * - predict, designMatrix: linear predictor / probabilities for new data
 * - waldTest, lrTest: joint tests
 * - parseFormula, modelFrame: formulas and design matrices
 * - registerKernel / getKernel, registerVcov / getVcov: extension points
 */
import "./models/builtin.js";
import "./models/extra.js";

export { fit, fitDetailed, deepFreeze, type FitOptions, type FitDetail } from "./fit.js";
export { predict, designMatrix, type PredictOptions } from "./predict.js";
export { waldTest, lrTest, type WaldTestResult, type LrTestResult } from "./inference/tests.js";
export { parseFormula } from "./formula/parse.js";
export { FormulaError } from "./formula/errors.js";
export { modelFrame, type ModelFrame, type FixedEffectIndex } from "./model-frame.js";
export { registerKernel, getKernel, kernelNames, type KernelDef, type KernelFit, type KernelInput } from "./kernel.js";
export { registerVcov, getVcov, listVcovs, type VcovDef } from "./vcov/registry.js";
export { resolveVcovSpec, type VcovSpec } from "./vcov/spec.js";
export type { ModelResults, TidyRow, Glance, ModelWarning, ModelKind } from "./results.js";
