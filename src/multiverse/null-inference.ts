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
import { fit, fitDetailed, predict, refitOutcome, type FitDetail, type TidyRow } from "../stats/index.js";
import { createRng } from "../stats/random.js";
import type { ModelKind } from "../stats/results.js";
import type { PanelRow } from "../study/data.js";

/** One specification to test: its estimation rows, formula and the key term. */
export interface NullSpec {
  readonly formula: string;
  readonly kind: ModelKind;
  readonly vcov: string;
  readonly term: string;
  /** The estimation sample (listwise deletion done). */
  readonly rows: readonly PanelRow[];
}

/** The result of {@link nullInference}. Plain data. */
export interface NullInference {
  readonly specs: number;
  readonly draws: number;
  readonly seed: number;
  readonly observed: { readonly median_estimate: number; readonly share_positive_significant: number };
  /** Share of draws whose median estimate is at least the observed one. */
  readonly p_median: number;
  /** Share of draws whose share of positive significant estimates is at least the observed one. */
  readonly p_share: number;
  /** Per draw, the median estimate and share (for plots). */
  readonly null_draws: readonly { readonly median_estimate: number; readonly share_positive_significant: number }[];
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
function curveStats(fits: readonly { estimate: number; p: number }[], alpha: number): { median_estimate: number; share_positive_significant: number } {
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

/**
 * Run the null bootstrap over `specs` (single-equation binary models of one claim, key
 * term a main effect). Specifications that fail to fit in the observed data are an error;
 * in a draw, a specification that fails is left out of that draw's statistics.
 */
export function nullInference(specs: readonly NullSpec[], o: { draws: number; seed: number; alpha?: number }): NullInference {
  if (specs.length === 0) throw new OptionError("null inference: no specifications to test");
  if (!Number.isInteger(o.draws) || o.draws < 1) throw new OptionError(`null inference: draws must be a whole number >= 1, got ${o.draws}`);
  const alpha = o.alpha ?? 0.05;
  const keys = [...new Set(specs.flatMap((s) => s.rows.map(rowKey)))].sort();
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const prepared = specs.map((s) => {
    if (!NULL_KINDS.includes(s.kind)) throw new OptionError(`null inference: ${s.kind} has no absolute predictions; use ${NULL_KINDS.join(", ")}`);
    let detail: FitDetail;
    try {
      detail = fitDetailed(s.formula, s.rows, { model: s.kind, vcov: s.vcov });
    } catch {
      throw new OptionError(`null inference: ${s.formula} (${s.kind}) does not fit the observed data`);
    }
    const observed = keyOf(detail.results.tidy, s.term);
    if (observed === null) throw new OptionError(`null inference: ${s.formula} (${s.kind}) does not fit the observed data`);
    const restricted = fit(dropTerm(s.formula, s.term), s.rows, { model: s.kind });
    const p0 = predict(restricted, s.rows, { type: "response" });
    // Per row of the fitted frame: its country-year's common random number and null probability.
    const rows = detail.frame.rowIndex;
    const uIndex = Int32Array.from(rows, (r) => keyIndex.get(rowKey(s.rows[r]))!);
    const prob = Float64Array.from(rows, (r) => p0[r] ?? 0);
    return { s, detail, observed, uIndex, prob };
  });
  const observed = curveStats(prepared.map((p) => p.observed), alpha);
  const draws: { median_estimate: number; share_positive_significant: number }[] = [];
  const u = new Float64Array(keys.length);
  for (let b = 0; b < o.draws; b++) {
    const rng = createRng(o.seed, b);
    for (let k = 0; k < keys.length; k++) u[k] = rng.next();
    const fits: { estimate: number; p: number }[] = [];
    for (const { s, detail, uIndex, prob } of prepared) {
      // The same rows and design with the simulated outcome: refitOutcome gives what fit() on
      // the rows with that outcome would, without rebuilding the frame (a failed fit is left out).
      const y = Float64Array.from(uIndex, (k, i) => (u[k] < prob[i] ? 1 : 0));
      let f: { estimate: number; p: number } | null = null;
      try {
        f = keyOf(refitOutcome(detail, y, { vcov: s.vcov }), s.term);
      } catch {
        f = null;
      }
      if (f !== null) fits.push(f);
    }
    if (fits.length > 0) draws.push(curveStats(fits, alpha));
  }
  return {
    specs: specs.length,
    draws: draws.length,
    seed: o.seed,
    observed,
    p_median: draws.filter((d) => d.median_estimate >= observed.median_estimate).length / draws.length,
    p_share: draws.filter((d) => d.share_positive_significant >= observed.share_positive_significant).length / draws.length,
    null_draws: draws,
  };
}
