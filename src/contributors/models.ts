import { fit, fitDetailed, predict, refitOutcome, type ModelResults } from "../stats/index.js";
import { plogis } from "../stats/distributions.js";
import { createRng } from "../stats/random.js";
import { CONTROLS, SIZE, type Outcome } from "./spec.js";

/** A row for the moderation models: `y`, `un_total`, `moderator` (0 for non-hosts), the controls and `ccode`. */
export type ModRow = Readonly<Record<string, number | string | null>>;

/** An estimate with its 95% interval. */
export interface Interval {
  readonly estimate: number;
  readonly std_error: number;
  readonly conf_low: number;
  readonly conf_high: number;
  readonly p_value: number;
}

/** Effect of size at one moderator value. */
export interface SlopePoint {
  readonly x: number;
  readonly estimate: number;
  readonly conf_low: number;
  readonly conf_high: number;
}

/** Power analysis of the interaction (simulation from the fitted model). */
export interface Power {
  /** The larger of |mdeLower| and mdeHigher: an interaction of this size either way is detected with 80% power; null when either side is not reached. */
  readonly mde: number | null;
  /** Smallest negative interaction rejected (p < 0.05, two-sided) in 80% of simulated samples; null when not reached by -`searched`. */
  readonly mdeLower: number | null;
  /** The same for positive interactions. */
  readonly mdeHigher: number | null;
  /** Upper end of the search (8 standard errors of the interaction). */
  readonly searched: number;
  /** Rejection rate with the interaction set to 0 (the test's real size; 0.05 if it is honest). */
  readonly rejectAtZero: number;
  /** Why no MDE is given, when it is not. */
  readonly note: string | null;
  readonly nsim: number;
  readonly seed: number;
  /** How outcomes were simulated, in words. */
  readonly method: string;
}

/** The declared verdict. */
/**
 * The declared verdict, in terms of the size coefficient's sign: "lowers" = a negative
 * interaction (the size effect is lower where the share is higher). For listing and tier a
 * lower size effect is less harm; for the 3P index (higher = more effort) it is more.
 */
export type Verdict = "lowers the size effect" | "raises the size effect" | "no meaningful moderation" | "the data cannot tell" | "cannot rule out a lower effect" | "cannot rule out a higher effect";

/** Everything about one outcome x moderator. */
export interface ModerationResult {
  readonly outcome: string;
  readonly moderator: string;
  readonly n: number;
  readonly hosts: number;
  readonly clusters: number;
  /** First and last calendar year of the estimation sample (within the outcome's years, where the moderator exists). */
  readonly years: readonly [number, number];
  readonly formula: string;
  /** Coefficient of log1p(un_total) x moderator. */
  readonly interaction: Interval;
  /** Size effect without the moderator on the same rows. */
  readonly size: Interval;
  /** Interquartile range of the moderator among host-years in the sample. */
  readonly iqr: number;
  /** Median personnel among host-years in the sample. */
  readonly medianSize: number;
  /** Smallest interaction that counts as meaningful: outcome.meaningful / (iqr x log1p(medianSize)). */
  readonly meaningful: number;
  /** Size effect at the moderator's 25th and 75th percentile among hosts. */
  readonly slopeLow: SlopePoint;
  readonly slopeHigh: SlopePoint;
  /** Size effect across the moderator's range among hosts (figure). */
  readonly curve: readonly SlopePoint[];
  /** Split samples at the median among hosts (non-hosts in both): size coefficient below/at and above. */
  readonly split: { readonly median: number; readonly below: Interval & { readonly n: number }; readonly above: Interval & { readonly n: number } };
  readonly power: Power;
  readonly verdict: Verdict;
  readonly warnings: readonly string[];
}

const INTER = `${SIZE}:moderator`;

function term(r: ModelResults, name: string): Interval {
  const t = r.tidy.find((x) => x.term === name);
  if (t === undefined) throw new Error(`term ${name} not estimated (dropped: ${r.warnings.map((w) => w.message).join("; ")})`);
  return { estimate: t.estimate, std_error: t.std_error, conf_low: t.conf_low, conf_high: t.conf_high, p_value: t.p_value };
}

function fitOne(formula: string, rows: readonly ModRow[], model: Outcome["model"]): ModelResults {
  return fit(formula, rows, { model, vcov: { type: "cluster", by: ["ccode"] } });
}

function quantile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

function sampleYears(rows: readonly ModRow[], fallback: readonly [number, number]): readonly [number, number] {
  const ys = rows.map((r) => r.year).filter((y): y is number => typeof y === "number");
  return ys.length === 0 ? fallback : [Math.min(...ys), Math.max(...ys)];
}

/** The verdict rule: the interaction's interval against +/- the meaningful size. */
export function verdictOf(ci: { conf_low: number; conf_high: number }, meaningful: number): Verdict {
  const { conf_low: lo, conf_high: hi } = ci;
  if (lo < -meaningful && hi > meaningful) return "the data cannot tell";
  if (hi < 0) return "lowers the size effect";
  if (lo > 0) return "raises the size effect";
  if (lo >= -meaningful && hi <= meaningful) return "no meaningful moderation";
  return lo < -meaningful ? "cannot rule out a lower effect" : "cannot rule out a higher effect";
}

/**
 * The size effect moderated by one host-year share: `y ~ log1p(un_total) * moderator + controls`
 * (moderator 0 for non-hosts, whose size term is 0 too, so only hosts identify the
 * interaction), clustered by country; split samples at the hosts' median; and the power
 * of the interaction test by simulation.
 */
export function analyseModeration(rows: readonly ModRow[], outcome: Pick<Outcome, "col" | "model" | "years" | "meaningful">, moderatorCol: string, opts: { seed: number; nsim: number }): ModerationResult {
  const warnings: string[] = [];
  const sample = rows.filter((r) => r.y !== null && r.moderator !== null && [r.gdppc, r.pop, r.v2x_polyarchy, r.civil_conflict, r.trend, r.un_total].every((v) => v !== null) && (r.gdppc as number) > 0 && (r.pop as number) > 0);
  const hostRows = sample.filter((r) => (r.un_total as number) > 0);
  const mods = hostRows.map((r) => r.moderator as number);
  const formula = `y ~ ${SIZE} + moderator + ${CONTROLS} + ${INTER}`;
  const full = fitOne(formula, sample, outcome.model);
  for (const w of full.warnings) warnings.push(`interaction model: ${w.message}`);
  const base = fitOne(`y ~ ${SIZE} + ${CONTROLS}`, sample, outcome.model);
  const interaction = term(full, INTER);
  const size = term(base, SIZE);
  const q25 = quantile(mods, 0.25);
  const q75 = quantile(mods, 0.75);
  const iqr = q75 - q25;
  if (!(iqr > 0)) throw new Error(`the moderator does not vary among the ${hostRows.length} host-years (interquartile range 0)`);
  const medianSize = quantile(hostRows.map((r) => r.un_total as number), 0.5);
  const meaningful = outcome.meaningful / (iqr * Math.log1p(medianSize));
  const slopeAt = slopeFn(full);
  const lo = Math.min(...mods);
  const hi = Math.max(...mods);
  const curve = Array.from({ length: 41 }, (_, i) => slopeAt(lo + ((hi - lo) * i) / 40));
  const median = quantile(mods, 0.5);
  const splitFit = (keep: (m: number) => boolean) => {
    const s = sample.filter((r) => (r.un_total as number) === 0 || keep(r.moderator as number));
    try {
      const f = fitOne(`y ~ ${SIZE} + ${CONTROLS}`, s, outcome.model);
      return { ...term(f, SIZE), n: f.glance.nobs };
    } catch (err) {
      warnings.push(`split sample: ${(err as Error).message}`);
      return { estimate: NaN, std_error: NaN, conf_low: NaN, conf_high: NaN, p_value: NaN, n: s.length };
    }
  };
  const power = powerOf(full, sample, outcome.model, interaction.std_error, opts);
  return {
    outcome: outcome.col,
    moderator: moderatorCol,
    n: full.glance.nobs,
    hosts: hostRows.length,
    clusters: full.glance.n_clusters ?? 0,
    years: sampleYears(sample, outcome.years),
    formula,
    interaction,
    size,
    iqr,
    medianSize,
    meaningful,
    slopeLow: slopeAt(q25),
    slopeHigh: slopeAt(q75),
    curve,
    split: { median, below: splitFit((m) => m <= median), above: splitFit((m) => m > median) },
    power,
    verdict: verdictOf(interaction, meaningful),
    warnings,
  };
}

/** Size effect b_size + b_int * m with its delta-method interval (the interaction's critical value). */
function slopeFn(r: ModelResults): (m: number) => SlopePoint {
  const i = r.terms.indexOf(SIZE);
  const j = r.terms.indexOf(INTER);
  const t = r.tidy[j];
  const crit = (t.conf_high - t.estimate) / t.std_error;
  return (m) => {
    const est = r.coef[i] + m * r.coef[j];
    const v = r.vcov[i][i] + m * m * r.vcov[j][j] + 2 * m * r.vcov[i][j];
    const se = Math.sqrt(Math.max(0, v));
    return { x: m, estimate: est, conf_low: est - crit * se, conf_high: est + crit * se };
  };
}

/**
 * Minimum detectable interaction at 80% power: outcomes simulated from the fitted model with
 * the interaction set to delta (logit: Bernoulli draws; OLS: fitted values plus the residuals
 * with a random sign per country, which keeps their within-country correlation), refitted
 * with clustered SEs; power = share with p < 0.05. Common random numbers across delta, and
 * bisection on delta between 0 and 8 standard errors.
 */
export function powerOf(full: ModelResults, sample: readonly ModRow[], model: Outcome["model"], se: number, opts: { seed: number; nsim: number }): Power {
  const j = full.terms.indexOf(INTER);
  const eta = predict(full, sample, { type: "link" }).map((v) => v ?? 0);
  const lm = sample.map((r) => Math.log1p(r.un_total as number) * (r.moderator as number));
  const y = sample.map((r) => r.y as number);
  const resid = y.map((v, i) => v - eta[i]);
  const clusters = [...new Set(sample.map((r) => r.ccode as number))];
  const cidx = new Map(clusters.map((c, k) => [c, k]));
  const draws = Array.from({ length: opts.nsim }, (_, s) => {
    const rng = createRng(opts.seed, s);
    return { u: sample.map(() => rng.next()), sign: clusters.map(() => (rng.next() < 0.5 ? -1 : 1)) };
  });
  const fitOpts = { model, vcov: { type: "cluster", by: ["ccode"] } } as const;
  // The design, its rank check and the clusters do not depend on the outcome: fit once, then
  // refit only the outcome of each simulated sample (refitOutcome = fit() on those rows).
  const detail = fitDetailed(full.formula, sample, fitOpts);
  const rowIndex = detail.frame.rowIndex;
  const k = detail.results.terms.indexOf(INTER);
  const cl = sample.map((r) => cidx.get(r.ccode as number)!);
  const powerAt = (delta: number): number => {
    let hits = 0;
    for (const d of draws) {
      const y = Float64Array.from(rowIndex, (i) => {
        const e = eta[i] + (delta - full.coef[j]) * lm[i];
        return model === "logit" ? (d.u[i] < plogis(e) ? 1 : 0) : e + resid[i] * d.sign[cl[i]];
      });
      try {
        const t = refitOutcome(detail, y, fitOpts)[k];
        if (t !== undefined && t.p_value < 0.05) hits++;
      } catch {
        // a simulated sample the model cannot fit (e.g. no variation) counts as not detected
      }
    }
    return hits / draws.length;
  };
  const method =
    model === "logit"
      ? "outcomes drawn as Bernoulli from the fitted logit with the interaction set to the candidate value (independent within country, so power may be overstated when outcomes are clustered)"
      : "fitted values with the interaction set to the candidate value plus the fitted residuals, each country's multiplied by a random sign (wild cluster draw)";
  const common = { searched: 8 * se, nsim: opts.nsim, seed: opts.seed, method };
  const rejectAtZero = powerAt(0);
  if (rejectAtZero > 0.2) {
    const note = `the clustered test rejects a zero interaction in ${Math.round(rejectAtZero * 100)}% of simulated samples, so its p-values (and any MDE) are not to be trusted here`;
    return { ...common, mde: null, mdeLower: null, mdeHigher: null, rejectAtZero, note };
  }
  const search = (sign: 1 | -1): number | null => {
    let lo = 0;
    let hi = 8 * se;
    if (!Number.isFinite(hi) || powerAt(sign * hi) < 0.8) return null;
    for (let k = 0; k < 6; k++) {
      const mid = (lo + hi) / 2;
      if (powerAt(sign * mid) >= 0.8) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const lower = search(-1);
  const higher = search(1);
  const mde = lower === null || higher === null ? null : Math.max(lower, higher);
  const note = mde === null ? "80% power is not reached within 8 standard errors on at least one side (near-separation of the simulated outcomes)" : null;
  return { ...common, mde, mdeLower: lower === null ? null : -lower, mdeHigher: higher, rejectAtZero, note };
}
