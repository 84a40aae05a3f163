import type { CurvePoint, MapRow } from "../../study/run.js";
import { PALETTE, STATUS_COLORS } from "../../core/palette.js";
import { withPredecessors } from "./predecessors.js";
import type { WorldFeature } from "./world.js";

import type { VegaLiteSpec } from "../../doc/render.js";

export type { VegaLiteSpec };

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const FONT = "DejaVu Sans";
/** Shared look: one font (embedded in PNGs through resvg), quiet axes, no view border. */
const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#e6e6e6", domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start", subtitleFontSize: 11, subtitleColor: "#555" },
};

const BLUE = PALETTE.un;

/** Tick values for a personnel axis on a symlog scale, up to `max`. */
export function personnelTicks(max: number): number[] {
  return [0, 10, 100, 1000, 10000, 100000].filter((v) => v <= Math.max(max, 10) * 1.0001);
}

/** Predicted probability of the outcome against deployment size, with its 95% band. */
export function predictionSpec(curve: readonly CurvePoint[], o: { xTitle: string; yTitle: string; subtitle: string }): VegaLiteSpec {
  const max = Math.max(0, ...curve.map((p) => p.x));
  const x = { field: "x", type: "quantitative", title: o.xTitle, scale: { type: "symlog", constant: 1, domain: [0, max], nice: false }, axis: { values: personnelTicks(max), format: ",d" } };
  return {
    $schema: SCHEMA,
    title: { text: "Predicted probability of being a destination", subtitle: o.subtitle },
    width: 560,
    height: 320,
    data: { values: curve.map((p) => ({ x: p.x, estimate: p.estimate, low: Math.max(0, p.conf_low), high: Math.min(1, p.conf_high) })) },
    encoding: { x },
    layer: [
      { mark: { type: "area", color: BLUE, opacity: 0.2 }, encoding: { y: { field: "low", type: "quantitative", title: o.yTitle, scale: { domain: [0, 1] } }, y2: { field: "high" } } },
      { mark: { type: "line", color: BLUE, strokeWidth: 2.5 }, encoding: { y: { field: "estimate", type: "quantitative" } } },
    ],
    config: CONFIG,
  };
}

/** Marginal effect of log deployment size (log-odds) across a moderator, with the 95% band and a zero line. */
export function marginalEffectSpec(curve: readonly CurvePoint[], o: { title: string; xTitle: string; subtitle: string }): VegaLiteSpec {
  return {
    $schema: SCHEMA,
    title: { text: o.title, subtitle: o.subtitle },
    width: 560,
    height: 300,
    data: { values: curve.map((p) => ({ x: p.x, estimate: p.estimate, low: p.conf_low, high: p.conf_high })) },
    layer: [
      {
        mark: { type: "area", color: BLUE, opacity: 0.2 },
        encoding: {
          x: { field: "x", type: "quantitative", title: o.xTitle, scale: { nice: false, zero: false } },
          y: { field: "low", type: "quantitative", title: "Effect on the log-odds" },
          y2: { field: "high" },
        },
      },
      { mark: { type: "line", color: BLUE, strokeWidth: 2.5 }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: "estimate", type: "quantitative" } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: PALETTE.rule, strokeDash: [4, 3] }, encoding: { y: { field: "zero", type: "quantitative" } } },
    ],
    config: CONFIG,
  };
}

/** Destination status category shown on the map. */
export function statusOf(outcome: number | null | undefined): string {
  return outcome === 1 ? "Destination" : outcome === 0 ? "Not a destination" : "No data";
}

/**
 * World map for one year: countries filled by destination status, circles at the
 * country centre sized by mean monthly UN personnel (countries with personnel only).
 */
export function mapSpec(features: readonly WorldFeature[], rows: readonly MapRow[], o: { year: number; subtitle: string; outcomeTitle: string }): VegaLiteSpec {
  const { rows: byIso } = withPredecessors(new Map(rows.map((r) => [r.iso3, r])));
  const shapes = features.filter((f) => f.properties.iso3 !== "ATA").map((f) => {
    const r = f.properties.iso3 ? byIso.get(f.properties.iso3) : undefined;
    return { type: "Feature", geometry: f.geometry, properties: { name: f.properties.name, iso3: f.properties.iso3, status: statusOf(r?.outcome) } };
  });
  const seen = new Set<string>();
  const points = features
    .filter((f) => {
      const iso = f.properties.iso3;
      const r = iso ? byIso.get(iso) : undefined;
      if (!iso || seen.has(iso) || !r || r.iso3 !== iso || r.un_total === null || r.un_total <= 0) return false;
      seen.add(iso);
      return true;
    })
    .map((f) => ({ name: f.properties.name, lon: f.properties.centroid[0], lat: f.properties.centroid[1], personnel: byIso.get(f.properties.iso3 as string)?.un_total ?? 0 }));
  const maxPersonnel = Math.max(0, ...points.map((p) => p.personnel));
  const legendValues = [100, 1000, 5000, 10000, 20000, 40000].filter((v) => v <= maxPersonnel);
  const circles = {
    data: { values: points },
    mark: { type: "circle", color: BLUE, opacity: 0.7, stroke: "#ffffff", strokeWidth: 0.6 },
    encoding: {
      longitude: { field: "lon", type: "quantitative" },
      latitude: { field: "lat", type: "quantitative" },
      size: {
        field: "personnel",
        type: "quantitative",
        title: "UN personnel",
        scale: { range: [15, 900] },
        legend: { orient: "bottom", direction: "horizontal", titleOrient: "left", format: ",d", titleLimit: 200, ...(legendValues.length > 1 ? { values: legendValues } : {}) },
      },
    },
  };
  return {
    $schema: SCHEMA,
    title: { text: `UN peacekeepers and destination status, TIP report ${o.year}`, subtitle: o.subtitle },
    width: 820,
    height: 430,
    projection: { type: "equalEarth" },
    layer: [
      {
        data: { values: shapes, format: { type: "json" } },
        mark: { type: "geoshape", stroke: PALETTE.outline, strokeWidth: 0.4 },
        encoding: {
          color: {
            field: "properties.status",
            type: "nominal",
            title: o.outcomeTitle,
            scale: { domain: [...STATUS_COLORS.domain], range: [...STATUS_COLORS.range] },
            legend: { orient: "bottom", direction: "horizontal", titleOrient: "left", symbolStrokeColor: PALETTE.outline, symbolStrokeWidth: 1 },
          },
        },
      },
      ...(points.length > 0 ? [circles] : []),
    ],
    config: CONFIG,
  };
}
