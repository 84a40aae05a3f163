import type { ModelResults } from "../../src/stats/results.js";

/** Two-sided normal p-value, for hand-made results. */
function pNorm(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989423 * Math.exp((-z * z) / 2);
  const q = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return 2 * q;
}

/** A hand-made ModelResults with the given coefficients and standard errors (diagonal vcov). */
export function fakeResults(terms: Record<string, [number, number]>, model: ModelResults["model"] = "logit"): ModelResults {
  const names = Object.keys(terms);
  const coef = names.map((n) => terms[n][0]);
  const se = names.map((n) => terms[n][1]);
  return {
    model,
    formula: `y ~ ${names.filter((n) => n !== "(Intercept)").join(" + ")}`,
    response: "y",
    terms: names,
    coef,
    vcov: names.map((_, i) => names.map((__, j) => (i === j ? se[i] ** 2 : 0))),
    vcov_type: "cluster:ccode",
    vcov_description: "Standard errors clustered by ccode",
    statistic_name: "z",
    df_residual: null,
    tidy: names.map((term, i) => {
      const z = coef[i] / se[i];
      return { term, estimate: coef[i], std_error: se[i], statistic: z, p_value: pNorm(z), conf_low: coef[i] - 1.96 * se[i], conf_high: coef[i] + 1.96 * se[i] };
    }),
    glance: { nobs: 100, n_clusters: 20, loglik: -60, loglik_penalized: null, aic: 124, bic: 130, r2: 0.1, converged: true, iterations: 5, n_dropped_missing: 0 , n_dropped_nan: 0},
    warnings: [],
  };
}
