import type { ModelResults } from "../../stats/results.js";
import { int, num, stars, STARS_NOTE, type TableModel, type TableRow } from "./model.js";

/** One column of a regression table. */
export interface TableColumn {
  readonly id: string;
  readonly title: string;
  readonly results: ModelResults;
}

const ESTIMATOR_NAMES: Record<ModelResults["model"], string> = {
  logit: "Logit",
  probit: "Probit",
  ols: "OLS",
  firth: "Firth logit",
  relogit: "Rare-events logit",
  clogit: "Conditional logit",
  feols: "FE OLS",
};

/** Human name of an estimator. */
export function estimatorName(kind: ModelResults["model"]): string {
  return ESTIMATOR_NAMES[kind];
}

/**
 * Build a regression table: one column per model, a coefficient row (with stars) and
 * a standard-error row (in parentheses) per term, in first-appearance order with the
 * intercept last; then N, clusters, log-likelihood and AIC.
 * `labels` maps coefficient names to words; unknown terms keep their names.
 */
export function regressionTable(
  id: string,
  title: string,
  columns: readonly TableColumn[],
  labels: ReadonlyMap<string, string> = new Map(),
  digits = 3,
): TableModel {
  const order: string[] = [];
  for (const c of columns) for (const t of c.results.terms) if (!order.includes(t)) order.push(t);
  const terms = [...order.filter((t) => t !== "(Intercept)"), ...order.filter((t) => t === "(Intercept)")];
  const rows: TableRow[] = [];
  for (const term of terms) {
    const coef: string[] = [];
    const se: string[] = [];
    for (const c of columns) {
      const row = c.results.tidy.find((t) => t.term === term && t.aliased !== true);
      coef.push(row ? `${num(row.estimate, digits)}${stars(row.p_value)}` : "");
      se.push(row ? `(${num(row.std_error, digits)})` : "");
    }
    rows.push({ kind: "coef", label: labels.get(term) ?? (term === "(Intercept)" ? "Constant" : term), cells: coef });
    rows.push({ kind: "se", label: "", cells: se });
  }
  const g = columns.map((c) => c.results.glance);
  rows.push({ kind: "stat", label: "N", cells: g.map((x) => int(x.nobs)) });
  rows.push({ kind: "stat", label: "Clusters", cells: g.map((x) => int(x.n_clusters)) });
  rows.push({ kind: "stat", label: "Log-likelihood", cells: g.map((x) => num(x.loglik, 2)) });
  rows.push({ kind: "stat", label: "AIC", cells: g.map((x) => num(x.aic, 2)) });
  const vcovs = [...new Set(columns.map((c) => c.results.vcov_description))];
  return {
    id,
    title,
    header: columns.map((c) => c.title),
    subheader: columns.map((c) => estimatorName(c.results.model)),
    rows,
    notes: [`Standard errors in parentheses. ${vcovs.join("; ")}.`.replace(/\.\.$/, "."), STARS_NOTE],
  };
}
