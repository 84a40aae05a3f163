/** The Multiverse view's specification curve as a Vega-Lite spec (Simonsohn, Simmons & Nelson 2020). */
import type { TopLevelSpec } from "vega-lite";
import { PALETTE, SIGNIFICANCE_RANGE } from "../../../src/core/palette.js";
import { STATUS, statusOf, type Curve, type PresentFork } from "../model/multiverse.js";

/** Most specifications drawn; beyond it every k-th ranked one is (the caption says so; the list has them all). */
export const MAX_DRAWN = 400;

/** Colours of the status classes: the claimed direction in the UN blue, the opposite in vermillion, the rest grey. */
const STATUS_RANGE = [...SIGNIFICANCE_RANGE];

/** What the chart needs besides the curve. */
export interface CurveChartOptions {
  /** Plot width in px (the page's width less the matrix labels). */
  readonly width: number;
  /** Longest matrix label in px. */
  readonly labelLimit: number;
  /** A narrow page: the legend stacks. */
  readonly narrow: boolean;
  /** The selected specification's index (ringed), if any. */
  readonly selected: number | null;
}

/** Every k-th specification of the ranked curve, so at most MAX_DRAWN are drawn. */
export function thinned(curve: Curve): { step: number; drawn: Curve["ranked"] } {
  const step = Math.max(1, Math.ceil(curve.ranked.length / MAX_DRAWN));
  return { step, drawn: curve.ranked.filter((_, i) => i % step === 0) };
}

/**
 * The ranked estimates with 95% intervals above, coloured by sign and significance, and the
 * choice matrix below: a tick where the ranked specification took a fork's option, for the
 * forks that vary among the visible specifications.
 */
export function curveSpec(curve: Curve, forks: readonly PresentFork[], o: CurveChartOptions): TopLevelSpec {
  const { drawn } = thinned(curve);
  const rankOf = new Map(curve.ranked.map((r, i) => [r.index, i + 1]));
  const points = drawn.map((r) => ({
    rank: rankOf.get(r.index)!, index: r.index, estimate: r.estimate, low: r.conf_low, high: r.conf_high, p: r.p_value, status: statusOf(r),
  }));
  const matrix = drawn.flatMap((r) => forks.filter((f) => f.options.includes(r.choices[f.id])).map((f) => ({ rank: rankOf.get(r.index)!, index: r.index, choice: `${f.label}: ${r.choices[f.id]}` })));
  const order = forks.flatMap((f) => f.options.map((opt) => `${f.label}: ${opt}`));
  const n = curve.ranked.length;
  const x = { field: "rank", type: "quantitative", title: null, axis: null, scale: { domain: [0, n + 1], nice: false } };
  const color = { field: "status", type: "nominal", scale: { domain: [...STATUS], range: STATUS_RANGE } };
  const yTitle = curve.scale === "log-odds" ? "Estimate (log-odds), 95% CI" : curve.scale === "probit" ? "Estimate (probit), 95% CI" : "Estimate (probability), 95% CI";
  const tooltip = [
    { field: "index", title: "specification" },
    { field: "estimate", format: ".3f" },
    { field: "p", title: "p", format: ".3f" },
  ];
  const legend = { orient: "top", direction: o.narrow ? "vertical" : "horizontal", symbolOpacity: 1 };
  const selected = o.selected === null ? [] : points.filter((p) => p.index === o.selected);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    spacing: 6,
    vconcat: [
      {
        width: o.width,
        height: 220,
        data: { values: points },
        encoding: { x },
        layer: [
          { mark: { type: "rule", strokeWidth: 1, opacity: 0.4 }, encoding: { y: { field: "low", type: "quantitative", title: yTitle }, y2: { field: "high" }, color: { ...color, title: null, legend } } },
          {
            mark: { type: "point", filled: true, size: n > 150 ? 18 : 36, cursor: "pointer" },
            encoding: { y: { field: "estimate", type: "quantitative" }, color: { ...color, title: null, legend }, tooltip },
          },
          ...(selected.length > 0
            ? [{ data: { values: selected }, mark: { type: "point", size: 160, strokeWidth: 2, color: PALETTE.us, filled: false }, encoding: { y: { field: "estimate", type: "quantitative" } } }]
            : []),
          { data: { values: [{ y: 0 }] }, mark: { type: "rule", color: PALETTE.rule, strokeDash: [4, 3] }, encoding: { y: { field: "y", type: "quantitative" } } },
        ],
      },
      {
        width: o.width,
        height: Math.max(60, order.filter((c) => matrix.some((m) => m.choice === c)).length * 14),
        data: { values: matrix },
        mark: { type: "tick", orient: "vertical", thickness: 1.5, color: PALETTE.neutral, cursor: "pointer" },
        encoding: {
          x: { ...x, axis: { title: "Specifications ranked by estimate", labels: false, ticks: false, grid: false, domain: false } },
          y: { field: "choice", type: "nominal", title: null, sort: order, axis: { grid: true, gridColor: "#eeeeee", labelLimit: o.labelLimit } },
          tooltip: [{ field: "index", title: "specification" }, { field: "choice" }],
        },
      },
    ],
  } as TopLevelSpec;
}
