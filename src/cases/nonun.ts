import type { PanelRow } from "../panel/panel.js";
import { fit } from "../stats/index.js";
import type { ModelResults, TidyRow } from "../stats/results.js";
import { medianPositive, numOf, prepareRows, sampleFor } from "../study/data.js";
import { firstDifference, type Estimate } from "../study/effects.js";
import { DEFAULT_OPTIONS, type StudyOptions } from "../study/options.js";
import { formulaOf, interactionName, studyModels, termName, type ModelSpec, type TermSpec } from "../study/spec.js";

/** One exposure whose size model is fitted. */
export interface NonUnExposure {
  readonly id: string;
  readonly col: string;
  readonly label: string;
}

/** The exposures, UN first (the study's M1), then non-UN overall and by organisation type. */
export const NON_UN_EXPOSURES: readonly NonUnExposure[] = [
  { id: "un", col: "un_total", label: "UN personnel (study M1)" },
  { id: "nonun", col: "nonun_total", label: "All non-UN personnel" },
  { id: "nato", col: "nonun_nato", label: "NATO" },
  { id: "eu", col: "nonun_eu", label: "EU" },
  { id: "regional", col: "nonun_regional", label: "Regional organisations (AU, ECOWAS, CIS, ...)" },
  { id: "single_state", col: "nonun_single_state", label: "Single state / coalition" },
];

/** One fitted non-UN (or UN) model and what it says. */
export interface NonUnModel {
  readonly id: string;
  readonly label: string;
  readonly formula: string;
  readonly results: ModelResults;
  /** The exposure's coefficient (log-odds per unit of log(1 + personnel)). */
  readonly key: TidyRow | null;
  /** The interaction's coefficient, for the duration model. */
  readonly interaction: TidyRow | null;
  readonly nobs: number;
  readonly countries: number;
  /** Country-years in the sample with the exposure > 0, and the countries they belong to. */
  readonly exposedRows: number;
  readonly exposedCountries: number;
  /** Exposed country-years that are destinations. */
  readonly exposedDestinations: number;
  /** Median positive exposure in the sample (persons). */
  readonly median: number | null;
  /** Change in the average predicted probability from 0 to the median positive exposure. */
  readonly firstDifference: Estimate | null;
}

/**
 * Years since the current continuous run of non-UN presence began (0 in its first year),
 * 0 in years without; a run already under way in Bara-Hultman's first year (1993) is
 * counted from there. Missing where `nonun_any` is missing.
 */
export function withNonUnDuration(rows: readonly PanelRow[]): PanelRow[] {
  const sorted = [...rows].sort((a, b) => (a.ccode as number) - (b.ccode as number) || (a.year as number) - (b.year as number));
  const out: PanelRow[] = [];
  let prevC = NaN;
  let prevY = NaN;
  let start: number | null = null;
  for (const r of sorted) {
    const c = r.ccode as number;
    const y = r.year as number;
    const any = numOf(r, "nonun_any");
    if (c !== prevC || y !== prevY + 1) start = null;
    let d: number | null = null;
    if (any === 1) {
      if (start === null) start = y;
      d = y - start;
    } else {
      start = null;
      d = any === 0 ? 0 : null;
    }
    out.push({ ...r, nonun_duration: d });
    prevC = c;
    prevY = y;
  }
  return out;
}

function keySpec(base: ModelSpec, e: NonUnExposure, extra: Partial<ModelSpec> = {}): ModelSpec {
  const key: TermSpec = { col: e.col, fn: "log1p", label: e.label };
  return { ...base, id: e.id, title: e.label, key, moderator: null, ...extra };
}

function summarise(id: string, label: string, spec: ModelSpec, rows: readonly PanelRow[]): NonUnModel {
  const sample = sampleFor(spec, rows);
  const formula = formulaOf(spec);
  const results = fit(formula, sample, { model: "logit", vcov: { type: "cluster", by: ["ccode"] } });
  const keyName = termName(spec.key);
  const inter = interactionName(spec);
  const exposed = sample.filter((r) => (numOf(r, spec.key.col) ?? 0) > 0);
  const median = medianPositive(sample, spec.key.col);
  const fd = median !== null && spec.moderator === null ? firstDifference(results, sample, spec.key.col, 0, median) : null;
  return {
    id,
    label,
    formula,
    results,
    key: results.tidy.find((t) => t.term === keyName && t.aliased !== true) ?? null,
    interaction: inter === null ? null : (results.tidy.find((t) => t.term === inter && t.aliased !== true) ?? null),
    nobs: sample.length,
    countries: new Set(sample.map((r) => r.ccode)).size,
    exposedRows: exposed.length,
    exposedCountries: new Set(exposed.map((r) => r.ccode)).size,
    exposedDestinations: exposed.filter((r) => numOf(r, spec.response) === 1).length,
    median,
    firstDifference: fd,
  };
}

/** The study rows the non-UN models use: report years 2001-2011 under the study's default options, plus `nonun_duration`. */
export function nonUnRows(panelRows: readonly PanelRow[], o: StudyOptions = DEFAULT_OPTIONS): PanelRow[] {
  const withDur = withNonUnDuration(panelRows);
  return prepareRows(withDur, o);
}

/**
 * The size model (the study's M1: logit of the outcome on log(1 + personnel) and its
 * controls, clustered by country) for each exposure in {@link NON_UN_EXPOSURES}; then
 * UN and non-UN together, and non-UN size x years of non-UN presence. Bara-Hultman has
 * no contributor counts, so there is no contributor interaction for non-UN forces.
 */
export function nonUnModels(rows: readonly PanelRow[], o: StudyOptions = DEFAULT_OPTIONS): NonUnModel[] {
  const m1 = studyModels(o)[0];
  const out = NON_UN_EXPOSURES.map((e) => summarise(e.id, e.label, keySpec(m1, e), rows));
  const all = NON_UN_EXPOSURES[1];
  const both = keySpec(m1, all, { controls: [{ col: "un_total", fn: "log1p", label: "UN personnel (log 1+)" }, ...m1.controls] });
  out.push(summarise("nonun+un", "All non-UN, holding UN personnel constant", both, rows));
  const dur = keySpec(m1, all, { moderator: { col: "nonun_duration", fn: "id", label: "Years of non-UN presence" } });
  out.push(summarise("nonun-x-duration", "All non-UN x years of non-UN presence", dur, rows));
  return out;
}
