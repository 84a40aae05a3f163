/** Joint hypothesis tests on fitted models: Wald (linear restrictions) and likelihood ratio (nested fits). */
import { OptionError } from "../../core/errors.js";
import { pchisqUpper, pfUpper } from "../distributions.js";
import { fromRows, multiply, solve, transpose } from "../linalg/matrix.js";
import type { ModelResults } from "../results.js";

/** Result of a Wald test of R b = r. */
export interface WaldTestResult {
  /** Chi-squared statistic (b'R'(R V R')^{-1} R b form). */
  readonly chi2: number;
  readonly df: number;
  readonly p_value: number;
  /** F = chi2 / df with (df, df_residual) for t-based models; null for z-based. */
  readonly f: number | null;
  readonly f_p_value: number | null;
}

/**
 * Wald test. Either `terms` (all listed coefficients are zero, jointly) or a
 * restriction matrix `R` (rows over the fitted terms) with right-hand side `r` (default 0).
 */
export function waldTest(
  results: ModelResults,
  restriction: { readonly terms: readonly string[] } | { readonly R: readonly (readonly number[])[]; readonly r?: readonly number[] },
): WaldTestResult {
  const p = results.terms.length;
  let Rrows: number[][];
  if ("terms" in restriction) {
    Rrows = restriction.terms.map((t) => {
      const j = results.terms.indexOf(t);
      if (j < 0) throw new OptionError(`waldTest: term ${JSON.stringify(t)} is not among ${results.terms.join(", ")}`);
      const row = new Array<number>(p).fill(0);
      row[j] = 1;
      return row;
    });
  } else {
    Rrows = restriction.R.map((row) => {
      if (row.length !== p) throw new OptionError(`waldTest: each restriction row needs ${p} values (one per term), got ${row.length}`);
      return [...row];
    });
  }
  const q = Rrows.length;
  if (q === 0) throw new OptionError("waldTest: no restrictions given");
  const rhs = "R" in restriction && restriction.r !== undefined ? restriction.r : new Array<number>(q).fill(0);
  const R = fromRows(Rrows);
  const V = fromRows(results.vcov);
  const RVR = multiply(multiply(R, V), transpose(R));
  const d = Rrows.map((row, i) => row.reduce((s, v, j) => s + v * results.coef[j], 0) - rhs[i]);
  const x = solve(RVR, d);
  if (x === null) throw new OptionError("waldTest: the restrictions are linearly dependent (R V R' is singular)");
  const chi2 = d.reduce((s, v, i) => s + v * x[i], 0);
  const tBased = results.statistic_name === "t" && results.df_residual !== null;
  const f = tBased ? chi2 / q : null;
  return {
    chi2,
    df: q,
    p_value: pchisqUpper(chi2, q),
    f,
    f_p_value: f === null ? null : pfUpper(f, q, results.df_residual as number),
  };
}

/** Result of a likelihood-ratio test. */
export interface LrTestResult {
  readonly statistic: number;
  readonly df: number;
  readonly p_value: number;
}

/** Likelihood-ratio test of a restricted fit against a fuller fit on the same observations. */
export function lrTest(restricted: ModelResults, full: ModelResults): LrTestResult {
  // Firth models are compared on the penalized log-likelihood (logistf's penalized LR test).
  const l0 = restricted.glance.loglik_penalized ?? restricted.glance.loglik, l1 = full.glance.loglik_penalized ?? full.glance.loglik;
  if (l0 === null || l1 === null) throw new OptionError("lrTest: both models need a log-likelihood");
  if (restricted.glance.nobs !== full.glance.nobs) {
    throw new OptionError(`lrTest: models use different observations (${restricted.glance.nobs} vs ${full.glance.nobs}); refit on the same rows`);
  }
  const df = full.terms.length - restricted.terms.length;
  if (df <= 0) throw new OptionError(`lrTest: the full model must have more terms than the restricted one (${full.terms.length} vs ${restricted.terms.length})`);
  const statistic = Math.max(0, 2 * (l1 - l0));
  return { statistic, df, p_value: pchisqUpper(statistic, df) };
}
