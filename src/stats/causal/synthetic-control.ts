import { OptionError } from "../../core/errors.js";
import { simplexLeastSquares } from "./simplex-qp.js";

/**
 * Synthetic control (Abadie, Diamond & Hainmueller 2010), outcome-path version:
 * donor weights w >= 0 summing to one minimise the squared distance between the
 * treated unit's pre-treatment outcomes and the weighted donors' pre-treatment
 * outcomes. Inference by placebo-in-space: every donor in turn is treated as if it
 * had been treated, and the treated unit's post/pre RMSPE ratio is ranked among them.
 */
export interface SynthInput {
  /** Unit identifiers (the treated unit and the donor pool). */
  readonly units: readonly string[];
  /** Sorted time points (e.g. years). */
  readonly times: readonly number[];
  /** Outcome, units x times; null = missing. */
  readonly y: readonly (readonly (number | null)[])[];
  readonly treated: string;
  /** First treated time point; earlier times form the pre-period. */
  readonly treatmentTime: number;
  /** Donor pool (default: every other unit). Donors with a missing outcome in the window are dropped and named. */
  readonly donors?: readonly string[];
}

export interface SynthResult {
  readonly treated: string;
  readonly treatmentTime: number;
  readonly times: readonly number[];
  /** Non-zero donor weights, largest first (weights below 1e-6 are omitted). */
  readonly weights: readonly { readonly unit: string; readonly weight: number }[];
  readonly actual: readonly number[];
  readonly synthetic: readonly number[];
  /** actual - synthetic. */
  readonly gap: readonly number[];
  readonly preRmspe: number;
  readonly postRmspe: number;
  /** postRmspe / preRmspe. */
  readonly ratio: number;
  /** Mean post-treatment gap: the estimated average effect on the treated. */
  readonly att: number;
  readonly donorsUsed: readonly string[];
  readonly donorsDropped: readonly string[];
  readonly converged: boolean;
}

function completeRow(row: readonly (number | null)[]): row is readonly number[] {
  return row.every((v) => v !== null && Number.isFinite(v));
}

/** Fit a synthetic control for one treated unit. */
export function syntheticControl(input: SynthInput): SynthResult {
  const { units, times, y, treated, treatmentTime } = input;
  const ti = units.indexOf(treated);
  if (ti < 0) throw new OptionError(`synthetic control: treated unit ${JSON.stringify(treated)} is not among the units`);
  const t0 = times.findIndex((t) => t >= treatmentTime);
  if (t0 < 2) throw new OptionError(`synthetic control: need at least 2 pre-treatment periods before ${treatmentTime}, have ${Math.max(t0, 0)}`);
  if (t0 === -1 || t0 >= times.length) throw new OptionError(`synthetic control: no period at or after ${treatmentTime}`);
  const y1 = y[ti];
  if (!completeRow(y1)) throw new OptionError(`synthetic control: treated unit ${treated} has missing outcomes in ${times[0]}-${times.at(-1)}`);
  const pool = (input.donors ?? units).filter((u) => u !== treated);
  const used: string[] = [];
  const dropped: string[] = [];
  const rows: (readonly number[])[] = [];
  for (const d of pool) {
    const j = units.indexOf(d);
    if (j < 0) throw new OptionError(`synthetic control: donor ${JSON.stringify(d)} is not among the units`);
    const r = y[j];
    if (completeRow(r)) {
      used.push(d);
      rows.push(r);
    } else dropped.push(d);
  }
  if (used.length < 2) throw new OptionError(`synthetic control: need at least 2 donors with complete outcomes, have ${used.length}`);
  const k = used.length;
  // A: pre-periods x donors; b: the treated unit's pre-period outcomes.
  const A = new Float64Array(t0 * k);
  const b = new Float64Array(t0);
  for (let t = 0; t < t0; t++) {
    b[t] = y1[t];
    for (let a = 0; a < k; a++) A[t * k + a] = rows[a][t];
  }
  const qp = simplexLeastSquares(A, b, k);
  const synthetic = times.map((_, t) => {
    let s = 0;
    for (let a = 0; a < k; a++) s += qp.w[a] * rows[a][t];
    return s;
  });
  const gap = times.map((_, t) => y1[t] - synthetic[t]);
  const rmspe = (from: number, to: number): number => {
    let s = 0;
    for (let t = from; t < to; t++) s += gap[t] * gap[t];
    return Math.sqrt(s / (to - from));
  };
  const preRmspe = rmspe(0, t0);
  const postRmspe = rmspe(t0, times.length);
  let att = 0;
  for (let t = t0; t < times.length; t++) att += gap[t];
  att /= times.length - t0;
  const weights = used
    .map((unit, a) => ({ unit, weight: qp.w[a] }))
    .filter((w) => w.weight >= 1e-6)
    .sort((p, q) => q.weight - p.weight || (p.unit < q.unit ? -1 : 1));
  return {
    treated,
    treatmentTime,
    times: [...times],
    weights,
    actual: [...y1],
    synthetic,
    gap,
    preRmspe,
    postRmspe,
    ratio: preRmspe > 0 ? postRmspe / preRmspe : Infinity,
    att,
    donorsUsed: used,
    donorsDropped: dropped,
    converged: qp.converged,
  };
}

export interface SynthPlaceboResult {
  readonly fit: SynthResult;
  /** One fit per donor treated as if treated at the same time (donor pool: the other donors). */
  readonly placebos: readonly SynthResult[];
  /** Share of units (treated included) whose post/pre RMSPE ratio is at least the treated unit's. */
  readonly pValue: number;
  /** The same, keeping only placebos whose pre-period RMSPE is at most `maxPreRmspeMultiple` times the treated unit's. */
  readonly pValueFiltered: number;
  readonly maxPreRmspeMultiple: number;
}

/** Synthetic control with placebo-in-space inference. */
export function syntheticControlPlacebo(input: SynthInput, opts: { maxPreRmspeMultiple?: number } = {}): SynthPlaceboResult {
  const fit = syntheticControl(input);
  const placebos: SynthResult[] = [];
  for (const d of fit.donorsUsed) {
    const others = fit.donorsUsed.filter((u) => u !== d);
    placebos.push(syntheticControl({ ...input, treated: d, donors: others }));
  }
  const mult = opts.maxPreRmspeMultiple ?? 5;
  const rank = (ps: readonly SynthResult[]): number => (1 + ps.filter((p) => p.ratio >= fit.ratio).length) / (ps.length + 1);
  return {
    fit,
    placebos,
    pValue: rank(placebos),
    pValueFiltered: rank(placebos.filter((p) => p.preRmspe <= mult * fit.preRmspe)),
    maxPreRmspeMultiple: mult,
  };
}
