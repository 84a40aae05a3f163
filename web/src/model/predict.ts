/**
 * Predictions from a fitted model at a covariate profile, with delta-method
 * intervals computed on the link scale and mapped through the inverse link (so
 * probability intervals stay inside 0-1). Terms are read by name, as the formula
 * writes them (`(Intercept)`, `col`, `log1p(col)`, `sqrt(col)`, `I(col^2)`, `factor(col)level`,
 * products `a:b`), by the engine's one design-row builder.
 */
import { plogis, pnorm, qnorm } from "../../../src/stats/distributions.js";
import { designRow as engineDesignRow, splitTerm } from "../../../src/stats/predict.js";
import { exprColumns, parseExpression } from "../../../src/stats/formula/parse.js";
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

/** The design row of a profile for the model's terms (the engine's builder); throws naming the first term it cannot compute. */
export function designRow(terms: readonly string[], p: Profile): number[] {
  const x = engineDesignRow(terms, p);
  const bad = x.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new Error(`cannot compute term ${terms[bad]} at this profile (missing or invalid ${splitTerm(terms[bad]).find((f) => !Number.isFinite(engineDesignRow([f], p)[0])) ?? terms[bad]})`);
  return x;
}

/** Inverse link of a model kind: logistic for logit-type models, normal CDF for probit, identity for OLS. */
export function inverseLink(model: ModelResults["model"]): (eta: number) => number {
  if (model === "probit") return pnorm;
  if (model === "ols" || model === "feols") return (x) => x;
  return plogis;
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
  const col = [...exprColumns(parseExpression(moderatorTerm))][0] ?? moderatorTerm;
  return values.map((z) => {
    const g = engineDesignRow([moderatorTerm], { [col]: z })[0];
    const effect = res.coef[i] + res.coef[j] * g;
    const se = Math.sqrt(Math.max(0, res.vcov[i][i] + g * g * res.vcov[j][j] + 2 * g * res.vcov[i][j]));
    return { moderator: z, effect, low: effect - Z95 * se, high: effect + Z95 * se };
  });
}

/** `n` evenly spaced values from `a` to `b`. */
export function grid(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => a + ((b - a) * k) / (n - 1));
}
