import type { ModelFrame, ModelFrameOptions } from "../model-frame.js";
import type { ParsedFormula } from "./types.js";

/** Implementation of modelFrame (in progress). */
export function buildFrame(
  _formula: ParsedFormula | string,
  _data: readonly Record<string, unknown>[],
  _opts: ModelFrameOptions,
): ModelFrame {
  throw new Error("modelFrame: not implemented yet");
}
