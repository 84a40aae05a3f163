/** Coefficient tables: statistics, p-values and confidence intervals from coef and vcov. */
import { pnorm, pt, qnorm, qt } from "../distributions.js";
import type { Matrix } from "../linalg/matrix.js";
import type { TidyRow } from "../results.js";

/** Two-sided p-value of a z or t statistic. */
export function pValue(stat: number, df: number | null): number {
  const a = -Math.abs(stat);
  return 2 * (df === null ? pnorm(a) : pt(a, df));
}

/** Critical value for a two-sided interval at `level` (0.95 -> 1.96 for z). */
export function criticalValue(level: number, df: number | null): number {
  const q = 1 - (1 - level) / 2;
  return df === null ? qnorm(q) : qt(q, df);
}

/** Build broom-style tidy rows; `df` null means z statistics. */
export function buildTidy(terms: readonly string[], coef: ArrayLike<number>, vcov: Matrix, df: number | null, level: number): TidyRow[] {
  const crit = criticalValue(level, df);
  return terms.map((term, j) => {
    const estimate = coef[j];
    const std_error = Math.sqrt(vcov.data[j * vcov.cols + j]);
    const statistic = estimate / std_error;
    return {
      term,
      estimate,
      std_error,
      statistic,
      p_value: pValue(statistic, df),
      conf_low: estimate - crit * std_error,
      conf_high: estimate + crit * std_error,
    };
  });
}
