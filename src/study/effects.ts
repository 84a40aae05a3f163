import type { ModelResults } from "../stats/results.js";
import { numOf, type PanelRow } from "./data.js";

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

type Factor = { readonly col: string; readonly fn: "id" | "log" | "log1p" | "level"; readonly level?: string };

/** Parse coefficient names once: `(Intercept)`, `col`, `log(col)`, `log1p(col)`, products `a:b`. */
function compileTerms(terms: readonly string[]): (readonly Factor[] | null)[] {
  return terms.map((term) => {
    if (term === "(Intercept)") return null;
    return term.split(":").map((f): Factor => {
      const lv = /^factor\((\w+)\)(.+)$/.exec(f);
      if (lv) return { col: lv[1], fn: "level", level: lv[2] };
      const m = /^(log1p|log)\((\w+)\)$/.exec(f);
      return m ? { col: m[2], fn: m[1] as Factor["fn"] } : { col: f, fn: "id" };
    });
  });
}

const COMPILED = new WeakMap<readonly string[], (readonly Factor[] | null)[]>();

function compiled(terms: readonly string[]): (readonly Factor[] | null)[] {
  let c = COMPILED.get(terms);
  if (c === undefined) COMPILED.set(terms, (c = compileTerms(terms)));
  return c;
}

/**
 * The design row of a fitted model for one panel row, from the coefficient names
 * (`(Intercept)`, `col`, `log(col)`, `log1p(col)`, products written `a:b`), with some
 * columns set to chosen values. Returns null when a value is missing.
 */
export function designRow(terms: readonly string[], row: PanelRow, set: ReadonlyMap<string, number> = new Map()): number[] | null {
  const x: number[] = [];
  for (const factors of compiled(terms)) {
    if (factors === null) {
      x.push(1);
      continue;
    }
    let v = 1;
    for (const f of factors) {
      if (f.fn === "level") {
        const cell = row[f.col];
        if (cell === null || cell === undefined) return null;
        if (String(cell) !== f.level) v = 0;
        continue;
      }
      const raw = set.has(f.col) ? (set.get(f.col) as number) : numOf(row, f.col);
      if (raw === null) return null;
      if (f.fn === "id") v *= raw;
      else if (f.fn === "log") {
        if (!(raw > 0)) return null;
        v *= Math.log(raw);
      } else {
        if (!(raw > -1)) return null;
        v *= Math.log1p(raw);
      }
    }
    x.push(v);
  }
  return x;
}

function normPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF through erfc. */
function normCdf(z: number): number {
  const t = Math.abs(z) / Math.SQRT2;
  const p = 0.5 * erfc(t);
  return z >= 0 ? 1 - p : p;
}

function erfc(x: number): number {
  // Numerical Recipes' erfcc (Chebyshev fit): relative error < 1.2e-7, ample for reported probabilities.
  const t = 1 / (1 + 0.5 * x);
  const y =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return y;
}

/** Inverse link and its derivative for a binary model's linear predictor. */
function link(model: ModelResults["model"]): { p: (eta: number) => number; dp: (eta: number) => number } {
  if (model === "probit") return { p: normCdf, dp: normPdf };
  return {
    p: (e) => 1 / (1 + Math.exp(-e)),
    dp: (e) => {
      const p = 1 / (1 + Math.exp(-e));
      return p * (1 - p);
    },
  };
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
  for (const row of rows) {
    const x = designRow(r.terms, row, set);
    if (x === null) continue;
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
