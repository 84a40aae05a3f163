/**
 * Predicted probabilities, average marginal effects and the marginal effect of x across
 * values of a moderator, with delta-method standard errors and intervals, for logit,
 * probit (and firth / relogit / ols) results.
 *
 * How derivatives are taken: the design matrix is rebuilt from the fitted term names
 * (designMatrix in ../predict.ts), so any transformation or interaction of x in the
 * formula (`log1p(x)`, `x:z`, `I(x^2)`) is differentiated by central differences of the
 * design at x -/+ h with h_i = 1e-4 max(|x_i|, 1e-3) per row (error about 1e-8 relative
 * for smooth transforms). Everything after that is analytic: dp/dx = f(eta) (dX/dx) b and
 * its Jacobian in b, f'(eta) ((dX/dx) b) x + f(eta) dX/dx. SE = sqrt(J V J') with V the
 * result's vcov (whatever type it is); intervals are estimate -/+ z SE.
 */
import { OptionError, PktError } from "../../core/errors.js";
import { dlogis, dnorm, plogis, pnorm, qnorm } from "../distributions.js";
import { pValue } from "./tidy.js";
import { cellLevel, evalExpr } from "../formula/frame-impl.js";
import { exprColumns, parseFormula } from "../formula/parse.js";
import type { Matrix } from "../linalg/matrix.js";
import { designMatrix } from "../predict.js";
import type { ModelResults } from "../results.js";

/** One delta-method estimate. */
export interface MarginEstimate {
  readonly estimate: number;
  readonly std_error: number;
  readonly statistic: number;
  readonly p_value: number;
  readonly conf_low: number;
  readonly conf_high: number;
}

/** Where the other covariates are held: at their observed values (averaging over the sample) or at their means. */
export type Others = "observed" | "mean";

interface Link {
  F: (eta: number) => number;
  f: (eta: number) => number;
  fprime: (eta: number) => number;
}

const LOGISTIC: Link = {
  F: plogis,
  f: dlogis,
  fprime: (e) => dlogis(e) * (1 - 2 * plogis(e)),
};
const NORMAL: Link = { F: pnorm, f: dnorm, fprime: (e) => -e * dnorm(e) };
const IDENTITY: Link = { F: (e) => e, f: () => 1, fprime: () => 0 };

function linkOf(results: ModelResults): Link {
  switch (results.model) {
    case "logit":
    case "firth":
    case "relogit":
      return LOGISTIC;
    case "probit":
      return NORMAL;
    case "ols":
      return IDENTITY;
    default:
      throw new OptionError(`margins: ${results.model} models condition out or absorb the fixed effects, so probabilities and marginal effects are not defined`);
  }
}

/** The rows of `data` in the estimation sample (inputs and response present); checked against nobs. */
export function estimationRows(results: ModelResults, data: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const f = parseFormula(results.formula);
  const X = designMatrix(results, data);
  const out: Record<string, unknown>[] = [];
  data.forEach((row, r) => {
    if (Number.isNaN(evalExpr(f.response, row, r))) return;
    for (let j = 0; j < X.cols; j++) if (!Number.isFinite(X.data[r * X.cols + j])) return;
    out.push(row);
  });
  if (out.length !== results.glance.nobs) {
    throw new PktError(`margins: ${out.length} rows of the data have every model variable, but the model was fitted on ${results.glance.nobs}; pass the rows the model was fitted on`);
  }
  return out;
}

function delta(est: number, J: Float64Array, results: ModelResults, level: number): MarginEstimate {
  const V = results.vcov, p = J.length;
  let v = 0;
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) v += J[a] * V[a][b] * J[b];
  const se = Math.sqrt(v), z = qnorm(1 - (1 - level) / 2);
  return { estimate: est, std_error: se, statistic: est / se, p_value: pValue(est / se, null), conf_low: est - z * se, conf_high: est + z * se };
}

function etaOf(X: Matrix, b: readonly number[], i: number): number {
  let s = 0;
  for (let j = 0; j < X.cols; j++) s += X.data[i * X.cols + j] * b[j];
  return s;
}

/** Average of F(X b) over rows and its gradient in b. */
function meanResponse(X: Matrix, results: ModelResults, L: Link): { est: number; J: Float64Array } {
  const p = X.cols, J = new Float64Array(p);
  let est = 0;
  for (let i = 0; i < X.rows; i++) {
    const e = etaOf(X, results.coef, i), fi = L.f(e);
    est += L.F(e) / X.rows;
    for (let j = 0; j < p; j++) J[j] += (fi * X.data[i * p + j]) / X.rows;
  }
  return { est, J };
}

/** Average of d F(X b) / d x (or d X b / d x on the link scale) and its gradient in b. */
function meanDerivative(rows: readonly Record<string, unknown>[], x: string, results: ModelResults, L: Link, scale: "response" | "link"): { est: number; J: Float64Array } {
  const up: Record<string, unknown>[] = [], down: Record<string, unknown>[] = [], h: number[] = [];
  rows.forEach((row, r) => {
    const v = Number(row[x]);
    if (!Number.isFinite(v)) throw new PktError(`margins: ${x} is not numeric in row ${r + 1} (${JSON.stringify(row[x])}); use a discrete change for factors`);
    const step = 1e-4 * Math.max(Math.abs(v), 1e-3);
    h.push(step);
    up.push({ ...row, [x]: v + step });
    down.push({ ...row, [x]: v - step });
  });
  const X = designMatrix(results, rows), Xu = designMatrix(results, up), Xd = designMatrix(results, down);
  const n = X.rows, p = X.cols, J = new Float64Array(p), d = new Float64Array(p);
  let est = 0;
  for (let i = 0; i < n; i++) {
    let de = 0;
    for (let j = 0; j < p; j++) {
      d[j] = (Xu.data[i * p + j] - Xd.data[i * p + j]) / (2 * h[i]);
      de += d[j] * results.coef[j];
    }
    if (scale === "link") {
      est += de / n;
      for (let j = 0; j < p; j++) J[j] += d[j] / n;
      continue;
    }
    const e = etaOf(X, results.coef, i), fi = L.f(e), fp = L.fprime(e);
    est += (fi * de) / n;
    for (let j = 0; j < p; j++) J[j] += (fp * de * X.data[i * p + j] + fi * d[j]) / n;
  }
  return { est, J };
}

/** The variables the formula reads, split into numeric ones and factor() columns. */
function formulaColumns(results: ModelResults): { numeric: string[]; factors: string[] } {
  const f = parseFormula(results.formula);
  const numeric = new Set<string>(), factors = new Set<string>();
  for (const t of f.terms) {
    for (const e of t.factors) {
      if (e.kind === "factor") factors.add(e.column);
      else exprColumns(e, numeric);
    }
  }
  return { numeric: [...numeric].filter((c) => !factors.has(c)), factors: [...factors] };
}

/** One row with numeric model variables at their sample means and factors at their most frequent level. */
export function meanRow(results: ModelResults, rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const { numeric, factors } = formulaColumns(results);
  const out: Record<string, unknown> = {};
  for (const c of numeric) out[c] = rows.reduce((s, r) => s + Number(r[c]), 0) / rows.length;
  for (const c of factors) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const l = cellLevel(r[c]) as string;
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    out[c] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  }
  return out;
}

function requireUsed(results: ModelResults, v: string, role: string): void {
  const { numeric, factors } = formulaColumns(results);
  if (!numeric.includes(v) && !factors.includes(v)) {
    throw new OptionError(`margins: ${role} ${JSON.stringify(v)} is not a variable of ${results.formula} (uses ${[...numeric, ...factors].join(", ")})`);
  }
}

function scenarioRows(results: ModelResults, rows: readonly Record<string, unknown>[], set: Readonly<Record<string, unknown>>, others: Others): Record<string, unknown>[] {
  const base = others === "mean" ? [meanRow(results, rows)] : rows;
  return base.map((r) => ({ ...r, ...set }));
}

/** Options shared by the margins functions. */
export interface MarginsOptions {
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** Other covariates at observed values (average over the sample, default) or at their means. */
  readonly others?: Others;
}

/** A predicted probability for one scenario. */
export interface PredictionRow extends MarginEstimate {
  readonly at: Readonly<Record<string, unknown>>;
}

/**
 * Predicted probability (fitted value for OLS) for each scenario in `at` (values that
 * override columns of the data), averaged over the estimation sample or at the means.
 */
export function predictProbabilities(
  results: ModelResults,
  data: readonly Record<string, unknown>[],
  at: readonly Readonly<Record<string, unknown>>[],
  opts: MarginsOptions = {},
): PredictionRow[] {
  const L = linkOf(results), rows = estimationRows(results, data);
  return at.map((s) => {
    const m = meanResponse(designMatrix(results, scenarioRows(results, rows, s, opts.others ?? "observed")), results, L);
    return { at: s, ...delta(m.est, m.J, results, opts.level ?? 0.95) };
  });
}

/** An average marginal effect. */
export interface AmeRow extends MarginEstimate {
  readonly variable: string;
  readonly type: "derivative" | "difference";
}

/** Options for {@link averageMarginalEffects}. */
export interface AmeOptions extends MarginsOptions {
  /** Variables whose effect is a discrete change from..to instead of a derivative (e.g. {conflict: [0, 1]}). */
  readonly differences?: Readonly<Record<string, readonly [unknown, unknown]>>;
}

/** Average marginal effects of each variable (derivative of the probability, or a discrete change). */
export function averageMarginalEffects(
  results: ModelResults,
  data: readonly Record<string, unknown>[],
  variables: readonly string[],
  opts: AmeOptions = {},
): AmeRow[] {
  const L = linkOf(results), rows = estimationRows(results, data), level = opts.level ?? 0.95;
  const base = opts.others === "mean" ? [meanRow(results, rows)] : rows;
  return variables.map((v) => {
    requireUsed(results, v, "variable");
    const diff = opts.differences?.[v];
    if (diff === undefined) {
      const m = meanDerivative(base, v, results, L, "response");
      return { variable: v, type: "derivative", ...delta(m.est, m.J, results, level) };
    }
    const hi = meanResponse(designMatrix(results, base.map((r) => ({ ...r, [v]: diff[1] }))), results, L);
    const lo = meanResponse(designMatrix(results, base.map((r) => ({ ...r, [v]: diff[0] }))), results, L);
    const J = hi.J.map((g, j) => g - lo.J[j]);
    return { variable: v, type: "difference", ...delta(hi.est - lo.est, J, results, level) };
  });
}

/** Options for {@link marginalEffectAcross}. */
export interface AcrossOptions extends MarginsOptions {
  /** The variable whose effect is wanted. */
  readonly x: string;
  /** The moderator set to each value of `at`. */
  readonly moderator: string;
  readonly at: readonly number[];
  /** Effect on the probability ("response", default) or on the linear predictor ("link"). */
  readonly scale?: "response" | "link";
}

/** One point of the marginal-effect curve. */
export interface AcrossRow extends MarginEstimate {
  readonly at: number;
}

/**
 * The marginal effect of x (dy/dx) with the moderator set to each value in `at`
 * (the curve interaction papers plot), averaged over the sample or at the means.
 */
export function marginalEffectAcross(results: ModelResults, data: readonly Record<string, unknown>[], opts: AcrossOptions): AcrossRow[] {
  const L = linkOf(results), rows = estimationRows(results, data), level = opts.level ?? 0.95;
  if (opts.x === opts.moderator) throw new OptionError("marginalEffectAcross: x and moderator must be different variables");
  requireUsed(results, opts.x, "x");
  requireUsed(results, opts.moderator, "moderator");
  return opts.at.map((z) => {
    const m = meanDerivative(scenarioRows(results, rows, { [opts.moderator]: z }, opts.others ?? "observed"), opts.x, results, L, opts.scale ?? "response");
    return { at: z, ...delta(m.est, m.J, results, level) };
  });
}
