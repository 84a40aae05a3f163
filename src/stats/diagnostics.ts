/** Checks run before and after fitting that become errors or typed warnings on the result. */
import { PktError } from "../core/errors.js";
import type { Matrix } from "./linalg/matrix.js";
import type { ModelWarning } from "./results.js";

/** A binary outcome must be 0/1 and must vary; anything else is an error naming the problem. */
export function checkBinaryOutcome(y: Float64Array, response: string): void {
  let ones = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) {
      throw new PktError(`outcome ${response} must be 0 or 1 for a binary model, found ${v} (row ${i + 1} of the estimation sample); use model "ols" for a continuous outcome`);
    }
    ones += v;
  }
  if (ones === 0 || ones === y.length) {
    throw new PktError(
      `outcome ${response} is ${ones === 0 ? 0 : 1} in all ${y.length} rows of the estimation sample: a binary model cannot be estimated when the outcome never varies`,
    );
  }
}

/** A continuous outcome must vary for R2 and t statistics to mean anything. */
export function checkVaryingOutcome(y: Float64Array, response: string): void {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return;
  throw new PktError(`outcome ${response} takes the single value ${y[0]} in all ${y.length} rows: nothing to explain`);
}

/** Indices of non-intercept columns that take one value in every row. */
export function constantColumns(X: Matrix, terms: readonly string[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < X.cols; j++) {
    if (terms[j] === "(Intercept)") continue;
    const first = X.data[j];
    let constant = true;
    for (let i = 1; i < X.rows && constant; i++) if (X.data[i * X.cols + j] !== first) constant = false;
    if (constant) out.push(j);
  }
  return out;
}

/**
 * Terms that separate a binary outcome: a 0/1 column whose "1" rows (or "0" rows) all
 * have the same outcome. Cheap and specific; complements the fitted-0/1 check in IRLS.
 */
export function separatingDummies(X: Matrix, terms: readonly string[], y: Float64Array): string[] {
  const out: string[] = [];
  for (let j = 0; j < X.cols; j++) {
    if (terms[j] === "(Intercept)") continue;
    let n1 = 0, y1 = 0, n0 = 0, y0 = 0, binary = true;
    for (let i = 0; i < X.rows; i++) {
      const v = X.data[i * X.cols + j];
      if (v === 1) {
        n1++;
        y1 += y[i];
      } else if (v === 0) {
        n0++;
        y0 += y[i];
      } else {
        binary = false;
        break;
      }
    }
    if (!binary || n1 === 0 || n0 === 0) continue;
    if (y1 === 0 || y1 === n1 || y0 === 0 || y0 === n0) out.push(terms[j]);
  }
  return out;
}

/** The warning for separating terms. */
export function separationWarning(terms: readonly string[]): ModelWarning {
  return {
    type: "separation",
    message: `quasi-complete separation: the outcome does not vary within one category of ${terms.join(", ")}; the estimate diverges and its standard error is meaningless. Consider model "firth".`,
    terms,
  };
}
