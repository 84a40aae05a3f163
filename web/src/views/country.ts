/** Country page: personnel by mission and organisation, contributors, trafficking indicators, tier, US troops. */
import type { TopLevelSpec } from "vega-lite";
import { DISPLAY_PARAMS, getJson, type CountryResponse, type Meta, type Row } from "../api.js";
import { fmt, fmtInt, renderChart, renderTable } from "../charts.js";
import { el } from "../dom.js";

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
  host.append(
    el("p", {}, el("a", { href: "#/map", text: "← back to the map" }), " · ", el("a", { href: `#/simulate?country=${c.iso3}&year=2008`, id: "country-simulate", text: "simulate a deployment here" })),
    el("h2", { id: "country-title", text: `${name} (${c.iso3}, COW ${c.ccode ?? "?"})` }),
    el("p", { class: "caption", text: `Country-years ${meta.years[0]}–${meta.years[1]} from /api/country/${c.iso3}; trafficking indicators of each year come from that year's TIP report (the study itself joins report t to calendar year t-1).` }),
    el("div", { class: "grid" }, missionsBox, tccBox, traffBox, usBox),
    el("h3", { text: "Country-years" }),
    tableBox,
  );

  const missionRows: Row[] = c.missions.map((m) => ({ year: m.year, operation: m.org === "UN" ? `UN: ${m.mission}` : `${m.org}: ${m.mission}`, org: m.org, personnel: m.personnel }));
  await renderChart(missionsBox, {
    $schema: SCHEMA,
    title: { text: "Personnel by operation (mean monthly)", anchor: "start" },
    width: 380, height: 180,
    data: { values: missionRows },
    mark: { type: "area", interpolate: "step-after", opacity: 0.85 },
    encoding: {
      x: { field: "year", type: "quantitative", axis: { format: "d" }, scale: { domain: meta.years }, title: null },
      y: { field: "personnel", type: "quantitative", stack: "zero", title: "personnel" },
      color: { field: "operation", type: "nominal", title: null, legend: { orient: "bottom", columns: 2 } },
      tooltip: [{ field: "operation" }, { field: "year" }, { field: "personnel", format: ",.0f" }],
    },
  } as TopLevelSpec, { name: `${c.iso3}-personnel`, table: { columns: ["year", "operation", "org", "personnel"], rows: missionRows } });
  if (stale()) return;

  const series = (cols: readonly (readonly [string, string])[]): Row[] =>
    c.rows.flatMap((r) => cols.map(([col, label]) => ({ year: r.year, series: label, value: r[col] ?? null })));
  const tccRows = [
    ...series([["un_tcc", "contributing countries (all UN missions)"], ["un_missions", "UN missions"]]),
    ...c.missions.filter((m) => m.org === "UN" && m.tcc !== null).map((m) => ({ year: m.year, series: `contributors to ${m.mission}`, value: m.tcc })),
  ];
  await renderChart(tccBox, lineSpec("Contributing countries and missions", tccRows, meta.years, "count"), { name: `${c.iso3}-contributors`, table: { columns: ["year", "series", "value"], rows: tccRows } });
  if (stale()) return;

  const trRows = series([["pdest", "forced prostitution (pdest)"], ["destination", "any trafficking (destination)"], ["tip_tier", "TIP tier"]]);
  const strip = trRows.filter((r) => r.series !== "TIP tier").map((r) => ({ ...r, status: r.value === 1 ? "destination" : r.value === 0 ? "not a destination" : "no report" }));
  await renderChart(traffBox, {
    $schema: SCHEMA,
    title: { text: "Trafficking indicators (HTI) and TIP tier", anchor: "start" },
    vconcat: [
      {
        width: 380, height: 50,
        data: { values: strip },
        mark: { type: "rect", stroke: "#fff" },
        encoding: {
          x: { field: "year", type: "ordinal", title: null, scale: { domain: yearList(meta.years) }, axis: { labelAngle: 0, values: yearList(meta.years).filter((y) => y % 2 === 0) } },
          y: { field: "series", type: "nominal", title: null },
          color: { field: "status", type: "nominal", title: null, scale: { domain: ["destination", "not a destination", "no report"], range: ["#d6604d", "#b8b8b8", "#eeeeee"] }, legend: { orient: "bottom" } },
          tooltip: [{ field: "series" }, { field: "year" }, { field: "status" }],
        },
      },
      {
        width: 380, height: 110,
        data: { values: trRows.filter((r) => r.series === "TIP tier" && r.value !== null) },
        mark: { type: "line", point: true, interpolate: "step-after", color: "#4d4d4d" },
        encoding: {
          x: { field: "year", type: "quantitative", axis: { format: "d" }, scale: { domain: meta.years }, title: null },
          y: { field: "value", type: "quantitative", title: "TIP tier (2.5 = Watch List)", scale: { domain: [1, 3], reverse: true } },
        },
      },
    ],
  } as TopLevelSpec, { name: `${c.iso3}-trafficking`, table: { columns: ["year", "series", "value"], rows: trRows } });
  if (stale()) return;

  const usRows = series([["us_troops", "US troops"], ["un_total", "UN personnel"], ["nonun_total", "non-UN personnel"]]);
  await renderChart(usBox, lineSpec("US troops beside UN and non-UN personnel", usRows, meta.years, "personnel"), { name: `${c.iso3}-us-troops`, table: { columns: ["year", "series", "value"], rows: usRows } });
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

function lineSpec(title: string, rows: Row[], years: readonly number[], yTitle: string): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: title, anchor: "start" },
    width: 380, height: 180,
    data: { values: rows.filter((r) => r.value !== null) },
    mark: { type: "line", point: { size: 18 } },
    encoding: {
      x: { field: "year", type: "quantitative", axis: { format: "d" }, scale: { domain: years }, title: null },
      y: { field: "value", type: "quantitative", title: yTitle, axis: { format: "~s" } },
      color: { field: "series", type: "nominal", title: null, legend: { orient: "bottom", columns: 2, labelLimit: 220 } },
      tooltip: [{ field: "series" }, { field: "year" }, { field: "value", format: ",.0f" }],
    },
  } as TopLevelSpec;
}

function yearList([a, b]: readonly number[]): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
