/**
 * Predictions from a fitted model at a covariate profile, with delta-method
 * intervals computed on the link scale and mapped through the inverse link (so
 * probability intervals stay inside 0-1). Terms are read by name, as the formula
 * writes them: `(Intercept)`, `col`, `log(col)`, `log1p(col)`, `sqrt(col)`, and
 * products `a:b`.
 */
import { pnorm, qnorm } from "../../../src/stats/distributions.js";
import type { ModelResults } from "../../../src/stats/results.js";

/** Column values of one (possibly hypothetical) observation. */
export type Profile = Readonly<Record<string, number | null | undefined>>;

/** A prediction with its 95% interval. */
export interface Prediction {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** Linear predictor and its standard error. */
  readonly eta: number;
  readonly se: number;
}

const FACTOR = /^(log|log1p|sqrt)\((\w+)\)$/;

/** Value of one factor of a term (no `:`), or null when undefined or missing. */
function factorValue(name: string, p: Profile): number | null {
  const m = FACTOR.exec(name);
  const v = p[m ? m[2] : name];
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  if (!m) return v;
  if (m[1] === "log") return v > 0 ? Math.log(v) : null;
  if (m[1] === "log1p") return v > -1 ? Math.log1p(v) : null;
  return v >= 0 ? Math.sqrt(v) : null;
}

/** The design row of a profile for the model's terms; throws naming the first term it cannot compute. */
export function designRow(terms: readonly string[], p: Profile): number[] {
  return terms.map((t) => {
    if (t === "(Intercept)") return 1;
    let prod = 1;
    for (const f of t.split(":")) {
      const v = factorValue(f, p);
      if (v === null) throw new Error(`cannot compute term ${t} at this profile (missing or invalid ${f})`);
      prod *= v;
    }
    return prod;
  });
}

/** Inverse link of a model kind: logistic for logit-type models, normal CDF for probit, identity for OLS. */
export function inverseLink(model: ModelResults["model"]): (eta: number) => number {
  if (model === "probit") return pnorm;
  if (model === "ols" || model === "feols") return (x) => x;
  return (x) => 1 / (1 + Math.exp(-x));
}

/** Quadratic form x' V x. */
function quad(x: readonly number[], V: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) s += x[i] * V[i][j] * x[j];
  return s;
}

const Z95 = qnorm(0.975);

/** Predicted response (probability for binary models) at a profile, with a 95% interval. */
export function predictAt(res: ModelResults, p: Profile): Prediction {
  const x = designRow(res.terms, p);
  const eta = x.reduce((s, v, i) => s + v * res.coef[i], 0);
  const se = Math.sqrt(Math.max(0, quad(x, res.vcov)));
  const f = inverseLink(res.model);
  return { estimate: f(eta), low: f(eta - Z95 * se), high: f(eta + Z95 * se), eta, se };
}

/** One point of a marginal-effect curve. */
export interface EffectPoint {
  readonly moderator: number;
  readonly effect: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The effect of `key` on the linear predictor across values of a moderator:
 * b_key + b_{key:mod} * g(z), with its delta-method 95% interval (the curve
 * interaction papers plot). `key` and `interaction` are term names.
 */
export function effectCurve(res: ModelResults, key: string, interaction: string, moderatorTerm: string, values: readonly number[]): EffectPoint[] {
  const i = res.terms.indexOf(key);
  const j = res.terms.indexOf(interaction);
  if (i < 0 || j < 0) throw new Error(`the model has no term ${i < 0 ? key : interaction}`);
  const col = FACTOR.exec(moderatorTerm)?.[2] ?? moderatorTerm;
  return values.map((z) => {
    const g = factorValue(moderatorTerm, { [col]: z }) ?? NaN;
    const effect = res.coef[i] + res.coef[j] * g;
    const se = Math.sqrt(Math.max(0, res.vcov[i][i] + g * g * res.vcov[j][j] + 2 * g * res.vcov[i][j]));
    return { moderator: z, effect, low: effect - Z95 * se, high: effect + Z95 * se };
  });
}

/** `n` evenly spaced values from `a` to `b`. */
export function grid(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => a + ((b - a) * k) / (n - 1));
}
