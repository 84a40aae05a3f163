import type { ModelKind, ModelResults, TidyRow } from "../stats/results.js";
import { medianPositive, numOf, prepareRows, quantileOf, sampleAccount, sampleFor, type PanelRow, type SampleAccount } from "./data.js";
import { averagePrediction, firstDifference, marginalEffectAt, predictsProbabilities, type Estimate } from "./effects.js";
import { deriveFindings, fmt, type EffectSummary, type Finding, type FindingInput } from "./findings.js";
import type { StudyOptions } from "./options.js";
import { ROBUSTNESS_VARIANTS, variantModel, variantOptions, type RobustnessVariant } from "./robustness.js";
import { PktError } from "../core/errors.js";
import { columnsOf, formulaOf, interactionName, studyModels, termName, type ModelSpec, type VcovSpec } from "./spec.js";

/** Options passed to the estimation engine for one fit. */
export interface FitRequest {
  readonly model: ModelKind;
  readonly vcov: VcovSpec;
}

/** The engine the study runs on: a fit function (src/stats `fit`) and a panel builder (src/panel). */
export interface StudyEngine {
  fit(formula: string, rows: readonly PanelRow[], req: FitRequest): ModelResults;
  /** The country-year panel for the options and the source ids it read (called once per distinct panel option set). */
  panel(o: StudyOptions): { readonly rows: readonly PanelRow[]; readonly sources: readonly string[] };
  /** Called before each step, for progress messages. */
  progress?(step: string): void;
}

/** A fitted model of the study. */
export interface FittedModel {
  readonly spec: ModelSpec;
  readonly formula: string;
  readonly results: ModelResults;
  /** Number of countries in the estimation sample. */
  readonly countries: number;
  /** Share of the estimation sample with outcome 1. */
  readonly outcomeShare: number;
  /** Rows with the outcome known, kept, and dropped by variable and country. */
  readonly account: SampleAccount;
}

/** A point of a curve with its interval: `x` in the raw unit of the column on the axis. */
export interface CurvePoint extends Estimate {
  readonly x: number;
}

/** One cell of the robustness table: the key coefficient of one model under one variant. */
export interface RobustnessCell {
  readonly model: string;
  readonly term: string;
  readonly coefficient: TidyRow | null;
  readonly nobs: number | null;
  /**
   * For fixed-effects (conditional) models: the country-years and countries that
   * identify the estimate (those whose outcome varies); null otherwise.
   */
  readonly informative: { readonly rows: number; readonly groups: number } | null;
  /** False when the estimator did not converge (the estimate is shown but not to be trusted). */
  readonly converged: boolean;
  /** Why the model could not be estimated, or a warning worth showing. */
  readonly note: string | null;
}

/** One row of the robustness table. */
export interface RobustnessResult {
  readonly variant: RobustnessVariant;
  readonly options: StudyOptions;
  readonly cells: readonly RobustnessCell[];
}

/** A country on the world map for the map year. */
export interface MapRow {
  readonly iso3: string;
  readonly country: string;
  readonly un_total: number | null;
  readonly outcome: number | null;
}

/** Everything the report shows. Plain data. */
export interface StudyResults {
  readonly options: StudyOptions;
  readonly models: readonly FittedModel[];
  readonly findings: readonly Finding[];
  readonly curves: {
    readonly prediction: readonly CurvePoint[];
    readonly duration: readonly CurvePoint[];
    readonly tcc: readonly CurvePoint[];
  };
  readonly robustness: readonly RobustnessResult[];
  readonly map: readonly MapRow[];
  /** The analysis rows (sample years, derived columns added), as written to panel.csv. */
  readonly rows: readonly PanelRow[];
  /** Source ids the main models read, sorted. */
  readonly sources: readonly string[];
  /** Further source ids read only by robustness checks, sorted. */
  readonly robustnessSources: readonly string[];
  /** Main models that could not be estimated with these options, and why. */
  readonly failed: readonly { readonly id: string; readonly formula: string; readonly reason: string }[];
}

/** Panel options that change the panel itself (the rest only change the models). */
/** The options the prepared rows depend on: the panel's own, and the report years (prepareRows keeps those years and counts the trend from the first). */
function panelKey(o: StudyOptions): string {
  return JSON.stringify([o.unSource, o.reportAlignment, o.multiHost, o.kosovo, o.usTroops, o.yearFrom, o.yearTo]);
}

function fitModel(engine: StudyEngine, spec: ModelSpec, rows: readonly PanelRow[]): FittedModel {
  const missing = columnsOf(spec).filter((c) => !rows.some((r) => c in r));
  if (missing.length > 0) {
    throw new PktError(`model ${spec.id} needs panel column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, which the panel does not have`);
  }
  const sample = sampleFor(spec, rows);
  const formula = formulaOf(spec);
  const results = engine.fit(formula, sample, { model: spec.estimator, vcov: spec.vcov });
  const countries = new Set(sample.map((r) => r.ccode)).size;
  const ones = sample.filter((r) => numOf(r, spec.response) === 1).length;
  return { spec, formula, results, countries, outcomeShare: sample.length > 0 ? ones / sample.length : NaN, account: sampleAccount(spec, rows) };
}

/**
 * The moderator range the marginal-effect curves span: 5th to 95th percentile among
 * deployed country-years (the extremes, such as UNTSO's 60 years, rest on one or two countries).
 */
export const CURVE_RANGE: readonly [number, number] = [0.05, 0.95];

/** A grid from 0 to `max` evenly spaced on the log(1+x) scale, rounded to whole persons. */
export function sizeGrid(max: number, points = 41): number[] {
  const top = Math.log1p(Math.max(max, 1));
  const g = new Set<number>();
  for (let i = 0; i < points; i++) g.add(Math.round(Math.expm1((top * i) / (points - 1))));
  return [...g];
}

function linearGrid(lo: number, hi: number, points = 31): number[] {
  if (!(hi > lo)) return [lo];
  return Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
}

function effectsFor(id: FindingInput["id"], fm: FittedModel, sample: readonly PanelRow[]): EffectSummary[] {
  const r = fm.results;
  const col = fm.spec.key.col;
  if (id === "size" || id === "placebo") {
    if (!predictsProbabilities(r)) return [];
    const unit = id === "size" ? "personnel" : "US troops";
    const med = medianPositive(sample, col);
    const out: EffectSummary[] = [];
    if (med !== null) {
      out.push({
        what: `From none to ${fmt(med, 0)} ${unit} (median where present)`,
        scale: "probability",
        value: firstDifference(r, sample, col, 0, med),
      });
    }
    if (id === "size") out.push({ what: `From 1,000 to 10,000 ${unit}`, scale: "probability", value: firstDifference(r, sample, col, 1000, 10000) });
    return out;
  }
  const mod = fm.spec.moderator;
  const inter = interactionName(fm.spec);
  if (mod === null || inter === null) return [];
  const deployed = (row: PanelRow) => (numOf(row, col) ?? 0) > 0;
  const out: EffectSummary[] = [];
  for (const [q, name] of [
    [0.1, "10th"],
    [0.9, "90th"],
  ] as const) {
    const z = quantileOf(sample, mod.col, q, deployed);
    if (z === null) continue;
    out.push({
      what: `Effect of log personnel at ${fmt(z, 1)} ${mod.label.toLowerCase()} (${name} percentile where deployed)`,
      scale: "log-odds",
      value: marginalEffectAt(r, termName(fm.spec.key), inter, z),
    });
  }
  return out;
}

const CLAIM_IDS: Record<string, FindingInput["id"]> = { M1: "size", M2: "duration", M3: "tcc", M4: "placebo" };

function robustnessRow(engine: StudyEngine, v: RobustnessVariant, o: StudyOptions, panelFor: (o: StudyOptions) => PanelRow[]): RobustnessResult {
  const vo = variantOptions(v, o);
  let rows: PanelRow[];
  try {
    rows = panelFor(vo);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { variant: v, options: vo, cells: studyModels(vo).map((m) => ({ model: m.id, term: keyTermOf(m), coefficient: null, nobs: null, informative: null, converged: false, note: msg })) };
  }
  const cells = studyModels(vo).map((m0): RobustnessCell => {
    const m = variantModel(v, m0);
    const term = keyTermOf(m);
    const empty = columnsOf(m).filter((c) => rows.every((r) => r[c] === null || r[c] === undefined));
    if (empty.length > 0) {
      return { model: m.id, term, coefficient: null, nobs: null, informative: null, converged: false, note: `${empty.join(", ")} missing in every row with these options` };
    }
    try {
      const fm = fitModel(engine, m, rows);
      const row = fm.results.tidy.find((t) => t.term === term && t.aliased !== true) ?? null;
      const warn = fm.results.warnings.map((w) => w.message).join("; ");
      const informative = m.group === null ? null : informativeCount(sampleFor(m, rows), m.group, m.response);
      return { model: m.id, term, coefficient: row, nobs: fm.results.glance.nobs, informative, converged: fm.results.glance.converged, note: row === null ? `${term} not estimated` : warn === "" ? null : warn };
    } catch (err) {
      return { model: m.id, term, coefficient: null, nobs: null, informative: null, converged: false, note: err instanceof Error ? err.message : String(err) };
    }
  });
  return { variant: v, options: vo, cells };
}

/** The robustness row of the main specification, from the models already fitted. */
function mainRow(v: RobustnessVariant, o: StudyOptions, models: readonly FittedModel[]): RobustnessResult {
  const cells = models.map((fm): RobustnessCell => {
    const term = keyTermOf(fm.spec);
    const warn = fm.results.warnings.map((w) => w.message).join("; ");
    return { model: fm.spec.id, term, coefficient: fm.results.tidy.find((t) => t.term === term && t.aliased !== true) ?? null, nobs: fm.results.glance.nobs, informative: null, converged: fm.results.glance.converged, note: warn === "" ? null : warn };
  });
  return { variant: v, options: o, cells };
}

/** Rows and groups whose outcome varies within the group (what identifies a conditional logit). */
export function informativeCount(sample: readonly PanelRow[], group: string, response: string): { rows: number; groups: number } {
  const by = new Map<string, { n: number; ones: number }>();
  for (const r of sample) {
    const k = String(r[group]);
    const g = by.get(k) ?? { n: 0, ones: 0 };
    g.n++;
    if (numOf(r, response) === 1) g.ones++;
    by.set(k, g);
  }
  let rows = 0;
  let groups = 0;
  for (const g of by.values()) {
    if (g.ones > 0 && g.ones < g.n) {
      rows += g.n;
      groups++;
    }
  }
  return { rows, groups };
}

/** The coefficient a model is judged by: the interaction when there is one, else the exposure. */
export function keyTermOf(m: ModelSpec): string {
  return interactionName(m) ?? termName(m.key);
}

/**
 * Run the whole study: build the panel, fit M1-M4, compute the effects and curves,
 * derive the findings, and re-estimate the models for each robustness variant.
 */
export function runStudy(o: StudyOptions, engine: StudyEngine, variants: readonly RobustnessVariant[] = ROBUSTNESS_VARIANTS): StudyResults {
  const cache = new Map<string, PanelRow[]>();
  const used = new Set<string>();
  const panelFor = (po: StudyOptions): PanelRow[] => {
    const key = panelKey(po);
    let rows = cache.get(key);
    if (rows === undefined) {
      engine.progress?.(`building the panel (--un-source ${po.unSource}, --report-alignment ${po.reportAlignment}, --multi-host ${po.multiHost})`);
      const built = engine.panel(po);
      for (const id of built.sources) used.add(id);
      rows = prepareRows(built.rows, po);
      cache.set(key, rows);
    }
    return rows;
  };
  const rows = panelFor(o);
  const sources = [...used].sort();
  engine.progress?.("fitting M1-M4");
  const models: FittedModel[] = [];
  const failed: { id: string; formula: string; reason: string }[] = [];
  for (const m of studyModels(o)) {
    try {
      models.push(fitModel(engine, m, rows));
    } catch (err) {
      failed.push({ id: m.id, formula: formulaOf(m), reason: err instanceof Error ? err.message : String(err) });
    }
  }
  const byId = new Map(models.map((m) => [m.spec.id, m]));

  engine.progress?.("computing effects and findings");
  const inputs: FindingInput[] = studyModels(o).map((spec) => {
    const id = CLAIM_IDS[spec.id];
    const fm = byId.get(spec.id);
    const why = failed.find((f) => f.id === spec.id)?.reason;
    if (!fm) return { id, model: spec.id, claim: spec.claim, term: keyTermOf(spec), results: null, reason: why, effects: [] };
    return { id, model: spec.id, claim: spec.claim, term: keyTermOf(spec), results: fm.results, effects: effectsFor(id, fm, sampleFor(spec, rows)) };
  });
  const findings = deriveFindings(inputs);

  const m1 = byId.get("M1");
  const s1 = m1 ? sampleFor(m1.spec, rows) : [];
  const maxSize = Math.max(0, ...s1.map((r) => numOf(r, m1!.spec.key.col) ?? 0));
  const prediction = m1 && predictsProbabilities(m1.results)
    ? sizeGrid(maxSize).map((x) => ({ x, ...averagePrediction(m1.results, s1, m1.spec.key.col, x) }))
    : [];
  const meCurve = (id: string): CurvePoint[] => {
    const fm = byId.get(id);
    const inter = fm ? interactionName(fm.spec) : null;
    if (!fm || !fm.spec.moderator || inter === null) return [];
    const deployed = (r: PanelRow) => (numOf(r, fm.spec.key.col) ?? 0) > 0;
    const s = sampleFor(fm.spec, rows);
    const lo = quantileOf(s, fm.spec.moderator.col, CURVE_RANGE[0], deployed);
    const hi = quantileOf(s, fm.spec.moderator.col, CURVE_RANGE[1], deployed);
    if (lo === null || hi === null) return [];
    return linearGrid(lo, hi).map((z) => ({ x: z, ...marginalEffectAt(fm.results, termName(fm.spec.key), inter, z) }));
  };

  const robustness: RobustnessResult[] = [];
  for (const v of variants) {
    engine.progress?.(`robustness: ${v.label}`);
    robustness.push(v.id === "main" ? mainRow(v, o, models) : robustnessRow(engine, v, o, panelFor));
  }

  const map: MapRow[] = rows
    .filter((r) => numOf(r, "report_year") === o.mapYear && typeof r.iso3 === "string" && r.iso3 !== "")
    .map((r) => ({ iso3: r.iso3 as string, country: String(r.country ?? r.iso3), un_total: numOf(r, "un_total"), outcome: numOf(r, o.outcome) }));

  const robustnessSources = [...used].filter((id) => !sources.includes(id)).sort();
  return { options: o, models, findings, curves: { prediction, duration: meCurve("M2"), tcc: meCurve("M3") }, robustness, map, rows, sources, robustnessSources, failed };
}
