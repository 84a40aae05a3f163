/**
 * The Multiverse view's arithmetic, kept out of the DOM: filters by fork option, the
 * summary line, the specification curve's ranking and scale, and a specification made
 * into the rows, formula, estimator and variance the browser's engine fits.
 */
import { FORKS, NOT_APPLICABLE, type ClaimId } from "../../../src/multiverse/forks.js";
import { LOG_ODDS_KINDS } from "../../../src/multiverse/figures.js";
import type { SpecRow } from "../../../src/multiverse/read-specs.js";
import { concreteSpec, excludedCountries, type ConcreteSpec } from "../../../src/multiverse/spec-model.js";
import { ALPHA } from "../../../src/multiverse/summary.js";
import { numOf, prepareRows, sampleFor, type PanelRow } from "../../../src/study/data.js";
import { columnsOf } from "../../../src/study/spec.js";

/** A specification as /api/multiverse/specs sends it. */
export type SpecPoint = Pick<SpecRow, "index" | "choices" | "estimate" | "std_error" | "p_value" | "conf_low" | "conf_high" | "nobs" | "kind" | "error">;

/** /api/multiverse/specs: the choices of each row in the order of `forks`. */
export interface SpecsResponse {
  readonly claim: string;
  readonly forks: readonly string[];
  readonly rows: readonly (Omit<SpecPoint, "choices"> & { readonly choices: readonly string[] })[];
}

/** The rows of /api/multiverse/specs with their choices as fork id -> option. */
export function decodeSpecs(res: SpecsResponse): SpecPoint[] {
  return res.rows.map((r) => ({ ...r, choices: Object.fromEntries(res.forks.map((f, i) => [f, r.choices[i]])) }));
}

/** Fork id -> chosen option id ("" or absent: every option). */
export type Filters = Readonly<Record<string, string>>;

/** A fork the data vary over, with the options present, in declared order. */
export interface PresentFork {
  readonly id: string;
  readonly label: string;
  readonly options: readonly string[];
}

/** Forks with at least two options among `rows` (the ones a filter or the choice matrix can speak to). */
export function forksPresent(rows: readonly SpecPoint[]): PresentFork[] {
  const out: PresentFork[] = [];
  for (const f of FORKS) {
    const seen = new Set(rows.map((r) => r.choices[f.id]).filter((o) => o !== undefined && o !== NOT_APPLICABLE));
    const options = f.options.map((o) => o.id).filter((o) => seen.has(o));
    if (options.length > 1) out.push({ id: f.id, label: f.label, options });
  }
  return out;
}

/** The rows whose choices match every set filter. */
export function applyFilters(rows: readonly SpecPoint[], filters: Filters): SpecPoint[] {
  const set = Object.entries(filters).filter(([, v]) => v !== "");
  return rows.filter((r) => set.every(([k, v]) => r.choices[k] === v));
}

/** Estimated: no error, an estimate, SE and p-value. */
export const estimated = (r: SpecPoint): boolean => r.error === null && r.estimate !== null && r.p_value !== null && r.std_error !== null;

/** The curve's colour classes, in legend order. */
export const STATUS = ["positive, p < 0.05", "p ≥ 0.05", "negative, p < 0.05"] as const;
export type Status = (typeof STATUS)[number];

/** Sign and significance of an estimated specification (p < 0.05, as summary.json counts). */
export function statusOf(r: SpecPoint): Status {
  if (r.p_value! < ALPHA) return r.estimate! > 0 ? STATUS[0] : STATUS[2];
  return STATUS[1];
}

function median(v: number[]): number | null {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The counts behind the summary line (shares over the estimated specifications, as in summary.json). */
export interface Tally {
  readonly shown: number;
  readonly total: number;
  readonly estimated: number;
  readonly positive: number;
  readonly negative: number;
  readonly medianEstimate: number | null;
  readonly medianZ: number | null;
}

/** Count, shares significant and medians of the visible specifications. */
export function tallyOf(visible: readonly SpecPoint[], total: number): Tally {
  const est = visible.filter(estimated);
  return {
    shown: visible.length,
    total,
    estimated: est.length,
    positive: est.filter((r) => r.estimate! > 0 && r.p_value! < ALPHA).length,
    negative: est.filter((r) => r.estimate! < 0 && r.p_value! < ALPHA).length,
    medianEstimate: median(est.map((r) => r.estimate!)),
    medianZ: median(est.map((r) => r.estimate! / r.std_error!).filter(Number.isFinite)),
  };
}

const int = (n: number): string => n.toLocaleString("en-US");
const pct = (k: number, n: number): string => (n === 0 ? "n/a" : `${((100 * k) / n).toFixed(1)}%`);

/** "N of M specifications; X% positive and p < 0.05 (Y% negative); median estimate E, median z Z." */
export function summaryLine(t: Tally): string {
  const failed = t.shown - t.estimated;
  return (
    `${int(t.shown)} of ${int(t.total)} specifications${failed > 0 ? ` (${int(failed)} not estimated)` : ""}; ` +
    `${pct(t.positive, t.estimated)} positive and p < 0.05, ${pct(t.negative, t.estimated)} negative and p < 0.05; ` +
    `median estimate ${t.medianEstimate === null ? "n/a" : t.medianEstimate.toFixed(3)}, median z ${t.medianZ === null ? "n/a" : t.medianZ.toFixed(2)}.`
  );
}

/** The scale of an estimator's coefficient: only one scale is drawn on the curve's axis. */
export function scaleOf(kind: string): "log-odds" | "probit" | "probability" {
  if (LOG_ODDS_KINDS.includes(kind)) return "log-odds";
  return kind === "probit" ? "probit" : "probability";
}

/** The curve: the estimated specifications of one scale, ranked by estimate (ties by index). */
export interface Curve {
  readonly scale: "log-odds" | "probit" | "probability";
  /** Ranked, all of them (the list shows every one). */
  readonly ranked: readonly SpecPoint[];
  /** Estimated specifications left off the axis because their coefficients are on another scale. */
  readonly otherScale: number;
}

/** Rank the visible specifications on the log-odds scale when there are any, else on the scale present. */
export function curveOf(visible: readonly SpecPoint[]): Curve {
  const est = visible.filter(estimated);
  const scales = new Set(est.map((r) => scaleOf(r.kind)));
  const scale = scales.has("log-odds") ? "log-odds" : scales.has("probit") ? "probit" : "probability";
  const ranked = est.filter((r) => scaleOf(r.kind) === scale).sort((a, b) => a.estimate! - b.estimate! || a.index - b.index);
  return { scale, ranked, otherScale: est.length - ranked.length };
}

/** The specification a row stands for, made concrete (formula, estimator, variance, options, term). */
export function concreteOf(row: Pick<SpecRow, "claim" | "choices">): ConcreteSpec {
  return concreteSpec({ claim: row.claim as ClaimId, choices: row.choices });
}

/** Panel columns the browser fetches to rebuild a specification's sample: the study's derived columns and the observer-only rule read them. */
export const SAMPLE_COLUMNS: readonly string[] = [
  "ccode", "iso3", "country", "year", "tip_tier", "un_total", "un_troops", "un_police", "us_troops",
  "un_duration_years", "un_duration_main_years", "un_duration_any_years",
];

/**
 * The estimation sample of a specification from the dashboard's panel rows, exactly as
 * the runner builds it (src/multiverse/run.ts): the study's prepared rows for its report
 * years, the sample option's countries left out, listwise deletion; only the columns the
 * fit reads (and `year`, for two-way clustering).
 */
export function specSample(cs: ConcreteSpec, sampleOption: string, panel: readonly PanelRow[]): { rows: Record<string, number | string | null>[]; exclude: readonly number[] } {
  const prepared = prepareRows(panel, cs.options);
  const exclude = excludedCountries(sampleOption, prepared);
  const drop = new Set(exclude);
  const kept = drop.size === 0 ? prepared : prepared.filter((r) => !drop.has(numOf(r, "ccode") ?? NaN));
  const cols = [...new Set([...columnsOf(cs.model), "ccode", "year"])];
  const rows = sampleFor(cs.model, kept).map((r) => {
    const o: Record<string, number | string | null> = {};
    for (const c of cols) {
      const v = r[c];
      o[c] = typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);
    }
    return o;
  });
  return { rows, exclude };
}

/** Whether a browser estimate agrees with specs.csv: within 1e-6, relative to the estimate's size when it is above 1. */
export function agrees(browser: number, csv: number, tol = 1e-6): boolean {
  return Math.abs(browser - csv) <= tol * Math.max(1, Math.abs(csv));
}
