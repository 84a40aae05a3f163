import { PALETTE } from "../core/palette.js";
import type { VegaLiteSpec } from "../doc/render.js";
import { DESIGN_OUTCOMES, type EventStudyCase, type SynthCase } from "./designs.js";
import { CASE_FIGURE_CONFIG } from "./figures.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

function r3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function outcomeLabel(col: string): string {
  return DESIGN_OUTCOMES.find((d) => d.col === col)?.label ?? col;
}

/**
 * Synthetic controls of one outcome, one small plot per treated country: the country's
 * outcome and its synthetic control by year, the onset as a dashed rule.
 */
export function synthSpec(cases: readonly SynthCase[], outcome: string): VegaLiteSpec | null {
  const done = cases.filter((c) => c.outcome === outcome && c.estimate !== null);
  if (done.length === 0) return null;
  const plots = done.map((c) => {
    const e = c.estimate!;
    const values = e.years.flatMap((y, i) => [
      { year: y, series: c.country, value: r3(e.actual[i]) },
      { year: y, series: "synthetic control", value: r3(e.synthetic[i]) },
    ]);
    const reverse = outcome === "tip_tier";
    return {
      width: 250,
      height: 150,
      title: { text: `${c.country} (UN onset ${c.onset})`, subtitle: `effect ${e.att.toFixed(2)}, placebo p = ${e.pValue.toFixed(2)}`, fontSize: 12, subtitleFontSize: 11 },
      layer: [
        {
          data: { values },
          mark: { type: "line", point: { size: 16 } },
          encoding: {
            x: { field: "year", type: "quantitative", title: null, axis: { format: "d", tickMinStep: 2 }, scale: { zero: false, nice: false } },
            y: { field: "value", type: "quantitative", title: outcomeLabel(outcome), scale: reverse ? { domain: [1, 3], reverse, nice: false } : { zero: false } },
            color: { field: "series", type: "nominal", title: null, scale: { domain: [c.country, "synthetic control"], range: [PALETTE.destination, PALETTE.neutral] }, legend: { orient: "bottom" } },
            strokeDash: { field: "series", type: "nominal", title: null, scale: { domain: [c.country, "synthetic control"], range: [[1, 0], [5, 3]] }, legend: { orient: "bottom" } },
          },
        },
        { data: { values: [{ x: (c.onset ?? 0) - 0.5 }] }, mark: { type: "rule", color: "#555", strokeDash: [3, 3] }, encoding: { x: { field: "x", type: "quantitative" } } },
      ],
      resolve: { scale: { color: "independent", strokeDash: "independent" } },
    };
  });
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < plots.length; i += 3) rows.push({ hconcat: plots.slice(i, i + 3) });
  return {
    $schema: SCHEMA,
    title: { text: `Synthetic control: ${outcomeLabel(outcome)} around UN deployment onset`, subtitle: "Solid: the host; dashed: weighted never-host donors matched on the pre-onset years; dashed rule: onset" },
    vconcat: rows,
    resolve: { scale: { color: "independent" } },
    config: CASE_FIGURE_CONFIG,
  };
}

/** Event-study estimates for every outcome: ATT by years since UN onset with 95% bootstrap intervals. */
export function eventStudySpec(studies: readonly EventStudyCase[]): VegaLiteSpec | null {
  const plots = studies.filter((s) => s.result !== null).map((s) => {
    const es = s.result!.estimates.map((e) => e.e);
    const win: [number, number] = [Math.min(...es), Math.max(...es)];
    const values = s.result!.estimates.map((e) => ({ e: e.e, att: r3(e.att), low: e.conf_low === null ? null : r3(e.conf_low), high: e.conf_high === null ? null : r3(e.conf_high), units: e.units }));
    return {
      width: 250,
      height: 170,
      title: { text: outcomeLabel(s.outcome), subtitle: [`${s.treated.length} hosts, ${s.neverTreated} never-hosts`, DESIGN_OUTCOMES.find((d) => d.col === s.outcome)?.direction ?? ""], fontSize: 12, subtitleFontSize: 11 },
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#888", strokeDash: [3, 3] }, encoding: { y: { field: "zero", type: "quantitative" } } },
        { data: { values: [{ x: -0.5 }] }, mark: { type: "rule", color: PALETTE.rule, strokeDash: [4, 3] }, encoding: { x: { field: "x", type: "quantitative" } } },
        {
          data: { values: values.filter((v) => v.low !== null) },
          mark: { type: "rule", color: PALETTE.neutral, strokeWidth: 1.5 },
          encoding: { x: { field: "e", type: "quantitative", scale: { domain: [win[0] - 0.5, win[1] + 0.5], nice: false } }, y: { field: "low", type: "quantitative" }, y2: { field: "high" } },
        },
        {
          data: { values },
          mark: { type: "point", filled: true, color: PALETTE.neutral, size: 40 },
          encoding: {
            x: { field: "e", type: "quantitative", title: "Years since UN onset", axis: { tickMinStep: 1, format: "d" }, scale: { domain: [win[0] - 0.5, win[1] + 0.5], nice: false } },
            y: { field: "att", type: "quantitative", title: "ATT vs never-hosts" },
          },
        },
      ],
    };
  });
  if (plots.length === 0) return null;
  return {
    $schema: SCHEMA,
    title: { text: "Event study: trafficking indicators around UN deployment onset", subtitle: ["Callaway-Sant'Anna group-time effects vs never-hosts, base year = year before onset", "bars: 95% unit-bootstrap intervals"] },
    hconcat: plots,
    config: CASE_FIGURE_CONFIG,
  };
}
