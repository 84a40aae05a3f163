import { SIGNIFICANCE_RANGE } from "../core/palette.js";
import type { VegaLiteSpec } from "../report/figures/specs.js";
import { CLAIMS, FORKS, NOT_APPLICABLE, type ClaimId } from "./forks.js";
import type { SpecResult } from "./run.js";
import { ALPHA } from "./summary.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const CONFIG = {
  font: "DejaVu Sans",
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 12, grid: true, gridColor: "#e6e6e6", domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start", subtitleFontSize: 11, subtitleColor: "#555" },
};

/** Estimators whose coefficients are on the log-odds scale, so one axis can hold them. */
export const LOG_ODDS_KINDS: readonly string[] = ["logit", "firth", "relogit", "clogit"];

/** Most points the curve draws; beyond it every k-th ranked specification is drawn (the subtitle says so). */
export const MAX_POINTS = 400;

/**
 * The specification curve of one claim (Simonsohn, Simmons & Nelson 2020): the log-odds
 * estimates ranked, with 95% intervals, coloured by significance in the claimed direction;
 * below, the choice matrix (which option each ranked specification took in each fork).
 */
export function specCurveSpec(results: readonly SpecResult[], claim: ClaimId): VegaLiteSpec {
  const c = CLAIMS.find((x) => x.id === claim)!;
  const all = results
    .filter((r) => r.claim === claim && r.error === null && r.estimate !== null && LOG_ODDS_KINDS.includes(r.kind))
    .sort((a, b) => a.estimate! - b.estimate! || a.index - b.index);
  const step = Math.max(1, Math.ceil(all.length / MAX_POINTS));
  const shown = all.filter((_, i) => i % step === 0);
  const status = (r: SpecResult): string =>
    r.p_value! < ALPHA ? (r.estimate! > 0 ? "positive, p < 0.05" : "negative, p < 0.05") : "p >= 0.05";
  const points = shown.map((r, i) => ({ rank: i + 1, estimate: r.estimate, low: r.conf_low, high: r.conf_high, status: status(r), index: r.index }));
  const forks = FORKS.filter((f) => new Set(shown.map((r) => r.choices[f.id]).filter((o) => o !== NOT_APPLICABLE)).size > 1);
  const matrix = shown.flatMap((r, i) => forks.filter((f) => r.choices[f.id] !== NOT_APPLICABLE).map((f) => ({ rank: i + 1, choice: `${f.label}: ${r.choices[f.id]}`, fork: f.label })));
  const order = forks.flatMap((f) => f.options.map((o) => `${f.label}: ${o.id}`));
  const sig = all.filter((r) => r.p_value! < ALPHA && r.estimate! > 0).length;
  const subtitle = [
    `${all.length.toLocaleString("en-US")} log-odds specifications (logit, Firth, rare-events, conditional logit); ${sig.toLocaleString("en-US")} positive with p < 0.05.`,
    step > 1 ? `Every ${step}th ranked specification drawn.` : "Every specification drawn.",
  ];
  const x = { field: "rank", type: "quantitative", title: null, axis: null, scale: { domain: [0, shown.length + 1], nice: false } };
  return {
    $schema: SCHEMA,
    title: { text: `Specification curve: ${c.title}`, subtitle },
    vconcat: [
      {
        width: 640,
        height: 220,
        data: { values: points },
        encoding: { x },
        layer: [
          { mark: { type: "rule", strokeWidth: 1, opacity: 0.35 }, encoding: { y: { field: "low", type: "quantitative", title: "Estimate (log-odds), 95% CI" }, y2: { field: "high" }, color: { field: "status", type: "nominal", legend: null, scale: { domain: ["positive, p < 0.05", "p >= 0.05", "negative, p < 0.05"], range: [...SIGNIFICANCE_RANGE] } } } },
          { mark: { type: "point", filled: true, size: 12 }, encoding: { y: { field: "estimate", type: "quantitative" }, color: { field: "status", type: "nominal", title: "Estimate", scale: { domain: ["positive, p < 0.05", "p >= 0.05", "negative, p < 0.05"], range: [...SIGNIFICANCE_RANGE] } } } },
          { data: { values: [{ y: 0 }] }, mark: { type: "rule", color: "#333", strokeDash: [4, 3] }, encoding: { y: { field: "y", type: "quantitative" } } },
        ],
      },
      {
        width: 640,
        height: Math.max(120, order.filter((o) => matrix.some((m) => m.choice === o)).length * 11),
        data: { values: matrix },
        mark: { type: "tick", orient: "vertical", thickness: 1, color: "#444" },
        encoding: {
          x: { ...x, axis: { title: "Specifications ranked by estimate", labels: false, ticks: false, grid: false } },
          y: { field: "choice", type: "nominal", title: null, sort: order, axis: { grid: false, labelFontSize: 9, labelLimit: 260 } },
        },
      },
    ],
    config: CONFIG,
  };
}
