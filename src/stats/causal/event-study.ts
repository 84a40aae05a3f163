import { OptionError } from "../../core/errors.js";
import { createRng } from "../random.js";

/**
 * Event study with staggered adoption, after Callaway & Sant'Anna (2021): group-time
 * average treatment effects ATT(g, t) against never-treated units, with the period
 * before adoption (g - 1) as the base for every t (a "universal" base period, so
 * ATT(g, g - 1) = 0 by construction, as in the usual event-study plot), aggregated to
 * event time e = t - g with weights proportional to cohort size. Unconditional parallel
 * trends; no covariates. Inference: unit (pairs) bootstrap; replicate b draws from
 * stream b of the project's seeded generator, so the same seed gives the same intervals.
 */
export interface EventStudyInput {
  /** One row per unit and time; units are resampled whole by the bootstrap. */
  readonly rows: readonly { readonly unit: string; readonly time: number; readonly y: number | null }[];
  /** First treated time per unit; units absent from the map (or null) are never treated. */
  readonly adoption: ReadonlyMap<string, number | null>;
  /** Event times to report, e.g. -5..5 (default: every event time with data). */
  readonly window?: readonly [number, number];
  /** Bootstrap replicates (default 499; 0 = none). */
  readonly reps?: number;
  /** Seed for the bootstrap. */
  readonly seed: number;
  /** Confidence level (default 0.95). */
  readonly level?: number;
}

export interface EventTimeEstimate {
  readonly e: number;
  readonly att: number;
  readonly se: number | null;
  readonly conf_low: number | null;
  readonly conf_high: number | null;
  /** Cohorts that contribute at this event time. */
  readonly cohorts: number;
  /** Treated units that contribute at this event time. */
  readonly units: number;
}

export interface EventStudyResult {
  readonly estimates: readonly EventTimeEstimate[];
  /** Average of the post-adoption event-time effects (e >= 0 within the window). */
  readonly overall: { readonly att: number; readonly se: number | null; readonly conf_low: number | null; readonly conf_high: number | null };
  readonly nTreated: number;
  readonly nNeverTreated: number;
  readonly cohorts: readonly number[];
  readonly reps: number;
  readonly seed: number;
}

interface Prepared {
  readonly units: string[];
  readonly times: number[];
  /** y[unit][timeIndex], NaN = missing. */
  readonly y: Float64Array[];
  readonly g: (number | null)[];
}

function prepare(input: EventStudyInput): Prepared {
  const unitIndex = new Map<string, number>();
  const timeSet = new Set<number>();
  for (const r of input.rows) {
    if (!unitIndex.has(r.unit)) unitIndex.set(r.unit, unitIndex.size);
    timeSet.add(r.time);
  }
  const units = [...unitIndex.keys()];
  const times = [...timeSet].sort((a, b) => a - b);
  const tIndex = new Map(times.map((t, i) => [t, i]));
  const y = units.map(() => new Float64Array(times.length).fill(NaN));
  for (const r of input.rows) {
    if (r.y !== null && Number.isFinite(r.y)) y[unitIndex.get(r.unit)!][tIndex.get(r.time)!] = r.y;
  }
  return { units, times, y, g: units.map((u) => input.adoption.get(u) ?? null) };
}

/** Point estimates for a given multiset of units (indices, possibly repeated). */
function estimate(p: Prepared, sample: readonly number[], window: readonly [number, number]): Map<number, { att: number; cohorts: number; units: number }> {
  const tIndex = new Map(p.times.map((t, i) => [t, i]));
  const never = sample.filter((i) => p.g[i] === null);
  const byCohort = new Map<number, number[]>();
  for (const i of sample) {
    const g = p.g[i];
    if (g === null) continue;
    const list = byCohort.get(g) ?? [];
    list.push(i);
    byCohort.set(g, list);
  }
  const acc = new Map<number, { sum: number; weight: number; cohorts: number; units: number }>();
  for (const [g, members] of byCohort) {
    const base = tIndex.get(g - 1);
    if (base === undefined) continue;
    for (let e = window[0]; e <= window[1]; e++) {
      const ti = tIndex.get(g + e);
      if (ti === undefined) continue;
      const meanDiff = (idx: readonly number[]): [number, number] => {
        let s = 0;
        let n = 0;
        for (const i of idx) {
          const d = p.y[i][ti] - p.y[i][base];
          if (Number.isFinite(d)) {
            s += d;
            n++;
          }
        }
        return [n > 0 ? s / n : NaN, n];
      };
      const [dt, nt] = meanDiff(members);
      const [dc, nc] = meanDiff(never);
      if (nt === 0 || nc === 0) continue;
      const a = acc.get(e) ?? { sum: 0, weight: 0, cohorts: 0, units: 0 };
      a.sum += nt * (dt - dc);
      a.weight += nt;
      a.cohorts += 1;
      a.units += nt;
      acc.set(e, a);
    }
  }
  const out = new Map<number, { att: number; cohorts: number; units: number }>();
  for (const [e, a] of acc) out.set(e, { att: a.sum / a.weight, cohorts: a.cohorts, units: a.units });
  return out;
}

function overallOf(m: Map<number, { att: number }>): number {
  const post = [...m.entries()].filter(([e]) => e >= 0).map(([, v]) => v.att);
  return post.length ? post.reduce((s, v) => s + v, 0) / post.length : NaN;
}

function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

/** Estimate the event study; see the module comment. */
export function eventStudy(input: EventStudyInput): EventStudyResult {
  const p = prepare(input);
  const nNever = p.g.filter((g) => g === null).length;
  const treated = p.g.filter((g) => g !== null).length;
  if (nNever === 0) throw new OptionError("event study: no never-treated units to compare with");
  if (treated === 0) throw new OptionError("event study: no treated units");
  const span = p.times.at(-1)! - p.times[0];
  const window: readonly [number, number] = input.window ?? [-span, span];
  const all = p.units.map((_, i) => i);
  const point = estimate(p, all, window);
  const reps = input.reps ?? 499;
  const level = input.level ?? 0.95;
  const draws = new Map<number, number[]>();
  const overallDraws: number[] = [];
  for (let b = 0; b < reps; b++) {
    const rnd = createRng(input.seed, b);
    const sample = all.map(() => rnd.nextInt(all.length));
    const est = estimate(p, sample, window);
    for (const [e, v] of est) {
      const list = draws.get(e) ?? [];
      list.push(v.att);
      draws.set(e, list);
    }
    const o = overallOf(est);
    if (Number.isFinite(o)) overallDraws.push(o);
  }
  const alpha = (1 - level) / 2;
  const interval = (att: number, d: number[] | undefined) => {
    if (!d || d.length < 2) return { se: null, conf_low: null, conf_high: null };
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const se = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (d.length - 1));
    const sorted = [...d].sort((a, b) => a - b);
    void att;
    return { se, conf_low: quantile(sorted, alpha), conf_high: quantile(sorted, 1 - alpha) };
  };
  const estimates = [...point.entries()]
    .sort(([a], [b]) => a - b)
    .map(([e, v]) => ({ e, att: v.att, cohorts: v.cohorts, units: v.units, ...interval(v.att, draws.get(e)) }));
  const overallAtt = overallOf(point);
  return {
    estimates,
    overall: { att: overallAtt, ...interval(overallAtt, overallDraws) },
    nTreated: treated,
    nNeverTreated: nNever,
    cohorts: [...new Set(p.g.filter((g): g is number => g !== null))].sort((a, b) => a - b),
    reps,
    seed: input.seed,
  };
}
