import type { VegaLiteSpec } from "../doc/render.js";
import { PALETTE } from "../core/palette.js";
import { OUTCOME_KEYS, type CaseResult, type Relation } from "./analyse.js";


const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
/** The same look as the report's figures (src/report/figures/specs.ts). */
export const CASE_FIGURE_CONFIG = {
  font: "DejaVu Sans",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#e6e6e6", domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start", subtitleFontSize: 11, subtitleColor: "#555" },
  concat: { spacing: 14 },
};
const WIDTH = 620;
const MAX_MISSIONS = 7;
const ORG_SHORT: Record<string, string> = { un: "UN", nato: "NATO", eu: "EU", regional: "regional", single_state: "single state" };

function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Mission label for legends: `KFOR (NATO)`; missions beyond the largest few are grouped. */
function missionLabels(c: CaseResult): Map<string, string> {
  const labels = new Map<string, string>();
  c.missions.forEach((m, i) => labels.set(m.mission, i < MAX_MISSIONS ? `${m.mission} (${ORG_SHORT[m.org] ?? m.org})` : "other missions"));
  return labels;
}

/**
 * One case's timeline: personnel by mission as stacked bars (mean of monthly counts),
 * US troops as a line, the deployment's first and last year as dashed rules; below it
 * the HTI flags, the TIP tier and the 3P index on the same years.
 */
export function timelineSpec(c: CaseResult): VegaLiteSpec {
  const years = c.timeline.years;
  const from = years[0].year;
  const to = years[years.length - 1].year;
  const labels = missionLabels(c);
  const bars: Record<string, unknown>[] = [];
  for (const y of years) {
    let base = 0;
    const grouped = new Map<string, number>();
    for (const m of y.missions) grouped.set(labels.get(m.mission)!, (grouped.get(labels.get(m.mission)!) ?? 0) + m.total);
    for (const label of [...new Set(labels.values())]) {
      const v = grouped.get(label) ?? 0;
      if (v <= 0) continue;
      bars.push({ year: y.year, x0: y.year - 0.42, x1: y.year + 0.42, y0: round(base), y1: round(base + v), mission: label, personnel: Math.round(v) });
      base += v;
    }
  }
  const us = years.filter((y) => y.usTroops !== null).map((y) => ({ year: y.year, us: y.usTroops }));
  const rules = c.deployment === null ? [] : [
    { x: c.deployment.start - 0.5, label: `start ${c.deployment.start}` },
    { x: c.deployment.end + 0.5, label: `end ${c.deployment.end}` },
  ];
  const xScale = { domain: [from - 0.6, to + 0.6], nice: false, zero: false };
  const xAxis = (title: string | null) => ({ field: "year", type: "quantitative", title, scale: xScale, axis: { format: "d", tickMinStep: 1, labelAngle: 0 } });
  const missionOrder = [...new Set(labels.values())];
  const ruleLayer = {
    data: { values: rules },
    mark: { type: "rule", color: PALETTE.rule, strokeDash: [5, 3], strokeWidth: 1.5 },
    encoding: { x: { field: "x", type: "quantitative", scale: xScale } },
  };
  const personnel = {
    width: WIDTH,
    height: 230,
    title: { text: "Peacekeeping personnel and US troops", subtitle: "Persons. Bars: UN (IPI) and non-UN (Bara-Hultman) personnel by mission, mean of monthly counts; line: US troops; dashed: deployment start and end", fontSize: 12 },
    layer: [
      {
        data: { values: bars },
        mark: { type: "rect" },
        encoding: {
          x: { field: "x0", type: "quantitative", title: null, scale: xScale, axis: { format: "d", tickMinStep: 1 } },
          x2: { field: "x1" },
          y: { field: "y0", type: "quantitative", title: null, axis: { format: ",d" } },
          y2: { field: "y1" },
          color: { field: "mission", type: "nominal", title: "Mission", sort: missionOrder, scale: { scheme: "tableau10" } },
          tooltip: [{ field: "year" }, { field: "mission" }, { field: "personnel", format: "," }],
        },
      },
      ...(us.length ? [{
        data: { values: us },
        mark: { type: "line", color: "#111", strokeWidth: 1.8, point: { size: 18, color: "#111" } },
        encoding: { x: xAxis(null), y: { field: "us", type: "quantitative" } },
      }] : []),
      ruleLayer,
    ],
  };
  const flags = years.flatMap((y) => [
    { year: y.year, x0: y.year - 0.45, x1: y.year + 0.45, row: "sex (pdest)", value: y.pdest === null ? "no data" : y.pdest === 1 ? "destination" : "not listed" },
    { year: y.year, x0: y.year - 0.45, x1: y.year + 0.45, row: "any type", value: y.destination === null ? "no data" : y.destination === 1 ? "destination" : "not listed" },
  ]);
  const hti = {
    width: WIDTH,
    height: 44,
    title: { text: "HTI: listed as a destination (TIP report of the following year)", fontSize: 12 },
    layer: [
      {
        data: { values: flags },
        mark: { type: "rect", stroke: PALETTE.outline, strokeWidth: 0.3 },
        encoding: {
          x: { field: "x0", type: "quantitative", title: null, scale: xScale, axis: { format: "d", tickMinStep: 1 } },
          x2: { field: "x1" },
          y: { field: "row", type: "nominal", title: null, sort: ["sex (pdest)", "any type"] },
          color: { field: "value", type: "nominal", title: "HTI", scale: { domain: ["destination", "not listed", "no data"], range: [PALETTE.destination, PALETTE.notDestination, PALETTE.noData] }, legend: { symbolStrokeColor: PALETTE.outline, symbolStrokeWidth: 1, symbolType: "square" } },
        },
      },
      ruleLayer,
    ],
  };
  const line = (field: "tipTier" | "p3Total", title: string, domain: [number, number], reverse: boolean) => ({
    width: WIDTH,
    height: 90,
    title: { text: title, fontSize: 12 },
    layer: [
      {
        data: { values: years.filter((y) => y[field] !== null).map((y) => ({ year: y.year, v: y[field] })) },
        mark: { type: "line", color: PALETTE.neutral, strokeWidth: 2, point: { color: PALETTE.neutral, size: 28 } },
        encoding: { x: xAxis(null), y: { field: "v", type: "quantitative", title: null, scale: { domain, reverse, nice: false } } },
      },
      ruleLayer,
    ],
  });
  return {
    $schema: SCHEMA,
    title: { text: `${c.country.name}: deployments and trafficking indicators, ${from}-${to}`, subtitle: c.timeline.country.ccode === 347 ? "Kosovo missions in every year; indicators and US troops before 2008 are Serbia and Montenegro's (COW 345)" : "" },
    vconcat: [personnel, hti, line("tipTier", "TIP tier (1 best, 2.5 Watch List, 3 worst; axis reversed so up is better)", [1, 3], true), line("p3Total", "3P anti-trafficking policy index (3-15, higher = stronger policy)", [3, 15], false)],
    resolve: { scale: { color: "independent" } },
    config: { ...CASE_FIGURE_CONFIG, axisY: { minExtent: 70, maxExtent: 70 }, legend: { ...CASE_FIGURE_CONFIG.legend, labelLimit: 240 } },
  };
}

const OUTCOME_TITLES: Record<(typeof OUTCOME_KEYS)[number], string> = {
  pdest: "pdest: share of years listed",
  destination: "any destination: share of years",
  tipTier: "TIP tier (mean)",
  p3Total: "3P index (mean)",
};

/** A label placed beside its point, in data units, with the point it belongs to. */
export interface PlacedLabel {
  readonly country: string;
  readonly peak: number;
  readonly change: number;
  /** Where the label's baseline sits (data units of the y axis) and its alignment. */
  readonly labelY: number;
  readonly align: "left" | "right";
  /** True when the label was moved away from its point (a leader line joins them). */
  readonly moved: boolean;
}

const LABEL_FONT = 11;

/**
 * Place point labels so they do not overlap: labels are taken top to bottom and pushed
 * down past any earlier label they would collide with (both in pixels, ~0.6 em per
 * character); a label that would leave the plot on the right is set to the left of its point.
 */
export function placeLabels(points: readonly { country: string; peak: number; change: number }[], x: (v: number) => number, y: (v: number) => number, yInv: (px: number) => number, width: number): PlacedLabel[] {
  const sorted = [...points].sort((a, b) => y(a.change) - y(b.change));
  const placed: { x0: number; x1: number; y: number }[] = [];
  const out: PlacedLabel[] = [];
  for (const p of sorted) {
    const w = p.country.length * LABEL_FONT * 0.6;
    const px = x(p.peak);
    const align: "left" | "right" = px + 6 + w > width ? "right" : "left";
    const x0 = align === "left" ? px + 6 : px - 6 - w;
    const x1 = x0 + w;
    const want = y(p.change) - 4;
    let ly = want;
    for (let moved = true; moved; ) {
      moved = false;
      for (const q of placed) {
        if (q.x1 > x0 && q.x0 < x1 && Math.abs(q.y - ly) < LABEL_FONT + 1) {
          ly = q.y + LABEL_FONT + 1;
          moved = true;
        }
      }
    }
    placed.push({ x0, x1, y: ly });
    out.push({ ...p, labelY: yInv(ly), align, moved: Math.abs(ly - want) > 2 });
  }
  return out;
}

/** The cross-case relation: peak deployment size against the during-minus-before change, one small plot per indicator. */
export function relationSpec(rel: Relation, chosen: ReadonlySet<number> = new Set(rel.points.map((p) => p.ccode))): VegaLiteSpec {
  const max = Math.max(10, ...rel.points.map((p) => p.peak));
  const W = 300;
  const H = 200;
  const plot = (k: (typeof OUTCOME_KEYS)[number]) => {
    const pts = rel.points.map((p) => ({ country: p.country, group: chosen.has(p.ccode) ? "chosen case" : "other host", peak: Math.round(p.peak), change: p.change[k] === null ? null : round(p.change[k]!, 3) }));
    const have = pts.filter((p): p is typeof p & { change: number } => p.change !== null);
    const missing = pts.filter((p) => p.change === null).map((p) => p.country);
    const top = max * 1.3;
    const sl = (v: number) => Math.sign(v) * Math.log1p(Math.abs(v) / 10);
    const x = { field: "peak", type: "quantitative", title: "Peak personnel (persons)", scale: { type: "symlog", constant: 10, domain: [0, top], nice: false }, axis: { values: [0, 100, 1000, 10000, 100000].filter((v) => v <= top), format: ",d" } };
    const ys = have.map((p) => p.change);
    const lo0 = Math.min(0, ...ys);
    const hi0 = Math.max(0, ...ys);
    const pad = Math.max(1e-3, (hi0 - lo0) * 0.12);
    const [lo, hi] = [lo0 - pad, hi0 + pad];
    const yScale = { domain: [round(lo, 3), round(hi, 3)], nice: false, zero: false };
    const labels = placeLabels(have, (v) => (sl(v) / sl(top)) * W, (v) => H - ((v - lo) / (hi - lo)) * H, (px) => round(lo + ((H - px) / H) * (hi - lo), 4), W);
    const c = rel.correlation[k];
    return {
      width: W,
      height: H,
      title: { text: OUTCOME_TITLES[k], subtitle: `${c.n} host${c.n === 1 ? "" : "s"}${c.r === null ? "" : `, r = ${c.r.toFixed(2)}`}${missing.length ? `; ${missing.length > 2 ? `${missing.length} hosts` : missing.join(", ")} without a before and a during value` : ""}`, fontSize: 12, subtitleFontSize: 11 },
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#888", strokeDash: [3, 3] }, encoding: { y: { field: "zero", type: "quantitative", scale: yScale } } },
        { data: { values: labels.filter((l) => l.moved) }, mark: { type: "rule", color: "#999", strokeWidth: 0.6 }, encoding: { x, y: { field: "change", type: "quantitative", scale: yScale }, y2: { field: "labelY" } } },
        {
          data: { values: have },
          mark: { type: "point", filled: true, size: 60 },
          encoding: {
            x,
            y: { field: "change", type: "quantitative", title: "During minus before", scale: yScale },
            color: { field: "group", type: "nominal", title: null, scale: { domain: ["chosen case", "other host"], range: [PALETTE.destination, PALETTE.un] }, legend: { orient: "bottom" } },
          },
        },
        ...(["left", "right"] as const).map((align) => ({
          data: { values: labels.filter((l) => l.align === align) },
          mark: { type: "text", align, dx: align === "left" ? 6 : -6, baseline: "alphabetic", fontSize: LABEL_FONT, color: "#333" },
          encoding: { x, y: { field: "labelY", type: "quantitative", scale: yScale }, text: { field: "country" } },
        })),
      ],
    };
  };
  return {
    $schema: SCHEMA,
    title: { text: "Deployment size and the change in the trafficking indicators", subtitle: "Each point a host: peak yearly personnel (UN + non-UN) against the mean during the deployment minus the mean before it" },
    vconcat: [{ hconcat: [plot("pdest"), plot("destination")] }, { hconcat: [plot("tipTier"), plot("p3Total")] }],
    config: CASE_FIGURE_CONFIG,
  };
}
