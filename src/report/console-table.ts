/** A plain-text regression table for the terminal, from ModelResults alone. */
import type { ModelResults } from "../stats/results.js";

function fmt(v: number | null, digits = 4): string {
  if (v === null) return "";
  if (Number.isNaN(v)) return "NA";
  if (v !== 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6)) return v.toExponential(2);
  return v.toFixed(digits);
}

function fmtP(p: number): string {
  return Number.isNaN(p) ? "NA" : p < 1e-4 ? "<0.0001" : p.toFixed(4);
}

function stars(p: number): string {
  return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
}

/** Format a fit as an aligned table with model statistics and warnings below. */
export function formatRegressionTable(r: ModelResults): string {
  const stat = r.statistic_name;
  const header = ["term", "estimate", "std.error", `${stat} value`, `Pr(>|${stat}|)`, "", "conf.low", "conf.high"];
  const rows = r.tidy.map((t) => [t.term, fmt(t.estimate), fmt(t.std_error), fmt(t.statistic, 3), fmtP(t.p_value), stars(t.p_value), fmt(t.conf_low), fmt(t.conf_high)]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 || j === 5 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ").trimEnd();
  const g = r.glance;
  const out: string[] = [
    `${r.model}: ${r.formula}`,
    `vcov: ${r.vcov_description}`,
    "",
    line(header),
    ...rows.map(line),
    "---",
    "Signif. codes: *** 0.001  ** 0.01  * 0.05  . 0.1",
    `n = ${g.nobs}${g.n_dropped_missing > 0 ? ` (${g.n_dropped_missing} rows dropped for missing values)` : ""}${g.n_clusters !== null ? `, clusters = ${g.n_clusters}` : ""}`,
    `log-likelihood = ${fmt(g.loglik, 3)}, AIC = ${fmt(g.aic, 2)}, BIC = ${fmt(g.bic, 2)}, ${r.model === "ols" || r.model === "feols" ? "R2" : "pseudo-R2 (McFadden)"} = ${fmt(g.r2, 4)}`,
    `converged: ${g.converged ? "yes" : "NO"} after ${g.iterations} iteration${g.iterations === 1 ? "" : "s"}${r.df_residual !== null ? `, residual df = ${r.df_residual}` : ""}`,
  ];
  for (const w of r.warnings) out.push(`warning (${w.type}): ${w.message}`);
  return out.join("\n");
}
