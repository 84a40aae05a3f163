/**
 * Turn a formula and rows of data into a response vector and design matrix:
 * evaluate terms, dummy-code factors, drop rows with missing or non-finite
 * values (listwise), and index fixed-effect groups.
 */
import type { ModelWarning } from "./results.js";
import type { Matrix } from "./linalg/matrix.js";
import type { ParsedFormula } from "./formula/types.js";
import { buildFrame } from "./formula/frame-impl.js";

/** A fixed-effect grouping: `ids[i]` in 0..levels.length-1 for each kept row. */
export interface FixedEffectIndex {
  readonly name: string;
  readonly ids: Int32Array;
  readonly levels: readonly string[];
}

/** A model frame: the numbers every estimator kernel works on. */
export interface ModelFrame {
  readonly y: Float64Array;
  /** Design matrix (n x p), intercept first when present. Collinear columns are NOT removed here. */
  readonly X: Matrix;
  /** Column names of X, R style (`(Intercept)`, `x1:x3`, `factor(region)b`). */
  readonly terms: readonly string[];
  /** Which input data rows were kept (0-based), in order. */
  readonly rowIndex: Int32Array;
  /** Rows dropped for missing or non-finite values in any variable the model uses. */
  readonly nDropped: number;
  /** Rows dropped because a transform gave NaN (log or sqrt of a negative) while its inputs were present. */
  readonly nDroppedNaN: number;
  /** Warnings raised while building the frame (values outside a function's domain). */
  readonly warnings: readonly ModelWarning[];
  readonly fe: readonly FixedEffectIndex[];
  /** Level indexes of the `alsoRequire` columns (e.g. cluster variables), in the order asked. */
  readonly also?: readonly FixedEffectIndex[];
  /** Response label. */
  readonly response: string;
  /** The parsed formula. */
  readonly formula: ParsedFormula;
}

/** Options for {@link modelFrame}. */
export interface ModelFrameOptions {
  /** Extra columns that must also be non-missing (e.g. cluster variables), so rows match. */
  readonly alsoRequire?: readonly string[];
}

/**
 * Build the model frame. Throws FormulaError for syntax errors and unknown columns
 * (naming close matches). With fixed effects the intercept is omitted (as fixest does).
 */
export function modelFrame(
  formula: ParsedFormula | string,
  data: readonly Record<string, unknown>[],
  opts: ModelFrameOptions = {},
): ModelFrame {
  return buildFrame(formula, data, opts);
}
