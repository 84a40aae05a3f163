import { PktError } from "../core/errors.js";
import type { PanelRow } from "../panel/panel.js";
import { eventStudy, type EventStudyResult } from "../stats/causal/event-study.js";
import { syntheticControlPlacebo } from "../stats/causal/synthetic-control.js";
import type { Onset } from "./onsets.js";

/** An outcome with yearly variation that the designs can use, and the calendar years it covers. */
export interface DesignOutcome {
  readonly col: "p3_total" | "tip_tier" | "pdest";
  readonly label: string;
  readonly years: readonly [number, number];
  /** Which direction is "worse" for trafficking, in words. */
  readonly direction: string;
}

/** The outcomes used: 3P index (2000-2013), TIP tier (reports 2001-2015 at calendar 2000-2014), pdest (reports 2001-2011). */
export const DESIGN_OUTCOMES: readonly DesignOutcome[] = [
  { col: "p3_total", label: "3P policy index", years: [2000, 2013], direction: "lower = weaker anti-trafficking policy" },
  { col: "tip_tier", label: "TIP tier", years: [2000, 2014], direction: "higher = worse compliance" },
  { col: "pdest", label: "HTI pdest (linear probability)", years: [2000, 2010], direction: "1 = listed as a destination" },
];

/** Minimum pre-treatment years with the outcome for a synthetic control. */
export const MIN_PRE_YEARS = 3;

/** A synthetic-control estimate for one treated country and outcome, or why there is none. */
export interface SynthCase {
  readonly ccode: number;
  readonly country: string;
  readonly outcome: DesignOutcome["col"];
  readonly onset: number | null;
  /** Null when the design cannot be run; `reason` says why. */
  readonly estimate: {
    readonly years: readonly number[];
    readonly actual: readonly number[];
    readonly synthetic: readonly number[];
    readonly att: number;
    readonly preRmspe: number;
    readonly postRmspe: number;
    readonly pValue: number;
    readonly pValueFiltered: number;
    readonly placebos: number;
    readonly donors: number;
    readonly weights: readonly { readonly unit: string; readonly weight: number }[];
  } | null;
  readonly reason: string | null;
}

function value(r: PanelRow | undefined, col: string): number | null {
  const v = r?.[col];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** An onset usable for an outcome, and the first year of its clean pre-period. */
export interface UsableOnset {
  readonly onset: number;
  /** First outcome year after any earlier UN presence: years before it are not used for this country. */
  readonly cleanFrom: number;
}

/**
 * The first onset in the outcome's years with at least `minPre` outcome years without
 * UN personnel just before it (an earlier, ended deployment may precede those years:
 * its years are then left out for this country).
 */
export function usableOnset(o: Onset | undefined, out: DesignOutcome, minPre: number): UsableOnset | null {
  if (o === undefined) return null;
  for (const g of o.years) {
    if (g > out.years[1]) continue;
    let cleanFrom = out.years[0];
    for (let y = out.years[0]; y < g; y++) if (o.deployed.has(y)) cleanFrom = y + 1;
    if (g - cleanFrom >= minPre) return { onset: g, cleanFrom };
  }
  return null;
}

function why(o: Onset | undefined, out: DesignOutcome): string {
  if (o === undefined) return "not in the panel";
  if (o.years.length === 0) {
    return o.leftCensored ? "UN personnel present since the source's first years: no onset is observed" : "no UN deployment onset in 1990-2017";
  }
  return `UN onset${o.years.length > 1 ? "s" : ""} ${o.years.join(", ")}: none has ${MIN_PRE_YEARS}+ years of ${out.label} data (${out.years[0]}-${out.years[1]}) without UN personnel just before it`;
}

/**
 * Synthetic control (outcome path) for one treated country: the years used are the
 * outcome's years where the treated country has a value; donors are the never-hosts
 * with a value in every one of those years; inference by placebo-in-space.
 */
export function synthFor(
  panel: ReadonlyMap<string, PanelRow>,
  ccode: number,
  country: string,
  onset: Onset | undefined,
  out: DesignOutcome,
  donors: readonly number[],
): SynthCase {
  const base = { ccode, country, outcome: out.col };
  const u = usableOnset(onset, out, MIN_PRE_YEARS);
  if (u === null) return { ...base, onset: onset?.years[0] ?? null, estimate: null, reason: why(onset, out) };
  const g = u.onset;
  const times: number[] = [];
  for (let y = u.cleanFrom; y <= out.years[1]; y++) if (value(panel.get(`${ccode}:${y}`), out.col) !== null) times.push(y);
  const pre = times.filter((t) => t < g).length;
  if (pre < MIN_PRE_YEARS || times.at(-1)! < g) {
    return { ...base, onset: g, estimate: null, reason: `only ${pre} pre-onset year(s) with ${out.label} data` };
  }
  const units = [String(ccode), ...donors.map(String)];
  const y = units.map((u) => times.map((t) => value(panel.get(`${u}:${t}`), out.col)));
  try {
    const r = syntheticControlPlacebo({ units, times, y, treated: String(ccode), treatmentTime: g });
    return {
      ...base,
      onset: g,
      estimate: {
        years: times,
        actual: r.fit.actual,
        synthetic: r.fit.synthetic,
        att: r.fit.att,
        preRmspe: r.fit.preRmspe,
        postRmspe: r.fit.postRmspe,
        pValue: r.pValue,
        pValueFiltered: r.pValueFiltered,
        placebos: r.placebos.length,
        donors: r.fit.donorsUsed.length,
        weights: r.fit.weights.slice(0, 5),
      },
      reason: null,
    };
  } catch (e) {
    if (e instanceof PktError) return { ...base, onset: g, estimate: null, reason: e.message };
    throw e;
  }
}

/** The event-study sample and estimate for one outcome. */
export interface EventStudyCase {
  readonly outcome: DesignOutcome["col"];
  readonly result: EventStudyResult | null;
  readonly reason: string | null;
  /** Never-hosts with rows in the outcome's years (the controls). */
  readonly neverTreated: number;
  /** Treated countries and their onset years. */
  readonly treated: readonly { readonly ccode: number; readonly country: string; readonly onset: number }[];
}

/** Options of the event-study application. */
export interface EventStudyOptions {
  readonly window: readonly [number, number];
  readonly reps: number;
  readonly seed: number;
}

/**
 * Staggered-adoption event study of an outcome around UN deployment onset: treated are
 * countries with a usable onset in the outcome's years (at least one earlier year of
 * data for the base period), controls are the never-hosts; every other country is left out.
 */
export function eventStudyFor(
  rows: readonly PanelRow[],
  onsets: ReadonlyMap<number, Onset>,
  never: ReadonlySet<number>,
  out: DesignOutcome,
  o: EventStudyOptions,
): EventStudyCase {
  const adoption = new Map<string, number | null>();
  const treated: { ccode: number; country: string; onset: number }[] = [];
  const cleanFrom = new Map<string, number>();
  for (const [ccode, on] of onsets) {
    if (never.has(ccode)) adoption.set(String(ccode), null);
    else {
      const u = usableOnset(on, out, 1);
      if (u !== null) {
        adoption.set(String(ccode), u.onset);
        cleanFrom.set(String(ccode), u.cleanFrom);
        treated.push({ ccode, country: on.country, onset: u.onset });
      }
    }
  }
  const data = rows
    .filter((r) => adoption.has(String(r.ccode)) && (r.year as number) >= (cleanFrom.get(String(r.ccode)) ?? out.years[0]) && (r.year as number) <= out.years[1])
    .map((r) => ({ unit: String(r.ccode), time: r.year as number, y: value(r, out.col) }));
  treated.sort((a, b) => a.onset - b.onset || a.ccode - b.ccode);
  const present = new Set(data.map((d) => d.unit));
  const neverTreated = [...adoption].filter(([u, g]) => g === null && present.has(u)).length;
  const base = { outcome: out.col, treated, neverTreated };
  try {
    const result = eventStudy({ rows: data, adoption, window: o.window, reps: o.reps, seed: o.seed });
    return { ...base, result, reason: null };
  } catch (e) {
    if (e instanceof PktError) return { ...base, result: null, reason: e.message };
    throw e;
  }
}
