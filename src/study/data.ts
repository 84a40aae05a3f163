import { declareSubset } from "../stats/index.js";
import type { StudyOptions } from "./options.js";
import { columnsOf, type ModelSpec, type TermSpec } from "./spec.js";

/** One country-year of the panel as the study reads it: column name -> value (null = missing). */
export type PanelRow = Readonly<Record<string, number | string | boolean | null>>;

/** The numeric value of a column, or null when missing or not a finite number. */
export function numOf(row: PanelRow, col: string): number | null {
  const v = row[col];
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v ? 1 : 0;
  return null;
}

/** A transformed term value, or null when the transformation is undefined (log of 0 or less). */
export function termValue(row: PanelRow, t: Pick<TermSpec, "col" | "fn">): number | null {
  const v = numOf(row, t.col);
  if (v === null) return null;
  if (t.fn === "log") return v > 0 ? Math.log(v) : null;
  if (t.fn === "log1p") return v > -1 ? Math.log1p(v) : null;
  return v;
}

/** COW code of the United States, whose own troops at home are not a foreign presence. */
const USA = 2;

/** A duration column, with 0 for a country-year without UN personnel (the panel leaves it missing there). */
function durationOrZero(r: PanelRow, col: "un_duration_years" | "un_duration_main_years" | "un_duration_any_years"): number | null {
  const d = numOf(r, col);
  if (d !== null) return d;
  return numOf(r, "un_total") === 0 ? 0 : null;
}

/** The TIP report year whose outcome sits on a panel row of calendar year `year`. */
export function reportYearOf(year: number, o: Pick<StudyOptions, "reportAlignment">): number {
  return o.reportAlignment === "t-1" ? year + 1 : year;
}

/**
 * Keep the rows whose outcome comes from TIP report years `yearFrom`-`yearTo` (the panel
 * is keyed by calendar year; under the `t-1` alignment report year t sits on calendar
 * year t-1) and add the derived columns the study uses: `report_year`; `trend` =
 * report year - yearFrom; `tip_tier_lag` = the same country's tier one report earlier;
 * `un_duration` = `un_duration_years`, 0 where no UN personnel are present;
 * `un_duration_main` = `un_duration_main_years` (the largest mission line's), likewise 0;
 * `un_duration_any` = `un_duration_any_years` (version 0.1's rule), likewise 0;
 * `us_troops_foreign` = `us_troops`, but 0 for the United States itself (the series
 * counts US troops at home, which are not a foreign military presence).
 * Rows are returned sorted by ccode then year, so the output is deterministic.
 */
export function prepareRows(panel: readonly PanelRow[], o: StudyOptions): PanelRow[] {
  const tier = new Map<string, number | null>();
  for (const r of panel) tier.set(`${String(r.ccode)}:${String(r.year)}`, numOf(r, "tip_tier"));
  const out: PanelRow[] = [];
  for (const r of panel) {
    const year = numOf(r, "year");
    if (year === null) continue;
    const ry = reportYearOf(year, o);
    if (ry < o.yearFrom || ry > o.yearTo) continue;
    // Frozen: the rows are shared by every sample and estimator built on them, and fit() reads
    // the columns of a frozen array of frozen rows once (src/stats/formula/frame-impl.ts).
    out.push(Object.freeze({
      ...r,
      report_year: ry,
      trend: ry - o.yearFrom,
      tip_tier_lag: tier.get(`${String(r.ccode)}:${year - 1}`) ?? null,
      un_duration: durationOrZero(r, "un_duration_years"),
      un_duration_main: durationOrZero(r, "un_duration_main_years"),
      un_duration_any: durationOrZero(r, "un_duration_any_years"),
      us_troops_foreign: numOf(r, "ccode") === USA ? (r.us_troops === null ? null : 0) : numOf(r, "us_troops"),
    }));
  }
  const key = (r: PanelRow) => (numOf(r, "ccode") ?? 0) * 10000 + (numOf(r, "year") ?? 0);
  for (let i = 1; i < out.length; i++) {
    if (key(out[i - 1]) > key(out[i])) {
      out.sort((a, b) => key(a) - key(b));
      break;
    }
  }
  // Frozen too, so samples drawn from it gather their columns from it (sampleFor).
  return Object.freeze(out) as PanelRow[];
}

/**
 * The estimation sample of a model: rows where every column the model reads is present
 * and every transformation is defined (listwise deletion, done here so N is known before
 * fitting and the same rows go to every estimator).
 */
export function sampleFor(m: ModelSpec, rows: readonly PanelRow[]): PanelRow[] {
  const terms: Array<Pick<TermSpec, "col" | "fn">> = [m.key, ...(m.moderator ? [m.moderator] : []), ...m.controls];
  const plain = columnsOf(m);
  const key = JSON.stringify([m.response, plain, terms.map((t) => [t.col, t.fn])]);
  let byKey = SAMPLES.get(rows);
  if (byKey === undefined) SAMPLES.set(rows, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  // Each condition once per row set as a 0/1 mask (many models share columns), then their AND.
  const masks = [
    ...plain.map((c) => presentMask(rows, `present ${c}`, (r) => r[c] !== null && r[c] !== undefined)),
    ...terms.map((t) => presentMask(rows, `term ${t.fn} ${t.col}`, (r) => termValue(r, t) !== null)),
    presentMask(rows, `number ${m.response}`, (r) => numOf(r, m.response) !== null),
  ];
  const keep: PanelRow[] = [];
  const index: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    let ok = true;
    for (let k = 0; k < masks.length && ok; k++) ok = masks[k][i] === 1;
    if (ok) {
      keep.push(rows[i]);
      index.push(i);
    }
  }
  const sample = Object.freeze(keep) as PanelRow[];
  // fit() then reads each column once on the frozen rows and gathers the sample's.
  if (Object.isFrozen(rows)) declareSubset(sample, rows, Int32Array.from(index));
  byKey.set(key, sample);
  return sample;
}

const MASKS = new WeakMap<readonly PanelRow[], Map<string, Uint8Array>>();

/** 1 where `test` holds for a row of `rows`, computed once per (rows, key). */
function presentMask(rows: readonly PanelRow[], key: string, test: (r: PanelRow) => boolean): Uint8Array {
  let byKey = MASKS.get(rows);
  if (byKey === undefined) MASKS.set(rows, (byKey = new Map()));
  let m = byKey.get(key);
  if (m === undefined) {
    m = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i++) m[i] = test(rows[i]) ? 1 : 0;
    byKey.set(key, m);
  }
  return m;
}

/** Rows a model lost to one variable, with the countries they belong to. */
export interface DroppedBy {
  /** The column (or term, e.g. `log(gdppc)`) first found missing or undefined, in model order. */
  readonly variable: string;
  readonly rows: number;
  /** Country name (or ccode) -> rows, largest first. */
  readonly countries: readonly { readonly country: string; readonly rows: number }[];
}

/** What listwise deletion did to a model: rows with the outcome, rows kept, rows dropped by variable. */
export interface SampleAccount {
  /** Rows of the sample years where the outcome is known (the country is in that TIP report). */
  readonly withOutcome: number;
  readonly kept: number;
  readonly dropped: readonly DroppedBy[];
}

/**
 * Account for the rows a model drops: among rows with the outcome known, each row not in
 * `sampleFor`'s sample is charged to the first of the model's variables (response, key,
 * moderator, controls, in that order) that is missing or undefined there.
 */
export function sampleAccount(m: ModelSpec, rows: readonly PanelRow[]): SampleAccount {
  const withOutcome = rows.filter((r) => numOf(r, m.response) !== null);
  const terms: Array<Pick<TermSpec, "col" | "fn">> = [m.key, ...(m.moderator ? [m.moderator] : []), ...m.controls];
  const plain = columnsOf(m).filter((c) => !terms.some((t) => t.col === c));
  const by = new Map<string, Map<string, number>>();
  let kept = 0;
  for (const r of withOutcome) {
    const badTerm = terms.find((t) => r[t.col] === null || r[t.col] === undefined || termValue(r, t) === null);
    const badPlain = badTerm === undefined ? plain.find((c) => r[c] === null || r[c] === undefined) : undefined;
    const variable = badTerm !== undefined ? (badTerm.fn === "id" || r[badTerm.col] === null || r[badTerm.col] === undefined ? badTerm.col : `${badTerm.fn}(${badTerm.col})`) : badPlain;
    if (variable === undefined) {
      kept += 1;
      continue;
    }
    let c = by.get(variable);
    if (c === undefined) by.set(variable, (c = new Map()));
    const name = typeof r.country === "string" ? r.country : String(r.ccode);
    c.set(name, (c.get(name) ?? 0) + 1);
  }
  const dropped = [...by]
    .map(([variable, c]) => ({
      variable,
      rows: [...c.values()].reduce((a, b) => a + b, 0),
      countries: [...c].map(([country, n]) => ({ country, rows: n })).sort((a, b) => b.rows - a.rows || (a.country < b.country ? -1 : 1)),
    }))
    .sort((a, b) => b.rows - a.rows || (a.variable < b.variable ? -1 : 1));
  return { withOutcome: withOutcome.length, kept, dropped };
}

/** Samples already drawn, per row array and model columns (the same sample serves several estimators). */
const SAMPLES = new WeakMap<readonly PanelRow[], Map<string, PanelRow[]>>();

/** The median of the positive values of a column (e.g. a typical deployment size), or null. */
export function medianPositive(rows: readonly PanelRow[], col: string): number | null {
  const v = rows.map((r) => numOf(r, col)).filter((x): x is number => x !== null && x > 0).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The p-th quantile (0..1, type 7 as R's default) of a column's non-missing values among rows where `where` holds. */
export function quantileOf(rows: readonly PanelRow[], col: string, p: number, where: (r: PanelRow) => boolean = () => true): number | null {
  const v = rows.filter(where).map((r) => numOf(r, col)).filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  return v[lo] + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]) - v[lo]);
}
