/** Model explorer: pick the study's options; the model refits in a Web Worker and the tables and curves update. */
import type { TopLevelSpec } from "vega-lite";
import type { ModelKind, ModelResults } from "../../../src/stats/results.js";
import { DEFAULT_OPTIONS, OPTION_CHOICES, type StudyOptions } from "../../../src/study/options.js";
import { STUDY_CITATION, interactionName, studyModels, termName, type ModelSpec } from "../../../src/study/spec.js";
import type { Meta, Row } from "../api.js";
import { averagePredictionAt, predictsProbabilities } from "../../../src/study/effects.js";
import { fmt, fmtPValue, renderChart, renderTable } from "../charts.js";
import { checkbox, debounce, el, select } from "../dom.js";
import { fitInWorker, type WorkerFit } from "../model/client.js";
import { effectCurve, grid } from "../model/predict.js";
import { fitRows, formulaOf, maxOf, studyRows, withEstimator } from "../model/study.js";

const ESTIMATORS: readonly (readonly [ModelKind, string])[] = [
  ["logit", "logit"], ["probit", "probit"], ["firth", "Firth logit"], ["relogit", "rare-events logit"], ["clogit", "conditional logit (country FE)"], ["ols", "linear probability (OLS)"],
];
const VCOVS: readonly (readonly [string, string])[] = [["cluster:ccode", "clustered by country"], ["hc1", "robust (HC1)"], ["classical", "classical"]];

interface State {
  opts: StudyOptions;
  model: string;
  estimator: ModelKind;
  vcov: string;
  /** Controls switched off, by group (see CONTROL_GROUPS). */
  dropped: Set<string>;
}

/** Controls the user can switch off; democracy covers either measure. */
const CONTROL_GROUPS: readonly (readonly [string, string, readonly string[]])[] = [
  ["gdp", "GDP per capita", ["gdppc"]],
  ["pop", "population", ["pop"]],
  ["democracy", "democracy", ["polity2", "v2x_polyarchy"]],
  ["conflict", "civil conflict", ["civil_conflict"]],
];

/** Render the model explorer. */
export async function renderExplorer(host: HTMLElement, meta: Meta, stale: () => boolean): Promise<void> {
  const st: State = { opts: { ...DEFAULT_OPTIONS }, model: "M1", estimator: "logit", vcov: "cluster:ccode", dropped: new Set() };
  const set = <K extends keyof StudyOptions>(k: K, v: StudyOptions[K]) => {
    st.opts = { ...st.opts, [k]: v };
    refit();
  };
  const choices = (k: keyof typeof OPTION_CHOICES) => OPTION_CHOICES[k].map((v) => [v, v] as const);
  const years = Array.from({ length: 11 }, (_, i) => [String(2001 + i), String(2001 + i)] as const);
  const status = el("p", { class: "status", id: "fit-status", text: "Fitting…" });
  const prov = el("p", { class: "caption", id: "fit-provenance" });
  const coefBox = el("div", { id: "coef-table", class: "table-wrap" });
  const glanceBox = el("div", { id: "glance" });
  const probBox = el("div", { id: "prob-chart" });
  const effBox = el("div", { id: "effect-chart" });
  host.append(
    el("h2", { text: "Model explorer" }),
    el("p", { text: "Choose how the study is coded and estimated; the model is refitted in your browser by the project's TypeScript engine (in a Web Worker) and everything below updates." }),
    el("p", { class: "caption", text: `Models M1-M4 as declared in the study spec, replicating ${STUDY_CITATION}` }),
    el("div", { class: "controls wrap" },
      select("model", "Model", studyModels(st.opts).map((m) => [m.id, `${m.id}: ${m.title}`] as const), st.model, (v) => { st.model = v; refit(); }),
      select("outcome", "Outcome", choices("outcome"), st.opts.outcome, (v) => set("outcome", v as StudyOptions["outcome"])),
      select("size", "Size measure", choices("size"), st.opts.size, (v) => set("size", v as StudyOptions["size"])),
      select("reportAlignment", "Alignment", [["t-1", "report t ↔ year t-1"], ["t", "report t ↔ year t"]], st.opts.reportAlignment, (v) => set("reportAlignment", v as StudyOptions["reportAlignment"])),
      select("unSource", "UN source", choices("unSource"), st.opts.unSource, (v) => set("unSource", v as StudyOptions["unSource"])),
      select("multiHost", "Multi-host missions", choices("multiHost"), st.opts.multiHost, (v) => set("multiHost", v as StudyOptions["multiHost"])),
      select("duration", "Duration", choices("duration"), st.opts.duration, (v) => set("duration", v as StudyOptions["duration"])),
      select("democracy", "Democracy", choices("democracy"), st.opts.democracy, (v) => set("democracy", v as StudyOptions["democracy"])),
      select("usTroops", "US troops series", choices("usTroops"), st.opts.usTroops, (v) => set("usTroops", v as StudyOptions["usTroops"])),
      ...CONTROL_GROUPS.map(([id, label]) => checkbox(`control-${id}`, label, true, (on) => {
        if (on) st.dropped.delete(id);
        else st.dropped.add(id);
        refit();
      })),
      checkbox("trend", "time trend", st.opts.trend, (v) => set("trend", v)),
      checkbox("tier", "lagged TIP tier", st.opts.tier, (v) => set("tier", v)),
      select("estimator", "Estimator", ESTIMATORS, st.estimator, (v) => { st.estimator = v as ModelKind; refit(); }),
      select("vcov", "Standard errors", VCOVS, st.vcov, (v) => { st.vcov = v; refit(); }),
      select("yearFrom", "From", years, String(st.opts.yearFrom), (v) => set("yearFrom", Number(v))),
      select("yearTo", "To", years, String(st.opts.yearTo), (v) => set("yearTo", Number(v))),
    ),
    status,
    prov,
    el("h3", { text: "Coefficients" }),
    coefBox,
    glanceBox,
    el("div", { class: "grid" }, probBox, effBox),
  );

  let seq = 0;
  const run = async () => {
    const my = ++seq;
    if (st.opts.yearFrom > st.opts.yearTo) {
      status.textContent = `From ${st.opts.yearFrom} is after To ${st.opts.yearTo}.`;
      return;
    }
    status.textContent = "Fitting…";
    const base = studyModels(st.opts).find((m) => m.id === st.model) ?? studyModels(st.opts)[0];
    const off = new Set(CONTROL_GROUPS.filter(([id]) => st.dropped.has(id)).flatMap(([, , cols]) => cols));
    const spec = withEstimator({ ...base, controls: base.controls.filter((c) => !off.has(c.col)) }, st.estimator, st.vcov);
    const { rows, url } = await studyRows(meta, st.opts, [spec]);
    if (stale() || my !== seq) return;
    const sample = fitRows(spec, rows);
    const formula = formulaOf(spec);
    let fit: WorkerFit;
    try {
      fit = await fitInWorker(formula, sample, spec.estimator, st.vcov);
    } catch (err) {
      if (stale() || my !== seq) return;
      status.textContent = `The model could not be fitted: ${err instanceof Error ? err.message : String(err)}`;
      status.classList.add("error");
      // Do not leave the previous model's numbers on screen under these options.
      for (const b of [coefBox, glanceBox, probBox, effBox]) b.replaceChildren();
      prov.textContent = `Formula: ${formula}. Data: the dashboard's panel (${meta.origin}).`;
      return;
    }
    if (stale() || my !== seq) return;
    status.classList.remove("error");
    const r = fit.result;
    status.replaceChildren(
      `${spec.id} (${spec.title}) refitted in the browser in `,
      el("strong", { id: "refit-ms", "data-ms": fit.ms.toFixed(2), "data-round-trip-ms": fit.roundTripMs.toFixed(2), text: `${fit.ms.toFixed(1)} ms` }),
      ` (${fit.roundTripMs.toFixed(1)} ms with the trip to the worker and back): ${r.glance.nobs} country-years${r.glance.n_clusters !== null ? `, ${r.glance.n_clusters} clusters` : ""}.`,
    );
    prov.textContent = `Formula: ${formula}. Estimator: ${r.model}; ${r.vcov_description.replace(/\bccode\b/g, "country")}. Data: the dashboard's panel (${meta.origin}), TIP report years ${st.opts.yearFrom}-${st.opts.yearTo}. Predicted probabilities are averaged over the estimation sample, as in the report. Claim tested: ${spec.claim}`;
    prov.dataset.url = url;
    renderResults(r, spec, sample, rows.length - sample.length);
    host.dataset.formula = formula;
    host.dataset.fits = String(Number(host.dataset.fits ?? 0) + 1);
  };

  const renderResults = (r: ModelResults, spec: ModelSpec, sample: Row[], dropped: number) => {
    renderTable(coefBox, [
      { key: "term", label: "term" },
      { key: "estimate", label: "estimate", format: (v) => fmt(v, 4) },
      { key: "std_error", label: "std. error", format: (v) => fmt(v, 4) },
      { key: "statistic", label: r.statistic_name, format: (v) => fmt(v, 2) },
      { key: "p_value", label: "p", format: fmtPValue },
      { key: "conf_low", label: "95% low", format: (v) => fmt(v, 4) },
      { key: "conf_high", label: "95% high", format: (v) => fmt(v, 4) },
    ], r.tidy.map((t) => ({ term: t.term, estimate: t.estimate, std_error: t.std_error, statistic: t.statistic, p_value: t.p_value, conf_low: t.conf_low, conf_high: t.conf_high })), `coefficients-${spec.id}`);
    const g = r.glance;
    glanceBox.replaceChildren(
      el("p", { class: "glance", id: "glance-text", "data-dropped": dropped + g.n_dropped_missing, text: `N = ${g.nobs}; country-years of these report years dropped for missing values: ${dropped + g.n_dropped_missing}; log-likelihood ${fmt(g.loglik, 2)}; AIC ${fmt(g.aic, 1)}; pseudo-R² ${fmt(g.r2, 3)}; ${g.converged ? "converged" : "NOT converged"} in ${g.iterations} iterations.` }),
      ...r.warnings.map((w) => el("p", { class: "warning", role: "note", text: `Warning (${w.type}): ${w.message}` })),
    );
    void drawCurves(r, spec, sample);
  };

  const drawCurves = async (r: ModelResults, spec: ModelSpec, sample: Row[]) => {
    if (r.model === "clogit") {
      probBox.replaceChildren(el("p", { class: "caption", text: "Conditional logit has no intercept, so absolute probabilities are not identified; see the coefficients." }));
      effBox.replaceChildren();
      return;
    }
    if (!predictsProbabilities(r)) {
      probBox.replaceChildren(el("p", { class: "caption", text: "The linear probability model's predictions are its fitted line; see the coefficients." }));
    }
    // As in the report: average predicted probabilities over the estimation sample (other
    // variables as observed), at each size on a log(1 + personnel) grid.
    const key = spec.key.col;
    const top = Math.log1p(Math.max(1, maxOf(sample, key)));
    const xs = [...new Set(grid(0, top, 41).map((t) => Math.round(Math.expm1(t))))];
    const mod = spec.moderator;
    const levels: { label: string; value: number | null }[] = mod
      ? [0.25, 0.5, 0.9].map((q) => ({ label: `${mod.label} = ${quantile(sample, mod.col, q, key)} (p${Math.round(q * 100)} where deployed)`, value: quantile(sample, mod.col, q, key) }))
      : [{ label: "average over the sample", value: null }];
    const curve: Row[] = [];
    for (const lv of levels) {
      for (const x of xs) {
        const set = new Map<string, number>([[key, x]]);
        if (mod && lv.value !== null) set.set(mod.col, lv.value);
        const pr = averagePredictionAt(r, sample, set);
        if (Number.isFinite(pr.estimate)) curve.push({ [key]: x, level: lv.label, p: pr.estimate, low: Math.max(0, pr.conf_low), high: Math.min(1, pr.conf_high) });
      }
    }
    await renderChart(probBox, bandSpec(`Average predicted probability of ${r.response} = 1`, curve, key, `${spec.key.label.replace(/ \(log 1\+\)$/, "")} (log scale)`, "probability (95% CI)", "level", false, true), {
      name: `predicted-${spec.id}`, table: { columns: [key, "level", "p", "low", "high"], rows: curve },
    });
    if (stale()) return;
    const inter = interactionName(spec);
    if (!mod || !inter) {
      effBox.replaceChildren(el("p", { class: "caption", text: "Choose M2 or M3 for the interaction curve (the effect of size across duration or contributors)." }));
      return;
    }
    const zs = grid(0, Math.max(1, maxOf(sample, mod.col)), 31);
    const eff: Row[] = effectCurve(r, termName(spec.key), inter, termName(mod), zs).map((e) => ({ [mod.col]: e.moderator, p: e.effect, low: e.low, high: e.high, level: "effect" }));
    await renderChart(effBox, bandSpec(`Effect of ${termName(spec.key)} on the ${r.model === "ols" ? "probability" : "linear predictor"}, across ${mod.label}`, eff, mod.col, mod.label, "effect (95% CI)", null, true), {
      name: `interaction-${spec.id}`, table: { columns: [mod.col, "p", "low", "high"], rows: eff },
    });
  };

  const refit = debounce(() => void run(), 60);
  await run();
}

function quantile(rows: readonly Row[], col: string, q: number, key: string): number {
  const v = rows.filter((r) => Number(r[key]) > 0).map((r) => r[col]).filter((x): x is number => typeof x === "number").sort((a, b) => a - b);
  if (v.length === 0) return 0;
  return v[Math.min(v.length - 1, Math.floor(q * (v.length - 1)))];
}

/** A line with a confidence band; `zero` draws a reference line at 0. */
export function bandSpec(title: string, rows: Row[], x: string, xTitle: string, yTitle: string, color: string | null, zero = false, logX = false): TopLevelSpec {
  const domain = color ? [...new Set(rows.map((r) => String(r[color])))] : [];
  const enc = color ? { color: { field: color, type: "nominal", title: null, scale: { domain }, legend: { orient: "bottom", direction: "vertical" } } } : {};
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, anchor: "start", fontSize: 12 },
    width: "container", height: 220,
    data: { values: rows },
    layer: [
      { mark: { type: "area", opacity: 0.18 }, encoding: { x: { field: x, type: "quantitative", title: xTitle, ...(logX ? { scale: { type: "symlog", constant: 1 }, axis: { values: [0, 10, 100, 1000, 10000, 100000].filter((v) => v <= Math.max(10, ...rows.map((r) => Number(r[x])))), format: ",d" } } : {}) }, y: { field: "low", type: "quantitative", title: yTitle }, y2: { field: "high" }, ...enc } },
      { mark: { type: "line" }, encoding: { x: { field: x, type: "quantitative" }, y: { field: "p", type: "quantitative" }, ...enc } },
      ...(zero ? [{ data: { values: [{ z: 0 }] }, mark: { type: "rule", strokeDash: [3, 3], color: "#555" }, encoding: { y: { field: "z", type: "quantitative" } } }] : []),
    ],
  } as TopLevelSpec;
}
