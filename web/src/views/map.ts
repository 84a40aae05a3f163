/** Map and timeline: deployments and destination status by year; click a country to open it. */
import type { TopLevelSpec } from "vega-lite";
import { DISPLAY_PARAMS, getJson, type MapResponse, type Meta, type PanelResponse, type Row } from "../api.js";
import { fmtInt, renderChart, renderTable } from "../charts.js";
import { debounce, el, select, slider } from "../dom.js";
import { loadShapes } from "../geo.js";
import { PALETTE } from "../../../src/core/palette.js";
import { predecessorNote, withPredecessors } from "../../../src/report/figures/predecessors.js";

type Outcome = "pdest" | "destination";

const STATUS = ["listed as a destination", "in the report, not listed", "no data"] as const;
const SERIES = ["UN personnel (thousands)", "non-UN personnel (thousands)", "destination countries"];
const OUTCOME_WORDS: Record<Outcome, string> = { pdest: "a destination for forced prostitution", destination: "a destination for trafficking (any form)" };

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
  const timeNote = el("p", { class: "caption", id: "timeline-coverage" });
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
    timeNote,
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
    const { rows: byIso, filled } = withPredecessors(new Map(res.rows.map((r) => [r.iso3 as string, r])));
    const status = (r: Row | undefined): (typeof STATUS)[number] => (r?.[outcome] === 1 ? STATUS[0] : r?.[outcome] === 0 ? STATUS[1] : STATUS[2]);
    const features = shapes.filter((s) => s.name !== "Antarctica").map((s) => {
      const r = s.iso3 ? byIso.get(s.iso3) : undefined;
      const name = s.iso3 !== null && filled.includes(s.iso3) ? `${s.name} (shown with ${String(r?.country ?? "its predecessor")}'s data)` : s.name;
      return { ...s.feature, properties: { name, iso3: s.iso3, status: status(r), un: r?.un_total ?? null, nonun: r?.nonun_total ?? null } };
    });
    const points: Row[] = [];
    for (const s of shapes) {
      const r = s.iso3 && s.primary ? byIso.get(s.iso3) : undefined;
      if (!r || r.iso3 !== s.iso3) continue;
      for (const [kind, col] of [["UN", "un_total"], ["non-UN", "nonun_total"]] as const) {
        const v = r[col];
        if (typeof v === "number" && v > 0) points.push({ iso3: s.iso3, country: String(r.country ?? s.name), kind, personnel: v, lon: s.lon, lat: s.lat });
      }
    }
    const nDest = res.rows.filter((r) => r[outcome] === 1).length;
    const nUn = res.rows.filter((r) => typeof r.un_total === "number" && r.un_total > 0).length;
    const report = res.variant.reportAlignment === "t-1" ? year + 1 : year;
    const covered = report >= 2001 && report <= 2011;
    caption.textContent = `${year}: UN personnel in ${nUn} countries; ${nDest} countries listed as ${OUTCOME_WORDS[outcome]}. Circles: UN and non-UN uniformed personnel, mean of the year's monthly counts. Colours: whether the TIP report of ${report}, which covers ${res.variant.reportAlignment === "t-1" ? `mostly ${year}` : `${year - 1}-${year}`}, lists the country (the trafficking indicators cover the reports of 2001-2011${covered ? "" : `, so ${year} has no destination data`}). ${predecessorNote(filled)}`.trim();
    // A fixed width from the box (not "container"): one layout pass, which keeps the first load fast.
    const mapWidth = Math.max(260, Math.min(880, mapBox.clientWidth - 30));
    await renderChart(mapBox, mapSpec(features, points, year, outcome, mapWidth, Math.round(Math.min(440, Math.max(150, mapWidth * 0.5)))), {
      name: `map-${year}`,
      onClick: (d) => open((d.properties as { iso3?: unknown } | undefined)?.iso3 ?? d.iso3),
      table: { columns: res.columns, rows: res.rows },
    });
    if (stale()) return;
    performance.mark("pkt:map-drawn");
    const tl = timelineRows(all.rows, outcome);
    timeNote.textContent = `Yearly totals over all countries. Years a source does not cover are left as gaps, not drawn as zero. Coverage: ${coverageText(tl)} (destinations: ${outcome === "pdest" ? "forced prostitution" : "any trafficking"}, by the TIP report the year is joined to).`;
    await renderChart(timeBox, timelineSpec(tl, year), { name: "timeline", table: { columns: ["year", "series", "value"], rows: tl } });
    performance.mark("pkt:timeline-drawn");
    const top = [...res.rows].filter((r) => Number(r.un_total) > 0 || Number(r.nonun_total) > 0)
      .sort((a, b) => Number(b.un_total ?? 0) + Number(b.nonun_total ?? 0) - Number(a.un_total ?? 0) - Number(a.nonun_total ?? 0));
    const table = renderTable(tableBox, [
      { key: "country", label: "country" },
      { key: "un_total", label: "UN personnel", format: fmtInt },
      { key: "nonun_total", label: "non-UN personnel", format: fmtInt },
      { key: "un_tcc", label: "contributors", format: fmtInt },
      { key: outcome, label: outcome === "pdest" ? "destination (forced prostitution)" : "destination (any)", format: (v) => (v === 1 ? "yes" : v === 0 ? "no" : "–") },
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

function mapSpec(features: unknown[], points: Row[], year: number, outcome: Outcome, width: number, height: number): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `Peacekeepers and ${outcome === "pdest" ? "forced-prostitution" : "trafficking"} destinations, ${year}`, subtitle: `Fill: listed as ${OUTCOME_WORDS[outcome]}; circles: personnel deployed`, anchor: "start" },
    width,
    height,
    projection: { type: "equalEarth" },
    layer: [
      {
        data: { values: features },
        mark: { type: "geoshape", stroke: PALETTE.outline, strokeWidth: 0.4, cursor: "pointer" },
        encoding: {
          color: {
            field: "properties.status", type: "nominal", title: "TIP report",
            scale: { domain: [...STATUS], range: [PALETTE.destination, PALETTE.notDestination, PALETTE.noData] },
            legend: { orient: "bottom", direction: "vertical", symbolStrokeColor: PALETTE.outline, symbolStrokeWidth: 1, symbolType: "square" },
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
          size: { field: "personnel", type: "quantitative", title: "personnel", scale: { domain: [0, 40000], range: [0, 1400] }, legend: { orient: "bottom", direction: "vertical", values: [1000, 10000, 30000], format: ",d" } },
          color: { field: "kind", type: "nominal", title: "deployment", scale: { domain: ["UN", "non-UN"], range: [PALETTE.un, PALETTE.nonun] }, legend: { orient: "bottom", direction: "vertical" } },
          tooltip: [{ field: "country" }, { field: "kind" }, { field: "personnel", format: ",.0f" }],
        },
      },
    ],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: { view: { stroke: null } },
  } as TopLevelSpec;
}

/** What each series of the timeline counts, and the column that must be non-missing for a year to count. */
const SERIES_COLS: readonly (readonly [string, string, (t: { un: number; nonun: number; dest: number }) => number])[] = [
  [SERIES[0], "un_total", (t) => t.un / 1000],
  [SERIES[1], "nonun_total", (t) => t.nonun / 1000],
  [SERIES[2], "outcome", (t) => t.dest],
];

/**
 * Yearly totals for the timeline; a series is null (a gap) in a year where no country has
 * a value for it, so years outside a source's coverage are not drawn as zero.
 */
export function timelineRows(rows: readonly Row[], outcome: Outcome): Row[] {
  const by = new Map<number, { un: number; nonun: number; dest: number; n: Record<string, number> }>();
  for (const r of rows) {
    const y = Number(r.year);
    const t = by.get(y) ?? { un: 0, nonun: 0, dest: 0, n: { un_total: 0, nonun_total: 0, outcome: 0 } };
    if (typeof r.un_total === "number") { t.un += r.un_total; t.n.un_total++; }
    if (typeof r.nonun_total === "number") { t.nonun += r.nonun_total; t.n.nonun_total++; }
    if (r[outcome] === 0 || r[outcome] === 1) { t.dest += r[outcome] === 1 ? 1 : 0; t.n.outcome++; }
    by.set(y, t);
  }
  const out: Row[] = [];
  for (const [year, t] of [...by].sort((a, b) => a[0] - b[0])) {
    for (const [series, col, value] of SERIES_COLS) out.push({ year, series, value: t.n[col] > 0 ? value(t) : null });
  }
  return out;
}

/** The years each series covers, as "first-last" (or "none"). */
export function coverageText(rows: readonly Row[]): string {
  return SERIES.map((series) => {
    const ys = rows.filter((r) => r.series === series && r.value !== null).map((r) => Number(r.year));
    return `${series.replace(/ \(thousands\)/, "")}: ${ys.length ? `${Math.min(...ys)}–${Math.max(...ys)}` : "none"}`;
  }).join("; ");
}

function timelineSpec(rows: Row[], year: number): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container",
    height: 160,
    data: { values: rows },
    layer: [
      {
        mark: { type: "line", point: true, invalid: "break-paths-show-domains" },
        encoding: {
          x: { field: "year", type: "quantitative", axis: { format: "d" }, title: null },
          y: { field: "value", type: "quantitative", title: null },
          color: { field: "series", type: "nominal", title: null, scale: { domain: SERIES, range: [PALETTE.un, PALETTE.nonun, PALETTE.destination] }, legend: { orient: "bottom", direction: "vertical" } },
        },
      },
      { data: { values: [{ year }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#444" }, encoding: { x: { field: "year", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}
