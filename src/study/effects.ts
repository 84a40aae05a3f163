import type { ModelResults } from "../stats/results.js";
import { dlogis, dnorm, plogis, pnorm } from "../stats/distributions.js";
import { designMatrix as engineDesignMatrix, designRow as engineDesignRow } from "../stats/predict.js";
import type { PanelRow } from "./data.js";

/** A quantity with its standard error and 95% interval. */
export interface Estimate {
  readonly estimate: number;
  readonly std_error: number;
  readonly conf_low: number;
  readonly conf_high: number;
}

const Z975 = 1.959963984540054;

function withCi(estimate: number, variance: number): Estimate {
  const se = Math.sqrt(Math.max(variance, 0));
  return { estimate, std_error: se, conf_low: estimate - Z975 * se, conf_high: estimate + Z975 * se };
}

/**
 * The design row of a fitted model for one panel row, from the coefficient names (the
 * engine's builder, src/stats/predict.ts), with some columns set to chosen values.
 * Returns null when a value is missing or a transform is undefined.
 */
export function designRow(terms: readonly string[], row: PanelRow, set: ReadonlyMap<string, number> = new Map()): number[] | null {
  let r: Record<string, unknown> = row as Record<string, unknown>;
  if (set.size > 0) {
    // An own property over the (frozen) row: assignment would hit the row's read-only one.
    r = Object.create(r) as Record<string, unknown>;
    for (const [k, v] of set) Object.defineProperty(r, k, { value: v, enumerable: true });
  }
  const x = engineDesignRow(terms, r);
  return x.some((v) => Number.isNaN(v)) ? null : x;
}

/** Inverse link and its derivative for a binary model's linear predictor. */
function link(model: ModelResults["model"]): { p: (eta: number) => number; dp: (eta: number) => number } {
  return model === "probit" ? { p: pnorm, dp: dnorm } : { p: plogis, dp: dlogis };
}

/** True when the model gives probabilities we can average (not conditional logit or OLS). */
export function predictsProbabilities(r: ModelResults): boolean {
  return r.model === "logit" || r.model === "probit" || r.model === "firth" || r.model === "relogit";
}

/** Mean predicted probability over rows, and its gradient with respect to the coefficients. */
function meanProb(r: ModelResults, rows: readonly PanelRow[], set: ReadonlyMap<string, number>): { p: number; grad: number[] } {
  const { p, dp } = link(r.model);
  const k = r.terms.length;
  const grad = new Array<number>(k).fill(0);
  let sum = 0;
  let n = 0;
  // The rows' design matrix with `set` fixed (column by column: the rows are frozen, so their columns are read once).
  const X = engineDesignMatrix(r, rows, set).data;
  const x = new Array<number>(k);
  for (let i = 0; i < rows.length; i++) {
    let missing = false;
    for (let j = 0; j < k; j++) {
      x[j] = X[i * k + j];
      if (Number.isNaN(x[j])) missing = true;
    }
    if (missing) continue;
    let eta = 0;
    for (let j = 0; j < k; j++) eta += x[j] * r.coef[j];
    sum += p(eta);
    const d = dp(eta);
    for (let j = 0; j < k; j++) grad[j] += d * x[j];
    n++;
  }
  if (n === 0) return { p: NaN, grad };
  return { p: sum / n, grad: grad.map((g) => g / n) };
}

function quad(g: readonly number[], v: ModelResults["vcov"]): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) s += g[i] * v[i][j] * g[j];
  return s;
}

/**
 * Average predicted probability with column `col` set to `value` for every row
 * (other columns as observed), with a delta-method 95% interval.
 */
export function averagePrediction(r: ModelResults, rows: readonly PanelRow[], col: string, value: number): Estimate {
  const { p, grad } = meanProb(r, rows, new Map([[col, value]]));
  return withCi(p, quad(grad, r.vcov));
}

/**
 * Average predicted probability with several columns set for every row (e.g. size and
 * a moderator), with a delta-method 95% interval.
 */
export function averagePredictionAt(r: ModelResults, rows: readonly PanelRow[], set: ReadonlyMap<string, number>): Estimate {
  const { p, grad } = meanProb(r, rows, set);
  return withCi(p, quad(grad, r.vcov));
}

/**
 * Change in the average predicted probability when `col` moves from `from` to `to`
 * (a first difference), with a delta-method 95% interval.
 */
export function firstDifference(r: ModelResults, rows: readonly PanelRow[], col: string, from: number, to: number): Estimate {
  const a = meanProb(r, rows, new Map([[col, from]]));
  const b = meanProb(r, rows, new Map([[col, to]]));
  const g = b.grad.map((v, i) => v - a.grad[i]);
  return withCi(b.p - a.p, quad(g, r.vcov));
}

/**
 * The marginal effect of term `x` on the linear predictor (log-odds for logit) at
 * moderator value z: b_x + b_xz * z, with variance V_xx + z^2 V_zz + 2 z V_xz.
 */
export function marginalEffectAt(r: ModelResults, x: string, interaction: string, z: number): Estimate {
  const i = r.terms.indexOf(x);
  const j = r.terms.indexOf(interaction);
  if (i < 0) return withCi(NaN, NaN);
  if (j < 0) return withCi(r.coef[i], r.vcov[i][i]);
  const est = r.coef[i] + z * r.coef[j];
  return withCi(est, r.vcov[i][i] + z * z * r.vcov[j][j] + 2 * z * r.vcov[i][j]);
}
