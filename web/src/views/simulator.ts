/**
 * Policy simulator: for a host country-year, or a hypothetical mission, set deployment
 * size, duration and contributors and compare the predicted probability of being a
 * destination (with its 95% interval) against the current setting.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ModelResults } from "../../../src/stats/results.js";
import { DEFAULT_OPTIONS } from "../../../src/study/options.js";
import { formulaOf, studyModels, termName, type ModelSpec } from "../../../src/study/spec.js";
import type { Meta, Row } from "../api.js";
import { fmt, fmtInt, renderChart } from "../charts.js";
import { debounce, el, select, slider } from "../dom.js";
import { fitInWorker } from "../model/client.js";
import { grid, predictAt, type Prediction } from "../model/predict.js";
import { fitRows, median, studyRows } from "../model/study.js";

/**
 * Size, duration and contributors all enter, each interacted with size: the study's
 * M2 (size x duration) with M3's contributor term and interaction added.
 */
function simulatorSpec(): { spec: ModelSpec; formula: string; durCol: string; tccCol: string } {
  const models = studyModels(DEFAULT_OPTIONS);
  const m2 = models.find((m) => m.id === "M2");
  const m3 = models.find((m) => m.id === "M3");
  if (!m2?.moderator || !m3?.moderator) throw new Error("the study declares no M2/M3 interaction models");
  const tcc = m3.moderator;
  const spec: ModelSpec = { ...m2, id: "SIM", title: "Size x duration + size x TCCs", controls: [tcc, ...m2.controls] };
  const formula = `${formulaOf(spec)} + ${termName(m2.key)}:${termName(tcc)}`;
  return { spec, formula, durCol: m2.moderator.col, tccCol: tcc.col };
}

/** Render the simulator; `params` may carry `country` (ISO-3) and `year`. */
export async function renderSimulator(host: HTMLElement, meta: Meta, params: URLSearchParams, stale: () => boolean): Promise<void> {
  const o = DEFAULT_OPTIONS;
  const { spec, formula, durCol, tccCol } = simulatorSpec();
  const status = el("p", { class: "status", id: "sim-status", text: "Fitting the simulator model…" });
  host.append(el("h2", { text: "Policy simulator" }), status);
  const { rows, url } = await studyRows(meta, o, [spec]);
  const sample = fitRows(spec, rows);
  const { result: r, ms } = await fitInWorker(formula, sample, "logit", "cluster:ccode");
  if (stale()) return;
  const sizeCol = spec.key.col;
  status.textContent = `Model: ${formula} (logit, ${r.vcov_description}; N = ${r.glance.nobs}; fitted in ${ms.toFixed(1)} ms). Data: ${url} (${meta.origin}).`;

  // Every country in the sample years, UN hosts first: any of them could receive a mission.
  const unHosts = new Set(rows.filter((x) => Number(x[sizeCol]) > 0).map((x) => String(x.iso3)));
  const names = new Map(meta.countries.map((c) => [c.iso3, c.country]));
  const byName = (a: string, b: string) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b);
  const all = [...new Set(rows.filter((x) => x[spec.response] !== null && x[spec.response] !== undefined).map((x) => String(x.iso3)))];
  const hosts = [...all.filter((h) => unHosts.has(h)).sort(byName), ...all.filter((h) => !unHosts.has(h)).sort(byName)];
  const wanted = params.get("country");
  const st = {
    country: wanted && hosts.includes(wanted) ? wanted : "",
    year: Number(params.get("year")) || o.yearTo,
    size: 0, duration: 0, tcc: 0,
  };
  const medians: Record<string, number | null> = {};
  for (const c of spec.controls) medians[c.col] = median(sample, c.col, (x) => Number(x[sizeCol]) > 0);

  const baseline = (): { profile: Record<string, number | null>; label: string } => {
    if (st.country === "") return { profile: { ...medians, [sizeCol]: 0, [durCol]: 0, [tccCol]: 0 }, label: "no mission (typical host: controls at the medians of host country-years)" };
    const row = rows.find((x) => x.iso3 === st.country && x.year === st.year);
    const p: Record<string, number | null> = {};
    for (const c of [sizeCol, durCol, ...spec.controls.map((c) => c.col)]) {
      const v = row?.[c];
      p[c] = typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : (medians[c] ?? 0);
    }
    return { profile: p, label: `${names.get(st.country) ?? st.country} in ${st.year} as observed` };
  };

  const out = el("div", { id: "sim-result", class: "sim-result" });
  const chartBox = el("div", { id: "sim-chart" });
  const curveBox = el("div", { id: "sim-curve" });
  const sliders = el("div", { class: "controls wrap", id: "sim-sliders" });
  const yearOpts = Array.from({ length: o.yearTo - o.yearFrom + 1 }, (_, i) => [String(o.yearFrom + i), String(o.yearFrom + i)] as const);
  host.append(
    el("div", { class: "controls wrap" },
      select("sim-country", "Host", [["", "hypothetical mission"], ...hosts.map((h) => [h, `${names.get(h) ?? h} (${h})${unHosts.has(h) ? ", UN host" : ""}`] as const)], st.country, (v) => { st.country = v; reset(); }),
      select("sim-year", "Calendar year", yearOpts, String(st.year), (v) => { st.year = Number(v); reset(); }),
    ),
    sliders, out, el("div", { class: "grid" }, chartBox, curveBox),
  );

  const reset = () => {
    const b = baseline().profile;
    st.size = Math.round(Number(b[sizeCol] ?? 0));
    st.duration = Math.round(Number(b[durCol] ?? 0));
    st.tcc = Math.round(Number(b[tccCol] ?? 0));
    if (st.country === "") Object.assign(st, { size: 5000, duration: 3, tcc: 20 });
    sliders.replaceChildren(
      slider("sim-size", "Personnel", 0, 40000, 100, st.size, (v) => { st.size = v; redraw(); }, fmtInt),
      slider("sim-duration", "Years deployed", 0, 30, 1, st.duration, (v) => { st.duration = v; redraw(); }),
      slider("sim-tcc", "Contributing countries", 0, 80, 1, st.tcc, (v) => { st.tcc = v; redraw(); }),
    );
    void draw();
  };

  const draw = async () => {
    const base = baseline();
    const scen = { ...base.profile, [sizeCol]: st.size, [durCol]: st.duration, [tccCol]: st.tcc };
    let now: Prediction;
    let then: Prediction;
    try {
      now = predictAt(r, base.profile);
      then = predictAt(r, scen);
    } catch (err) {
      out.textContent = `No prediction: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    const pct = (p: Prediction) => `${fmt(100 * p.estimate, 1)}% (95% CI ${fmt(100 * p.low, 1)}–${fmt(100 * p.high, 1)}%)`;
    out.replaceChildren(
      el("p", {}, el("strong", { text: "Current setting: " }), `${base.label}: `, el("span", { id: "sim-current-p", text: pct(now) })),
      el("p", {}, el("strong", { text: "Scenario: " }), `${fmtInt(st.size)} personnel, ${st.duration} years, ${st.tcc} contributing countries: `, el("span", { id: "sim-scenario-p", "data-p": then.estimate.toFixed(6), text: pct(then) })),
      el("p", { class: "caption", text: `Difference ${fmt(100 * (then.estimate - now.estimate), 1)} percentage points. Intervals by the delta method on the logit scale (${r.vcov_description}). Controls other than the three set here are the host's observed values (or medians for a hypothetical mission).` }),
    );
    const pts: Row[] = [
      { setting: "current", p: now.estimate, low: now.low, high: now.high },
      { setting: "scenario", p: then.estimate, low: then.low, high: then.high },
    ];
    await renderChart(chartBox, dotSpec(pts, r), { name: "simulator", table: { columns: ["setting", "p", "low", "high"], rows: pts } });
    const curve: Row[] = grid(0, 40000, 41).map((x) => {
      const p = predictAt(r, { ...scen, [sizeCol]: x });
      return { [sizeCol]: x, p: p.estimate, low: p.low, high: p.high };
    });
    await renderChart(curveBox, curveSpec(curve, sizeCol, st.size), { name: "simulator-curve", table: { columns: [sizeCol, "p", "low", "high"], rows: curve } });
    host.dataset.scenario = then.estimate.toFixed(6);
  };
  const redraw = debounce(() => void draw(), 50);
  reset();
}

function dotSpec(rows: Row[], r: ModelResults): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `Predicted probability that ${r.response} = 1`, anchor: "start", fontSize: 12 },
    width: 360, height: 120,
    data: { values: rows },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y: { field: "setting", type: "nominal", title: null }, x: { field: "low", type: "quantitative", scale: { domain: [0, 1] }, title: "probability (95% CI)" }, x2: { field: "high" }, color: { field: "setting", type: "nominal", legend: null, scale: { range: ["#4d4d4d", "#d6604d"] } } } },
      { mark: { type: "point", filled: true, size: 90 }, encoding: { y: { field: "setting", type: "nominal" }, x: { field: "p", type: "quantitative" }, color: { field: "setting", type: "nominal", legend: null } } },
    ],
  } as TopLevelSpec;
}

function curveSpec(rows: Row[], x: string, at: number): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Scenario across deployment size", anchor: "start", fontSize: 12 },
    width: 360, height: 160,
    data: { values: rows },
    layer: [
      { mark: { type: "area", opacity: 0.2, color: "#d6604d" }, encoding: { x: { field: x, type: "quantitative", title: "personnel" }, y: { field: "low", type: "quantitative", title: "probability", scale: { domain: [0, 1] } }, y2: { field: "high" } } },
      { mark: { type: "line", color: "#d6604d" }, encoding: { x: { field: x, type: "quantitative" }, y: { field: "p", type: "quantitative" } } },
      { data: { values: [{ at }] }, mark: { type: "rule", strokeDash: [4, 3] }, encoding: { x: { field: "at", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}
