/**
 * Policy simulator: for a host country-year, or a hypothetical mission, set deployment
 * size and the declared model's moderator (duration in M2, contributors in M3) and
 * compare the predicted probability of being a destination (with its 95% interval)
 * against the current setting. Impossible scenarios get no prediction; scenarios
 * outside the data are flagged as extrapolation instead of shown as a number.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ModelResults } from "../../../src/stats/results.js";
import { DEFAULT_OPTIONS } from "../../../src/study/options.js";
import { formulaOf, STUDY_CITATION, studyModels, type ModelSpec } from "../../../src/study/spec.js";
import type { Meta, Row } from "../api.js";
import { fmt, fmtInt, renderChart } from "../charts.js";
import { debounce, el, select, slider } from "../dom.js";
import { fitInWorker } from "../model/client.js";
import { predictAt, type Prediction } from "../model/predict.js";
import { coverageOf, extrapolation, inconsistencies, type ScenarioInput } from "../model/scenario.js";
import { fitRows, median, studyRows } from "../model/study.js";
import { PALETTE } from "../../../src/core/palette.js";

/** The study's declared models the simulator can use: each sets personnel and, for M2 and M3, its moderator. */
const SIM_MODELS = ["M2", "M3", "M1"] as const;

/** The simulator's inputs for a declared model: personnel, then the moderator (if any). */
function inputsOf(spec: ModelSpec): ScenarioInput[] {
  const out: ScenarioInput[] = [{ col: spec.key.col, label: "Personnel", needsPersonnel: false }];
  if (spec.moderator) {
    const tcc = spec.moderator.col === "un_tcc";
    out.push({ col: spec.moderator.col, label: tcc ? "Contributing countries" : "Years deployed", needsPersonnel: true, minWithPersonnel: tcc ? 1 : 0 });
  }
  return out;
}

const SLIDER_MAX: Record<string, number> = { un_tcc: 80 };

/** Render the simulator; `params` may carry `country` (ISO-3), `year` and `model` (M1, M2, M3). */
export async function renderSimulator(host: HTMLElement, meta: Meta, params: URLSearchParams, stale: () => boolean): Promise<void> {
  const o = DEFAULT_OPTIONS;
  const declared = studyModels(o);
  const wantedModel = params.get("model");
  const modelId = SIM_MODELS.find((m) => m === wantedModel) ?? SIM_MODELS[0];
  const spec = declared.find((m) => m.id === modelId);
  if (!spec) throw new Error(`the study declares no model ${modelId}`);
  const formula = formulaOf(spec);
  const inputs = inputsOf(spec);
  const sizeCol = spec.key.col;
  const status = el("p", { class: "status", id: "sim-status", text: `Fitting ${spec.id} (${spec.title})…` });
  host.append(el("h2", { text: "Policy simulator" }), status);
  const { rows, url } = await studyRows(meta, o, [spec]);
  const sample = fitRows(spec, rows);
  const { result: r, ms } = await fitInWorker(formula, sample, spec.estimator, "cluster:ccode");
  if (stale()) return;
  const coverage = coverageOf(sample, sizeCol, inputs);
  status.replaceChildren(
    "Model: ",
    el("strong", { id: "sim-model", "data-model": spec.id, text: `${spec.id} (${spec.title})` }),
    `, one of the study's declared models (${STUDY_CITATION.replace(/\. U\.N\..*$/, "")}): ${formula}; ${r.model}, ${r.vcov_description}; N = ${r.glance.nobs} country-years, TIP report years ${o.yearFrom}-${o.yearTo}; fitted in your browser in ${ms.toFixed(1)} ms.`.replace(/\bccode\b/g, "country"),
  );
  const dataNote = el("p", { class: "caption", id: "sim-data", text: `Data: the dashboard's panel (${meta.origin}), the study's default options. The data cover ${coverage.ranges.map((x) => `${x.label.toLowerCase()} ${fmtInt(x.min)}–${fmtInt(x.max)}`).join(", ")}${inputs.length > 1 ? " (where personnel is deployed)" : ""}; ${coverage.nDeployed} deployed country-years.` });
  dataNote.dataset.url = url;

  // Every country in the sample years, UN hosts first: any of them could receive a mission.
  const unHosts = new Set(rows.filter((x) => Number(x[sizeCol]) > 0).map((x) => String(x.iso3)));
  const names = new Map(meta.countries.map((c) => [c.iso3, c.country]));
  const byName = (a: string, b: string) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b);
  const all = [...new Set(rows.filter((x) => x[spec.response] !== null && x[spec.response] !== undefined).map((x) => String(x.iso3)))];
  const hosts = [...all.filter((h) => unHosts.has(h)).sort(byName), ...all.filter((h) => !unHosts.has(h)).sort(byName)];
  const wanted = params.get("country");
  const st: { country: string; year: number; values: Record<string, number> } = {
    country: wanted && hosts.includes(wanted) ? wanted : "",
    year: Number(params.get("year")) || o.yearTo,
    values: {},
  };
  const medians: Record<string, number | null> = {};
  for (const c of spec.controls) medians[c.col] = median(sample, c.col, (x) => Number(x[sizeCol]) > 0);

  const baseline = (): { profile: Record<string, number | null>; label: string } => {
    const zero = Object.fromEntries(inputs.map((i) => [i.col, 0]));
    if (st.country === "") return { profile: { ...medians, ...zero }, label: "no mission (typical host: controls at the medians of host country-years)" };
    const row = rows.find((x) => x.iso3 === st.country && x.year === st.year);
    const p: Record<string, number | null> = {};
    for (const c of [...inputs.map((i) => i.col), ...spec.controls.map((c) => c.col)]) {
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
  const go = (m: string) => {
    const q = new URLSearchParams({ model: m, year: String(st.year) });
    if (st.country) q.set("country", st.country);
    location.hash = `#/simulate?${q.toString()}`;
  };
  host.append(
    dataNote,
    el("div", { class: "controls wrap" },
      select("sim-model", "Model", SIM_MODELS.map((id) => [id, `${id}: ${declared.find((m) => m.id === id)?.title ?? id}`] as const), spec.id, go),
      select("sim-country", "Host", [["", "hypothetical mission"], ...hosts.map((h) => [h, `${names.get(h) ?? h} (${h})${unHosts.has(h) ? ", UN host" : ""}`] as const)], st.country, (v) => { st.country = v; reset(); }),
      select("sim-year", "Calendar year", yearOpts, String(st.year), (v) => { st.year = Number(v); reset(); }),
    ),
    sliders, out, el("div", { class: "grid" }, chartBox, curveBox),
  );

  const reset = () => {
    const b = baseline().profile;
    for (const i of inputs) st.values[i.col] = Math.round(Number(b[i.col] ?? 0));
    if (st.country === "") {
      st.values[sizeCol] = 5000;
      for (const i of inputs.slice(1)) st.values[i.col] = Math.round(median(sample, i.col, (x) => Number(x[sizeCol]) > 0) ?? 1);
    }
    sliders.replaceChildren(
      ...inputs.map((i, k) => k === 0
        ? slider("sim-size", "Personnel", 0, 40000, 100, st.values[i.col], (v) => { st.values[i.col] = v; redraw(); }, fmtInt)
        : slider(i.col === "un_tcc" ? "sim-tcc" : "sim-duration", i.label, 0, SLIDER_MAX[i.col] ?? 70, 1, st.values[i.col], (v) => { st.values[i.col] = v; redraw(); })),
    );
    void draw();
  };

  const pct = (p: Prediction) => `${fmt(100 * p.estimate, 1)}% (95% CI ${fmt(100 * p.low, 1)}–${fmt(100 * p.high, 1)}%)`;
  const words = () => inputs.map((i) => `${fmtInt(st.values[i.col])} ${i.label.toLowerCase()}`).join(", ");

  const draw = async () => {
    const base = baseline();
    const scen: Record<string, number | null> = { ...base.profile, ...st.values };
    const bad = inconsistencies(st.values, sizeCol, inputs);
    const scenLine = el("p", { id: "sim-scenario" }, el("strong", { text: "Scenario: " }), `${words()}: `);
    let now: Prediction;
    try {
      now = predictAt(r, base.profile);
    } catch (err) {
      out.textContent = `No prediction: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    const current = el("p", {}, el("strong", { text: "Current setting: " }), `${base.label}: `, el("span", { id: "sim-current-p", text: pct(now) }));
    const pts: Row[] = [{ setting: "current", p: now.estimate, low: now.low, high: now.high }];
    if (bad.length > 0) {
      scenLine.append(el("span", { id: "sim-scenario-p", class: "error", "data-p": "", "data-inconsistent": "1", text: "not possible" }));
      out.replaceChildren(current, scenLine, el("p", { class: "error", role: "alert", id: "sim-inconsistent", text: `This scenario cannot happen: ${bad.join("; ")}. No prediction is made for it.` }));
      host.dataset.scenario = "";
    } else {
      const then = predictAt(r, scen);
      const far = extrapolation(st.values, coverage);
      const span = el("span", { id: "sim-scenario-p", "data-p": then.estimate.toFixed(6), "data-extrapolated": far.length > 0 ? "1" : "0", text: far.length > 0 ? "extrapolation, no reliable prediction" : pct(then) });
      scenLine.append(span);
      const lines = [current, scenLine];
      if (far.length > 0) {
        lines.push(el("p", { class: "warning", role: "note", id: "sim-extrapolation", text: `Outside the data: ${far.join("; ")}. The model's formula would give ${pct(then)}, but that number comes from the shape of the logit curve, not from countries like this one.` }));
      } else {
        lines.push(el("p", { class: "caption", text: `Difference ${fmt(100 * (then.estimate - now.estimate), 1)} percentage points.` }));
        pts.push({ setting: "scenario", p: then.estimate, low: then.low, high: then.high });
      }
      lines.push(el("p", { class: "caption", text: `Intervals by the delta method on the logit scale (${r.vcov_description.replace(/\bccode\b/g, "country")}). Controls are the host's observed values (or medians of host country-years for a hypothetical mission). This predicts at one profile; the report's effects average predictions over the sample.` }));
      out.replaceChildren(...lines);
      host.dataset.scenario = then.estimate.toFixed(6);
    }
    await renderChart(chartBox, dotSpec(pts, r), { name: "simulator", table: { columns: ["setting", "p", "low", "high"], rows: pts } });
    // One segment per run of points inside or outside the data; a segment starts at the
    // last point of the one before, so the line is continuous and changes style.
    const curve: Row[] = [];
    let seg = 0;
    let prev: Row | null = null;
    for (const x of logGrid(40000, 61)) {
      const v = { ...st.values, [sizeCol]: x };
      if (inconsistencies(v, sizeCol, inputs).length > 0) continue;
      const p = predictAt(r, { ...scen, [sizeCol]: x });
      const support = extrapolation(v, coverage).length > 0 ? "extrapolation" : "within the data";
      if (prev !== null && prev.support !== support) {
        seg++;
        curve.push({ ...prev, support, segment: seg });
      }
      prev = { [sizeCol]: x, p: p.estimate, low: p.low, high: p.high, support, segment: seg };
      curve.push(prev);
    }
    await renderChart(curveBox, curveSpec(curve, sizeCol, st.values[sizeCol], inputs.slice(1).map((i) => `${i.label.toLowerCase()} ${fmtInt(st.values[i.col])}`).join(", ")), { name: "simulator-curve", table: { columns: [sizeCol, "p", "low", "high", "support"], rows: curve.map(({ segment: _s, ...rest }) => rest) } });
  };
  const redraw = debounce(() => void draw(), 50);
  reset();
}

/** 0, then `n - 1` points evenly spaced on log(1 + x) up to `max`, rounded. */
function logGrid(max: number, n: number): number[] {
  const top = Math.log1p(max);
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round(Math.expm1((top * i) / (n - 1)))))];
}

function dotSpec(rows: Row[], r: ModelResults): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `Predicted probability that ${r.response} = 1`, anchor: "start", fontSize: 12 },
    width: "container", height: 120,
    data: { values: rows },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y: { field: "setting", type: "nominal", title: null }, x: { field: "low", type: "quantitative", scale: { domain: [0, 1] }, title: "probability (95% CI)" }, x2: { field: "high" }, color: { field: "setting", type: "nominal", legend: null, scale: { domain: ["current", "scenario"], range: [PALETTE.neutral, PALETTE.scenario] } } } },
      { mark: { type: "point", filled: true, size: 90 }, encoding: { y: { field: "setting", type: "nominal" }, x: { field: "p", type: "quantitative" }, color: { field: "setting", type: "nominal", legend: null } } },
    ],
  } as TopLevelSpec;
}

function curveSpec(rows: Row[], x: string, at: number, held: string): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "Scenario across deployment size", subtitle: held ? `holding ${held}; dashed: outside the data` : "dashed: outside the data", anchor: "start", fontSize: 12, subtitleFontSize: 11 },
    width: "container", height: 160,
    data: { values: rows },
    layer: [
      { mark: { type: "area", color: PALETTE.scenario }, encoding: { x: { field: x, type: "quantitative", title: "personnel (log scale)", scale: { type: "symlog", constant: 100 }, axis: { format: ",d", values: [0, 100, 1000, 10000, 40000] } }, y: { field: "low", type: "quantitative", title: "probability", scale: { domain: [0, 1] } }, y2: { field: "high" }, detail: { field: "segment" }, opacity: { field: "support", type: "nominal", legend: null, scale: { domain: ["within the data", "extrapolation"], range: [0.25, 0.08] } } } },
      { mark: { type: "line", color: PALETTE.scenario }, encoding: { x: { field: x, type: "quantitative" }, y: { field: "p", type: "quantitative" }, detail: { field: "segment" }, strokeDash: { field: "support", type: "nominal", title: null, scale: { domain: ["within the data", "extrapolation"], range: [[1, 0], [4, 3]] }, legend: { orient: "bottom" } } } },
      { data: { values: [{ at }] }, mark: { type: "rule", strokeDash: [2, 2] }, encoding: { x: { field: "at", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}
