/**
 * The result of fitting a model: plain, frozen, JSON-serializable data. Printing
 * (console, Markdown, LaTeX, HTML) lives in src/report, never here.
 */

/** Estimators the engine provides. */
export type ModelKind = "logit" | "probit" | "ols" | "firth" | "relogit" | "clogit" | "feols";

/** A typed diagnostic kept on the result. */
export interface ModelWarning {
  readonly type: "separation" | "collinearity" | "nonconvergence" | "dropped-groups" | "few-clusters" | "domain" | "other";
  readonly message: string;
  /** Terms concerned (dropped columns, separated terms). */
  readonly terms?: readonly string[];
}

/** One row of the coefficient table (broom's `tidy` names). */
export interface TidyRow {
  readonly term: string;
  readonly estimate: number;
  readonly std_error: number;
  readonly statistic: number;
  readonly p_value: number;
  readonly conf_low: number;
  readonly conf_high: number;
  /**
   * Set on the row of a term R would report as NA (aliased: a linear combination of earlier
   * columns at R's tolerance); its numbers are NaN (null in JSON). Such terms are not in
   * `terms`, `coef` or `vcov`.
   */
  readonly aliased?: true;
}

/** Model-level statistics (broom's `glance` names). */
export interface Glance {
  readonly nobs: number;
  /** Number of clusters when the variance is clustered (smallest dimension for two-way), else null. */
  readonly n_clusters: number | null;
  /** The ordinary log-likelihood at the estimate (for Firth too, as brglm2's logLik); AIC and BIC use it. */
  readonly loglik: number | null;
  /** Firth: the penalized log-likelihood l(b) + log det I(b) / 2 (logistf's); null for other models. */
  readonly loglik_penalized: number | null;
  readonly aic: number | null;
  readonly bic: number | null;
  /** McFadden's pseudo-R2 for binary models; R2 for OLS. */
  readonly r2: number | null;
  readonly converged: boolean;
  readonly iterations: number;
  /** Rows dropped by listwise deletion of missing values. */
  readonly n_dropped_missing: number;
  /** Rows dropped because a transform gave NaN (log or sqrt of a negative number), as R's na.omit after "NaNs produced". */
  readonly n_dropped_nan: number;
}

/** Everything about a fit. */
export interface ModelResults {
  readonly model: ModelKind;
  readonly formula: string;
  /** Response variable name. */
  readonly response: string;
  /** Coefficient names in order (aliased columns are excluded here; `tidy` has a flagged row for each). */
  readonly terms: readonly string[];
  readonly coef: readonly number[];
  /** Variance-covariance matrix, row-major, terms x terms. */
  readonly vcov: readonly (readonly number[])[];
  /** Short code, e.g. `cluster:ccode`, `hc1`, `classical`, `bootstrap:ccode:999`. */
  readonly vcov_type: string;
  /** One line in words, e.g. "Standard errors clustered by ccode (CR1, Stata small-sample factor)". */
  readonly vcov_description: string;
  /** z for likelihood models, t for OLS. */
  readonly statistic_name: "z" | "t";
  /** Residual degrees of freedom used for t-based inference (null for z). */
  readonly df_residual: number | null;
  readonly tidy: readonly TidyRow[];
  readonly glance: Glance;
  readonly warnings: readonly ModelWarning[];
}
