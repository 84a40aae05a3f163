/**
 * Inference under the null for a specification curve (Simonsohn, Simmons & Nelson 2020,
 * Nature Human Behaviour 4: 1208-1214), for a binary outcome: in each specification the
 * null (key coefficient 0) is imposed by fitting the model without the key term; each draw
 * simulates the outcome from those null probabilities with common random numbers (one
 * uniform per country-year, shared by every specification, so the draws keep the
 * dependence between specifications), refits every specification with the key term, and
 * records the curve's median estimate and its share of positive significant estimates.
 * The p-values are the shares of draws at least as extreme as the observed curve.
 */
import { OptionError } from "../core/errors.js";
import { fit, fitDetailed, predict, refitDesign, refitOutcome, type FitDetail, type RefitDesign, type TidyRow } from "../stats/index.js";
import { createRng } from "../stats/random.js";
import type { ModelKind } from "../stats/results.js";
import type { PanelRow } from "../study/data.js";
import type { Specification } from "./forks.js";
import type { SpecResult } from "./run.js";

/** One specification to test: its estimation rows, formula and the key term. */
export interface NullSpec {
  readonly formula: string;
  readonly kind: ModelKind;
  readonly vcov: string;
  readonly term: string;
  /** The estimation sample (listwise deletion done). */
  readonly rows: readonly PanelRow[];
}

/** What the null bootstrap needs of a specification besides its rows (plain data, sent to worker threads). */
export type NullChoice = Pick<SpecResult, "claim" | "choices" | "formula" | "kind" | "vcov" | "term">;

/** A chosen specification with its estimation rows. */
export function nullSpecOf(r: NullChoice, sampleOf: (spec: Specification) => PanelRow[]): NullSpec {
  return { formula: r.formula, kind: r.kind as ModelKind, vcov: r.vcov, term: r.term, rows: sampleOf({ claim: r.claim, choices: r.choices }) };
}

/** The result of {@link nullInference}. Plain data. */
export interface NullInference {
  readonly specs: number;
  readonly draws: number;
  readonly seed: number;
  readonly observed: CurveStats;
  /** Share of draws whose median estimate is at least the observed one. */
  readonly p_median: number;
  /** Share of draws whose share of positive significant estimates is at least the observed one. */
  readonly p_share: number;
  /** Per draw, the median estimate and share (for plots). */
  readonly null_draws: readonly CurveStats[];
}

/** Estimators with absolute predictions (no conditioned-out fixed effects), so the null can be simulated. */
export const NULL_KINDS: readonly ModelKind[] = ["logit", "probit", "firth", "relogit"];

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The formula without the key term: `y ~ k + a + b` -> `y ~ a + b`. */
export function dropTerm(formula: string, term: string): string {
  const [lhs, rhs] = formula.split("~");
  const terms = rhs.split("+").map((t) => t.trim()).filter((t) => t !== term);
  if (terms.length === rhs.split("+").length) throw new OptionError(`null inference: term ${term} is not in ${formula}`);
  return `${lhs.trim()} ~ ${terms.length > 0 ? terms.join(" + ") : "1"}`;
}

const rowKey = (r: PanelRow): string => `${String(r.ccode)}:${String(r.year)}`;

/** Curve statistics of one set of fits: median estimate and share positive with p < alpha. */
function curveStats(fits: readonly { estimate: number; p: number }[], alpha: number): CurveStats {
  return {
    median_estimate: median(fits.map((f) => f.estimate)),
    share_positive_significant: fits.filter((f) => f.estimate > 0 && f.p < alpha).length / fits.length,
  };
}

/** The key term's estimate and p-value in a set of tidy rows, or null when absent or not finite. */
function keyOf(tidy: readonly TidyRow[], term: string): { estimate: number; p: number } | null {
  const t = tidy.find((x) => x.term === term);
  return t === undefined || !Number.isFinite(t.p_value) ? null : { estimate: t.estimate, p: t.p_value };
}

/** The curve statistics of one draw (or of the observed fits). */
export interface CurveStats {
  readonly median_estimate: number;
  readonly share_positive_significant: number;
}

/** The specifications fitted on the observed data, with what every draw needs. Not plain data (holds designs). */
export interface PreparedNull {
  /** Each specification's key estimate and p-value on the observed data, in input order. */
  readonly observed: readonly { readonly estimate: number; readonly p: number }[];
  /** Country-years of all samples: draw b's common random number for each ({@link commonUniform}). */
  readonly keys: readonly { readonly ccode: number; readonly year: number }[];
  readonly prepared: readonly {
    /** The specification without its rows (the design holds what the draws need; the rows can be freed). */
    readonly s: Omit<NullSpec, "rows">;
    readonly detail: RefitDesign;
    readonly uIndex: Int32Array;
    readonly prob: Float64Array;
    /** The null model's coefficients with the key's at 0, where each draw's refit starts (undefined: from scratch). */
    readonly start: Readonly<Record<string, number>> | undefined;
  }[];
}

/**
 * Draw b's uniform for country-year (ccode, year): the first number of the seeded stream
 * (b, ccode, year). It depends on nothing else, so every specification that contains the
 * country-year sees the same number in draw b (common random numbers), whichever thread or
 * subset of specifications computes it.
 */
export function commonUniform(seed: number, b: number, ccode: number, year: number): number {
  if (!(Number.isInteger(ccode) && ccode >= 0 && ccode < 1024 && Number.isInteger(year) && year >= 1950 && year < 2078)) {
    throw new OptionError(`null inference: country-year ${ccode}:${year} is outside COW codes 0-1023 and years 1950-2077`);
  }
  return createRng(seed, (b * 1024 + ccode) * 128 + (year - 1950)).next();
}

/**
 * Fit `specs` (single-equation binary models of one claim, key term a main effect) on the
 * observed data and without their key term (the null). A specification that fails to fit
 * in the observed data is an error.
 */
export function prepareNull(specs: readonly NullSpec[]): PreparedNull {
  if (specs.length === 0) throw new OptionError("null inference: no specifications to test");
  const keyIndex = new Map<string, number>();
  const keys: { ccode: number; year: number }[] = [];
  const observed: { estimate: number; p: number }[] = [];
  const prepared = specs.map((s) => {
    if (!NULL_KINDS.includes(s.kind)) throw new OptionError(`null inference: ${s.kind} has no absolute predictions; use ${NULL_KINDS.join(", ")}`);
    let detail: FitDetail;
    try {
      detail = fitDetailed(s.formula, s.rows, { model: s.kind, vcov: s.vcov });
    } catch {
      throw new OptionError(`null inference: ${s.formula} (${s.kind}) does not fit the observed data`);
    }
    const obs = keyOf(detail.results.tidy, s.term);
    if (obs === null) throw new OptionError(`null inference: ${s.formula} (${s.kind}) does not fit the observed data`);
    observed.push(obs);
    const restricted = fit(dropTerm(s.formula, s.term), s.rows, { model: s.kind });
    const p0 = predict(restricted, s.rows, { type: "response" });
    // Per row of the fitted frame: its country-year's common random number and null probability.
    const uIndex = Int32Array.from(detail.frame.rowIndex, (r) => {
      const row = s.rows[r];
      const key = rowKey(row);
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = keys.length;
        keyIndex.set(key, k);
        keys.push({ ccode: Number(row.ccode), year: Number(row.year) });
      }
      return k;
    });
    const prob = Float64Array.from(detail.frame.rowIndex, (r) => p0[r] ?? 0);
    const { formula, kind, vcov, term } = s;
    return { s: { formula, kind, vcov, term }, detail: refitDesign(detail), uIndex, prob, start: nullStart(detail, restricted.tidy, s.term) };
  });
  return { observed, keys, prepared };
}

/**
 * Start values for the refits of the draws: the outcome is simulated from the null model, so
 * its coefficients (and 0 for the key) lie near each draw's estimate, and the iterations start
 * there, as glm(start = ...) would, instead of from R's default start; that saves about one
 * IRLS step in four. Only for the glm kernels (logit, probit); undefined when a term is missing.
 */
function nullStart(detail: FitDetail, restricted: readonly TidyRow[], key: string): Record<string, number> | undefined {
  if (detail.kernel.name !== "logit" && detail.kernel.name !== "probit") return undefined;
  const byTerm = new Map(restricted.map((t) => [t.term, t.estimate]));
  const start: Record<string, number> = {};
  for (const term of detail.results.terms) {
    const b = term === key ? 0 : byTerm.get(term);
    if (b === undefined || !Number.isFinite(b)) return undefined;
    start[term] = b;
  }
  return start;
}

/**
 * Draw b for every prepared specification: simulate its outcome under the null with the
 * draw's common random numbers and refit. Returns [estimate, p] per specification in input
 * order (NaN, NaN where the refit failed: it is left out of that draw's statistics).
 */
export function nullRefits(pn: PreparedNull, seed: number, b: number): Float64Array {
  const u = Float64Array.from(pn.keys, (k) => commonUniform(seed, b, k.ccode, k.year));
  const out = new Float64Array(2 * pn.prepared.length).fill(NaN);
  pn.prepared.forEach(({ s, detail, uIndex, prob, start }, j) => {
    // The same rows and design with the simulated outcome: refitOutcome gives what fit() on
    // the rows with that outcome would, without rebuilding the frame.
    const y = new Float64Array(uIndex.length);
    for (let i = 0; i < y.length; i++) y[i] = u[uIndex[i]] < prob[i] ? 1 : 0;
    try {
      const f = keyOf(refitOutcome(detail, y, { vcov: s.vcov, start }), s.term);
      if (f !== null) {
        out[2 * j] = f.estimate;
        out[2 * j + 1] = f.p;
      }
    } catch {
      // left out of this draw
    }
  });
  return out;
}

/**
 * The test's result from the observed fits and each draw's refits ([estimate, p] pairs over
 * all specifications, in one order; draws 0, 1, ... in order). A draw in which no
 * specification could be refitted is left out.
 */
export function assembleNull(
  observedFits: readonly { readonly estimate: number; readonly p: number }[],
  drawFits: readonly Float64Array[],
  seed: number,
  alpha = 0.05,
): NullInference {
  const observed = curveStats(observedFits, alpha);
  const kept: CurveStats[] = [];
  for (const d of drawFits) {
    const fits: { estimate: number; p: number }[] = [];
    for (let j = 0; j < d.length; j += 2) if (!Number.isNaN(d[j])) fits.push({ estimate: d[j], p: d[j + 1] });
    if (fits.length > 0) kept.push(curveStats(fits, alpha));
  }
  return {
    specs: observedFits.length,
    draws: kept.length,
    seed,
    observed,
    p_median: kept.filter((d) => d.median_estimate >= observed.median_estimate).length / kept.length,
    p_share: kept.filter((d) => d.share_positive_significant >= observed.share_positive_significant).length / kept.length,
    null_draws: kept,
  };
}

/** Check a draw count (a whole number >= 1). */
export function checkDraws(draws: number): void {
  if (!Number.isInteger(draws) || draws < 1) throw new OptionError(`null inference: draws must be a whole number >= 1, got ${draws}`);
}

/**
 * Run the null bootstrap over `specs` in this thread (see {@link prepareNull}); in a draw, a
 * specification that fails is left out of that draw's statistics.
 */
export function nullInference(specs: readonly NullSpec[], o: { draws: number; seed: number; alpha?: number }): NullInference {
  checkDraws(o.draws);
  const pn = prepareNull(specs);
  return assembleNull(pn.observed, Array.from({ length: o.draws }, (_, b) => nullRefits(pn, o.seed, b)), o.seed, o.alpha);
}
