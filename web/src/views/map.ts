/** Map and timeline: deployments and destination status by year; click a country to open it. */
import type { TopLevelSpec } from "vega-lite";
import { DISPLAY_PARAMS, getJson, type MapResponse, type Meta, type PanelResponse, type Row } from "../api.js";
import { fmtInt, renderChart, renderTable } from "../charts.js";
import { debounce, el, select, slider } from "../dom.js";
import { loadShapes } from "../geo.js";

type Outcome = "pdest" | "destination";

const STATUS = ["destination", "not a destination", "no report"] as const;
const SERIES = ["UN personnel (thousands)", "non-UN personnel (thousands)", "destination countries"];

/** Render the map view; `params` may carry `year` and `outcome`. */
export async function renderMap(host: HTMLElement, meta: Meta, params: URLSearchParams, stale: () => boolean): Promise<void> {
  const [y0, y1] = meta.years;
  const asked = Number(params.get("year"));
  const state = {
    year: Number.isInteger(asked) && asked >= y0 && asked <= y1 ? asked : Math.min(Math.max(2008, y0), y1),
    outcome: (params.get("outcome") === "destination" ? "destination" : "pdest") as Outcome,
  };
  const mapBox = el("div", { id: "map-chart" });
  const timeBox = el("div", { id: "timeline-chart" });
  const tableBox = el("div", { id: "map-table", class: "table-wrap" });
  const caption = el("p", { class: "caption", id: "map-caption" });
  const yearSlider = slider("year", "Year", y0, y1, 1, state.year, (v) => {
    state.year = v;
    update();
  });
  host.append(
    el("h2", { text: "Peacekeeping deployments and sex-trafficking destinations" }),
    el("div", { class: "controls" },
      yearSlider,
      select("outcome", "Destination status", [["pdest", "forced prostitution (pdest)"], ["destination", "any trafficking (destination)"]], state.outcome, (v) => {
        state.outcome = v as Outcome;
        update();
      }),
    ),
    caption,
    mapBox,
    el("h3", { text: "Over time" }),
    timeBox,
    el("h3", { text: "Largest deployments this year (click a name to open the country)" }),
    tableBox,
  );

  void getJson<MapResponse>("/api/map", { year: state.year, ...DISPLAY_PARAMS }).catch(() => undefined);
  const [shapes, all] = await Promise.all([
    loadShapes(meta.isoNumeric),
    getJson<PanelResponse>("/api/panel", { columns: "iso3,year,un_total,nonun_total,pdest,destination", ...DISPLAY_PARAMS }),
  ]);
  if (stale()) return;
  performance.mark("pkt:map-data");

  const open = (iso3: unknown) => {
    if (typeof iso3 === "string" && /^[A-Z]{3}$/.test(iso3)) location.hash = `#/country/${iso3}`;
  };

  const draw = async () => {
    const year = state.year;
    const outcome = state.outcome;
    history.replaceState(null, "", `#/map?year=${year}${outcome === "destination" ? "&outcome=destination" : ""}`);
    const res = await getJson<MapResponse>("/api/map", { year, ...DISPLAY_PARAMS });
    if (stale() || year !== state.year || outcome !== state.outcome) return;
    const byIso = new Map(res.rows.map((r) => [r.iso3 as string, r]));
    const status = (r: Row | undefined): (typeof STATUS)[number] => (r?.[outcome] === 1 ? "destination" : r?.[outcome] === 0 ? "not a destination" : "no report");
    const features = shapes.filter((s) => s.name !== "Antarctica").map((s) => {
      const r = s.iso3 ? byIso.get(s.iso3) : undefined;
      return { ...s.feature, properties: { name: s.name, iso3: s.iso3, status: status(r), un: r?.un_total ?? null, nonun: r?.nonun_total ?? null } };
    });
    const points: Row[] = [];
    for (const s of shapes) {
      const r = s.iso3 && s.primary ? byIso.get(s.iso3) : undefined;
      if (!r) continue;
      for (const [kind, col] of [["UN", "un_total"], ["non-UN", "nonun_total"]] as const) {
        const v = r[col];
        if (typeof v === "number" && v > 0) points.push({ iso3: s.iso3, country: String(r.country ?? s.name), kind, personnel: v, lon: s.lon, lat: s.lat });
      }
    }
    const nDest = res.rows.filter((r) => r[outcome] === 1).length;
    const nUn = res.rows.filter((r) => typeof r.un_total === "number" && r.un_total > 0).length;
    caption.textContent = `${year}: UN personnel in ${nUn} countries; ${nDest} countries reported as destinations (${outcome}). Circles: mean monthly uniformed personnel. Destination status from the TIP report of ${year} (HTI covers reports 2001-2011; the study itself joins report t to calendar year t-1). Data: /api/map?year=${year}.`;
    await renderChart(mapBox, mapSpec(features, points, year, outcome), {
      name: `map-${year}`,
      onClick: (d) => open((d.properties as { iso3?: unknown } | undefined)?.iso3 ?? d.iso3),
      table: { columns: res.columns, rows: res.rows },
    });
    if (stale()) return;
    performance.mark("pkt:map-drawn");
    await renderChart(timeBox, timelineSpec(all.rows, year, outcome), { name: "timeline", table: { columns: ["year", "series", "value"], rows: timelineRows(all.rows, outcome) } });
    performance.mark("pkt:timeline-drawn");
    const top = [...res.rows].filter((r) => Number(r.un_total) > 0 || Number(r.nonun_total) > 0)
      .sort((a, b) => Number(b.un_total ?? 0) + Number(b.nonun_total ?? 0) - Number(a.un_total ?? 0) - Number(a.nonun_total ?? 0));
    const table = renderTable(tableBox, [
      { key: "country", label: "country" },
      { key: "un_total", label: "UN personnel", format: fmtInt },
      { key: "nonun_total", label: "non-UN personnel", format: fmtInt },
      { key: "un_tcc", label: "contributors", format: fmtInt },
      { key: outcome, label: outcome, format: (v) => (v === 1 ? "yes" : v === 0 ? "no" : "–") },
      { key: "tip_tier", label: "TIP tier", format: (v) => (v === null || v === undefined ? "–" : String(v)) },
    ], top, `map-table-${year}`);
    table.querySelectorAll("tbody tr").forEach((tr, i) => {
      const cell = tr.firstElementChild as HTMLElement;
      const iso3 = top[i].iso3 as string;
      cell.replaceChildren(el("a", { href: `#/country/${iso3}`, "data-iso3": iso3, text: String(top[i].country) }));
    });
    host.dataset.year = String(year);
  };
  const update = debounce(() => void draw(), 120);
  await draw();
}

function mapSpec(features: unknown[], points: Row[], year: number, outcome: Outcome): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `Peacekeepers and ${outcome === "pdest" ? "forced-prostitution" : "trafficking"} destinations, ${year}`, anchor: "start" },
    width: 880,
    height: 440,
    projection: { type: "equalEarth" },
    layer: [
      {
        data: { values: features },
        mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.5, cursor: "pointer" },
        encoding: {
          color: {
            field: "properties.status", type: "nominal", title: "HTI status",
            scale: { domain: [...STATUS], range: ["#d6604d", "#b8b8b8", "#eeeeee"] },
          },
          tooltip: [{ field: "properties.name", title: "country" }, { field: "properties.status", title: "status" }, { field: "properties.un", title: "UN personnel", format: ",.0f" }],
        },
      },
      {
        data: { values: points },
        mark: { type: "circle", opacity: 0.75, stroke: "#ffffff", strokeWidth: 0.6, cursor: "pointer" },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
          size: { field: "personnel", type: "quantitative", title: "personnel", scale: { domain: [0, 40000], range: [0, 1400] } },
          color: { field: "kind", type: "nominal", title: "deployment", scale: { domain: ["UN", "non-UN"], range: ["#2166ac", "#e08214"] } },
          tooltip: [{ field: "country" }, { field: "kind" }, { field: "personnel", format: ",.0f" }],
        },
      },
    ],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: { view: { stroke: null } },
  } as TopLevelSpec;
}

function timelineRows(rows: Row[], outcome: Outcome): Row[] {
  const by = new Map<number, { un: number; nonun: number; dest: number }>();
  for (const r of rows) {
    const y = Number(r.year);
    const t = by.get(y) ?? { un: 0, nonun: 0, dest: 0 };
    t.un += Number(r.un_total ?? 0);
    t.nonun += Number(r.nonun_total ?? 0);
    t.dest += r[outcome] === 1 ? 1 : 0;
    by.set(y, t);
  }
  const out: Row[] = [];
  for (const [year, t] of [...by].sort((a, b) => a[0] - b[0])) {
    out.push({ year, series: "UN personnel (thousands)", value: t.un / 1000 });
    out.push({ year, series: "non-UN personnel (thousands)", value: t.nonun / 1000 });
    out.push({ year, series: "destination countries", value: t.dest });
  }
  return out;
}

function timelineSpec(rows: Row[], year: number, outcome: Outcome): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 820,
    height: 160,
    data: { values: timelineRows(rows, outcome) },
    layer: [
      {
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "year", type: "quantitative", axis: { format: "d" }, title: null },
          y: { field: "value", type: "quantitative", title: null },
          color: { field: "series", type: "nominal", title: null, scale: { domain: SERIES, range: ["#2166ac", "#e08214", "#d6604d"] }, legend: { orient: "bottom", direction: "horizontal" } },
        },
      },
      { data: { values: [{ year }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#444" }, encoding: { x: { field: "year", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}
