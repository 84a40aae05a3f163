import type { VegaLiteSpec } from "../report/figures/specs.js";
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
    mark: { type: "rule", color: "#b22222", strokeDash: [5, 3], strokeWidth: 1.5 },
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
        mark: { type: "rect", stroke: "#fff" },
        encoding: {
          x: { field: "x0", type: "quantitative", title: null, scale: xScale, axis: { format: "d", tickMinStep: 1 } },
          x2: { field: "x1" },
          y: { field: "row", type: "nominal", title: null, sort: ["sex (pdest)", "any type"] },
          color: { field: "value", type: "nominal", title: "HTI", scale: { domain: ["destination", "not listed", "no data"], range: ["#c53030", "#9fb3c8", "#f0f0f0"] } },
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
        mark: { type: "line", color: "#2b6cb0", strokeWidth: 2, point: { color: "#2b6cb0", size: 28 } },
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

/** The cross-case relation: peak deployment size against the during-minus-before change, one small plot per indicator. */
export function relationSpec(rel: Relation, chosen: ReadonlySet<number> = new Set(rel.points.map((p) => p.ccode))): VegaLiteSpec {
  const max = Math.max(10, ...rel.points.map((p) => p.peak));
  const plot = (k: (typeof OUTCOME_KEYS)[number]) => {
    const pts = rel.points.map((p) => ({ country: p.country, group: chosen.has(p.ccode) ? "chosen case" : "other host", peak: Math.round(p.peak), change: p.change[k] === null ? null : round(p.change[k]!, 3) }));
    const have = pts.filter((p) => p.change !== null);
    const missing = pts.filter((p) => p.change === null).map((p) => p.country);
    const x = { field: "peak", type: "quantitative", title: "Peak personnel (persons)", scale: { type: "symlog", constant: 10, domain: [0, max * 1.3], nice: false }, axis: { values: [0, 100, 1000, 10000, 100000].filter((v) => v <= max * 1.3), format: ",d" } };
    const c = rel.correlation[k];
    return {
      width: 270,
      height: 180,
      title: { text: OUTCOME_TITLES[k], subtitle: `${c.n} case${c.n === 1 ? "" : "s"}${c.r === null ? "" : `, r = ${c.r.toFixed(2)}`}${missing.length ? `; none for ${missing.length > 2 ? `${missing.length} cases` : missing.join(", ")}` : ""}`, fontSize: 12, subtitleFontSize: 10 },
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#888", strokeDash: [3, 3] }, encoding: { y: { field: "zero", type: "quantitative" } } },
        {
          data: { values: have },
          mark: { type: "point", filled: true, size: 60 },
          encoding: {
            x,
            y: { field: "change", type: "quantitative", title: "During minus before" },
            color: { field: "group", type: "nominal", title: null, scale: { domain: ["chosen case", "other host"], range: ["#c53030", "#2b6cb0"] }, legend: { orient: "bottom" } },
          },
        },
        { data: { values: have }, mark: { type: "text", align: "left", dx: 5, dy: -5, fontSize: 9, color: "#333" }, encoding: { x, y: { field: "change", type: "quantitative" }, text: { field: "country" } } },
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

