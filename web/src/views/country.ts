/** Country page: personnel by mission and organisation, contributors, trafficking indicators, tier, US troops. */
import type { TopLevelSpec } from "vega-lite";
import { DISPLAY_PARAMS, getJson, type CountryResponse, type Meta, type Row } from "../api.js";
import { fmt, fmtInt, renderChart, renderTable } from "../charts.js";
import { el } from "../dom.js";
import { PALETTE } from "../../../src/core/palette.js";
import { renderCountryContributors } from "./country-contributors.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Render the page of one country (ISO-3). */
export async function renderCountry(host: HTMLElement, meta: Meta, iso3: string, stale: () => boolean): Promise<void> {
  const c = await getJson<CountryResponse>(`/api/country/${encodeURIComponent(iso3)}`, DISPLAY_PARAMS);
  if (stale()) return;
  const name = c.country ?? iso3;
  const missionsBox = el("div", { id: "country-missions" });
  const tccBox = el("div", { id: "country-tcc" });
  const traffBox = el("div", { id: "country-trafficking" });
  const usBox = el("div", { id: "country-us" });
  const tableBox = el("div", { id: "country-table", class: "table-wrap" });
  const contributorsBox = el("section", { id: "country-contributors" });
  host.append(
    el("p", {}, el("a", { href: "#/map", text: "← back to the map" }), " · ", el("a", { href: `#/simulate?country=${c.iso3}&year=2008`, id: "country-simulate", text: "simulate a deployment here" })),
    el("h2", { id: "country-title", text: `${name} (${c.iso3}, COW ${c.ccode ?? "?"})` }),
    el("p", { class: "caption", text: `Country-years ${meta.years[0]}–${meta.years[1]}. Trafficking indicators: the TIP report ${c.variant.reportAlignment === "t-1" ? "of the following year (which mostly covers this year)" : "of the same year"}, shown at the calendar year. Lines break where a year has no data (for example years the TIP report lists a country as a Special Case, without a tier).` }),
    el("div", { class: "grid" }, missionsBox, tccBox, traffBox, usBox),
    contributorsBox,
    el("h3", { text: "Country-years" }),
    tableBox,
  );

  const missionRows: Row[] = c.missions.map((m) => ({ year: m.year, operation: m.org === "UN" ? `UN: ${m.mission}` : `${m.org}: ${m.mission}`, org: m.org, personnel: m.personnel }));
  await renderChart(missionsBox, {
    $schema: SCHEMA,
    title: { text: "Personnel by operation (mean monthly)", anchor: "start" },
    width: "container", height: 180,
    data: { values: missionRows },
    mark: { type: "area", interpolate: "step-after", opacity: 0.85 },
    encoding: {
      x: { field: "year", type: "quantitative", axis: { format: "d" }, scale: { domain: meta.years }, title: null },
      y: { field: "personnel", type: "quantitative", stack: "zero", title: "personnel" },
      color: { field: "operation", type: "nominal", title: null, legend: { orient: "bottom", direction: "vertical", labelLimit: 260 } },
      tooltip: [{ field: "operation" }, { field: "year" }, { field: "personnel", format: ",.0f" }],
    },
  } as TopLevelSpec, { name: `${c.iso3}-personnel`, table: { columns: ["year", "operation", "org", "personnel"], rows: missionRows } });
  if (stale()) return;

  const series = (cols: readonly (readonly [string, string])[]): Row[] =>
    c.rows.flatMap((r) => cols.map(([col, label]) => ({ year: r.year, series: label, value: r[col] ?? null })));
  const tccRows = dense([
    ...series([["un_tcc", "contributing countries (all UN missions)"], ["un_missions", "UN missions"]]),
    ...c.missions.filter((m) => m.org === "UN" && m.tcc !== null).map((m) => ({ year: m.year, series: `contributors to ${m.mission}`, value: m.tcc })),
  ], meta.years);
  await renderChart(tccBox, lineSpec("Contributing countries and missions", tccRows, meta.years, "count"), { name: `${c.iso3}-contributors`, table: { columns: ["year", "series", "value"], rows: tccRows } });
  if (stale()) return;

  const trRows = series([["pdest", "forced prostitution (pdest)"], ["destination", "any trafficking (destination)"], ["tip_tier", "TIP tier"]]);
  const strip = trRows.filter((r) => r.series !== "TIP tier").map((r) => ({ ...r, status: r.value === 1 ? "listed as a destination" : r.value === 0 ? "in the report, not listed" : "no data" }));
  const stripWidth = Math.max(220, Math.min(380, traffBox.clientWidth - 150));
  await renderChart(traffBox, {
    $schema: SCHEMA,
    title: { text: "Trafficking indicators (HTI) and TIP tier", anchor: "start" },
    vconcat: [
      {
        width: stripWidth, height: 50,
        data: { values: strip },
        mark: { type: "rect", stroke: PALETTE.outline, strokeWidth: 0.3 },
        encoding: {
          x: { field: "year", type: "ordinal", title: null, scale: { domain: yearList(meta.years) }, axis: { labelAngle: 0, values: yearList(meta.years).filter((y) => y % 5 === 0) } },
          y: { field: "series", type: "nominal", title: null },
          color: { field: "status", type: "nominal", title: null, scale: { domain: ["listed as a destination", "in the report, not listed", "no data"], range: [PALETTE.destination, PALETTE.notDestination, PALETTE.noData] }, legend: { orient: "bottom", direction: "vertical", symbolStrokeColor: PALETTE.outline, symbolStrokeWidth: 1, symbolType: "square" } },
          tooltip: [{ field: "series" }, { field: "year" }, { field: "status" }],
        },
      },
      {
        width: stripWidth, height: 110,
        data: { values: trRows.filter((r) => r.series === "TIP tier") },
        mark: { type: "line", point: true, color: PALETTE.neutral, invalid: "break-paths-show-domains" },
        encoding: {
          x: { field: "year", type: "quantitative", axis: { format: "d" }, scale: { domain: meta.years }, title: null },
          y: { field: "value", type: "quantitative", title: "TIP tier (2.5 = Watch List)", scale: { domain: [1, 3], reverse: true } },
        },
      },
    ],
  } as TopLevelSpec, { name: `${c.iso3}-trafficking`, table: { columns: ["year", "series", "value"], rows: trRows } });
  if (stale()) return;

  const usRows = dense(series([["us_troops", "US troops"], ["un_total", "UN personnel"], ["nonun_total", "non-UN personnel"]]), meta.years);
  await renderChart(usBox, lineSpec("US troops beside UN and non-UN personnel", usRows, meta.years, "personnel", { domain: ["US troops", "UN personnel", "non-UN personnel"], range: [PALETTE.us, PALETTE.un, PALETTE.nonun] }), { name: `${c.iso3}-us-troops`, table: { columns: ["year", "series", "value"], rows: usRows } });
  if (stale()) return;

  await renderCountryContributors(contributorsBox, c.iso3, stale);
  if (stale()) return;

  renderTable(tableBox, [
    { key: "year", label: "year" },
    { key: "un_total", label: "UN personnel", format: fmtInt },
    { key: "un_peak", label: "peak", format: fmtInt },
    { key: "un_tcc", label: "TCCs", format: fmtInt },
    { key: "un_duration_years", label: "years deployed", format: (v) => fmt(v, 0) },
    { key: "nonun_total", label: "non-UN", format: fmtInt },
    { key: "pdest", label: "pdest", format: (v) => fmt(v, 0) },
    { key: "destination", label: "destination", format: (v) => fmt(v, 0) },
    { key: "tip_tier", label: "tier", format: (v) => fmt(v, 1) },
    { key: "us_troops", label: "US troops", format: fmtInt },
    { key: "un_female_share", label: "female share", format: (v) => fmt(v, 3) },
  ], c.rows, `${c.iso3}-country-years`);
  host.dataset.iso3 = c.iso3;
}

function lineSpec(title: string, rows: Row[], years: readonly number[], yTitle: string, colors?: { domain: string[]; range: string[] }): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: title, anchor: "start" },
    width: "container", height: 180,
    data: { values: rows },
    mark: { type: "line", point: { size: 18 }, invalid: "break-paths-show-domains" },
    encoding: {
      x: { field: "year", type: "quantitative", axis: { format: "d" }, scale: { domain: years }, title: null },
      y: { field: "value", type: "quantitative", title: yTitle, axis: { format: "~s" } },
      color: { field: "series", type: "nominal", title: null, ...(colors ? { scale: colors } : {}), legend: { orient: "bottom", direction: "vertical", labelLimit: 260 } },
      tooltip: [{ field: "series" }, { field: "year" }, { field: "value", format: ",.0f" }],
    },
  } as TopLevelSpec;
}

/** Every series on every year of `years` (missing years as null), so lines break at gaps instead of joining across them. */
export function dense(rows: readonly Row[], [a, b]: readonly number[]): Row[] {
  const have = new Map(rows.map((r) => [`${String(r.series)}|${String(r.year)}`, r]));
  const out: Row[] = [];
  for (const s of new Set(rows.map((r) => String(r.series)))) {
    for (let y = a; y <= b; y++) out.push(have.get(`${s}|${y}`) ?? { year: y, series: s, value: null });
  }
  return out;
}

function yearList([a, b]: readonly number[]): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
