/**
 * The public `fit()`: parse the formula, build the model frame, drop collinear
 * columns, dispatch to a registered kernel, compute the requested variance and
 * assemble frozen, JSON-serializable ModelResults.
 */
import { OptionError, PktError } from "../core/errors.js";
import { parseFormula } from "./formula/parse.js";
import { closeMatches } from "./formula/errors.js";
import type { ParsedFormula } from "./formula/types.js";
import { cellLevel, indexLevels } from "./formula/frame-impl.js";
import { selectColumns, selectRows, toRows, type Matrix } from "./linalg/matrix.js";
import { aliased as aliasedColumns, estimable, glmTol, LM_TOL, pivotedQr } from "./linalg/qr.js";
import { guardedNormalEquations } from "./linalg/normal-equations.js";
import { getKernel, kernelNames, type KernelDef, type KernelFit } from "./kernel.js";
import { modelFrame, type ModelFrame } from "./model-frame.js";
import type { ModelKind, ModelResults, ModelWarning, TidyRow } from "./results.js";
import { buildTidy } from "./inference/tidy.js";
import { checkBinaryOutcome, checkVaryingOutcome, constantColumns, separatingDummies, separationWarning } from "./diagnostics.js";
import { getVcov } from "./vcov/registry.js";
import { resolveVcovSpec, type VcovSpec } from "./vcov/spec.js";
import type { ClusterIndex } from "./vcov/types.js";

/** Below this many clusters a "few-clusters" warning is added to clustered fits. */
export const FEW_CLUSTERS = 20;

/** Options for {@link fit}. */
export interface FitOptions {
  /** Estimator (default "logit"). A logit/ols formula with `| fe` uses clogit/feols when registered. */
  readonly model?: ModelKind;
  /** Variance type (default "classical"). */
  readonly vcov?: VcovSpec;
  /** Seed for anything random (bootstrap). */
  readonly seed?: number;
  /** Confidence level for intervals (default 0.95). */
  readonly level?: number;
  /** IRLS tolerance (default 1e-8, as R's glm). */
  readonly epsilon?: number;
  /** IRLS iteration limit (default 25, as R's glm). */
  readonly maxit?: number;
  /**
   * Starting values by coefficient name (others start at 0), where the iterations begin, as
   * R's glm(start = ...). An iterative estimator then stops at a point within its convergence
   * tolerance of the start-from-scratch one, not at the same digits (glm's deviance rule: up to
   * about 1e-6 standard errors; clogit's 1e-12 relative step: about 1e-12).
   */
  readonly start?: Readonly<Record<string, number>>;
  /** Kernel-specific options (e.g. relogit's `tau`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Told what is being done when the design is wide (at least {@link WIDE_DESIGN} columns), which takes time. */
  readonly progress?: (message: string) => void;
}

/** A design with this many columns is "wide": fit() reports progress and suggests `| g` for big factors. */
export const WIDE_DESIGN = 200;
/** A factor with more levels than this gets the suggestion to absorb it as a fixed effect. */
export const MANY_LEVELS = 50;

/** A fit with the internals other modules (bootstrap, margins, tests) need; `results` is the public part. */
export interface FitDetail {
  readonly results: ModelResults;
  readonly frame: ModelFrame;
  /** Columns of frame.X kept after dropping collinear ones. */
  readonly kept: readonly number[];
  /** The design matrix the kernel saw. */
  readonly X: Matrix;
  readonly kernel: KernelDef;
  readonly kernelFit: KernelFit;
  /** Cluster ids of the kept rows (empty unless the vcov is clustered). */
  readonly clusters: readonly ClusterIndex[];
}

/** Fit a model: `fit("pdest ~ x1 + factor(region)", rows, {model: "logit", vcov: "cluster:ccode"})`. */
export function fit(formula: string | ParsedFormula, data: readonly Record<string, unknown>[], opts: FitOptions = {}): ModelResults {
  return fitDetailed(formula, data, opts).results;
}

function resolveKernel(model: ModelKind, f: ParsedFormula): KernelDef {
  let name: string = model;
  if (f.fixedEffects.length > 0 && (model === "logit" || model === "ols")) name = model === "logit" ? "clogit" : "feols";
  const k = getKernel(name);
  if (k === undefined) {
    const why = name !== model ? ` (the formula has fixed effects after |, which needs "${name}")` : "";
    throw new OptionError(`model "${name}" is not available${why}; available: ${kernelNames().join(", ")}`);
  }
  if (k.fixedEffects === "none" && f.fixedEffects.length > 0) {
    throw new OptionError(`model "${name}" does not take fixed effects; remove "| ${f.fixedEffects.join(" + ")}" or use logit/ols`);
  }
  if (k.fixedEffects === "required" && f.fixedEffects.length === 0) {
    throw new OptionError(`model "${name}" needs fixed effects after | in the formula, e.g. "y ~ x | group"`);
  }
  return k;
}

/** Parsed formulas by text: loops (bootstrap, robustness checks) refit the same formula many times. */
const parsedFormulas = new Map<string, ParsedFormula>();

function parseCached(src: string): ParsedFormula {
  let f = parsedFormulas.get(src);
  if (f === undefined) {
    f = parseFormula(src);
    if (parsedFormulas.size >= 64) parsedFormulas.delete(parsedFormulas.keys().next().value as string);
    parsedFormulas.set(src, f);
  }
  return f;
}

/** Like {@link fit} but also returns the frame, design matrix and kernel output. */
export function fitDetailed(formula: string | ParsedFormula, data: readonly Record<string, unknown>[], opts: FitOptions = {}): FitDetail {
  const f = typeof formula === "string" ? parseCached(formula) : formula;
  const kernel = resolveKernel(opts.model ?? "logit", f);
  const vspec = resolveVcovSpec(opts.vcov);
  checkVcov(vspec, data);
  return finishFit(fitCore(f, kernel, data, opts, vspec.by, vspec.code === "hc2" || vspec.code === "hc3"), vspec, data, opts);
}

/** Refuse an unknown variance type or clustering column before any work. */
function checkVcov(vspec: ReturnType<typeof resolveVcovSpec>, data: readonly Record<string, unknown>[]): void {
  if (getVcov(vspec.code) === undefined) throw new OptionError(`vcov type "${vspec.code}" is not available`);
  checkVcovColumns(vspec.label, vspec.by, data);
}

/**
 * One model under several variances: the frame is built and the estimator run once, then
 * each variance is computed from the same fit. Gives exactly what a separate {@link fit}
 * per variance gives (same rows, same coefficients): when a clustering column is missing
 * in some row, so that the variances would see different rows, it fits each separately.
 */
export function fitVariances(
  formula: string | ParsedFormula,
  data: readonly Record<string, unknown>[],
  opts: Omit<FitOptions, "vcov">,
  vcovs: readonly VcovSpec[],
): ModelResults[] {
  const f = typeof formula === "string" ? parseCached(formula) : formula;
  const kernel = resolveKernel(opts.model ?? "logit", f);
  const specs = vcovs.map((v) => resolveVcovSpec(v));
  for (const v of specs) checkVcov(v, data);
  const by = [...new Set(specs.flatMap((v) => v.by))];
  const complete = data.every((r) => by.every((c) => cellLevel(r[c]) !== null));
  if (!complete || specs.length < 2) return vcovs.map((v) => fitDetailed(f, data, { ...opts, vcov: v }).results);
  const core = fitCore(f, kernel, data, opts, by, specs.some((v) => v.code === "hc2" || v.code === "hc3"));
  return specs.map((v) => finishFit(core, v, data, opts).results);
}

/** Start values in the order of `terms` (0 for a term `start` does not name), or undefined without them. */
function startVector(terms: readonly string[], start: FitOptions["start"]): Float64Array | undefined {
  return start === undefined ? undefined : Float64Array.from(terms, (t) => start[t] ?? 0);
}

/** The part of a fit that does not depend on the variance: frame, rank, kernel. */
interface FitCore {
  readonly f: ParsedFormula;
  readonly kernel: KernelDef;
  readonly frame: ModelFrame;
  /** Names of the `alsoRequire` columns the frame indexed, in order. */
  readonly alsoNames: readonly string[];
  readonly kept: readonly number[];
  readonly X: Matrix;
  readonly terms: readonly string[];
  readonly kfit: KernelFit;
  /** Frame, collinearity, kernel and separation warnings. */
  readonly warnings: readonly ModelWarning[];
}

function fitCore(f: ParsedFormula, kernel: KernelDef, data: readonly Record<string, unknown>[], opts: FitOptions, by: readonly string[], needHat: boolean): FitCore {
  const model = opts.model ?? "logit";
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new OptionError(`level must be between 0 and 1, got ${level}`);

  const frame = modelFrame(f, data, { alsoRequire: by });
  if (kernel.binary) checkBinaryOutcome(frame.y, frame.response);
  else checkVaryingOutcome(frame.y, frame.response);

  const warnings: ModelWarning[] = [...frame.warnings, ...manyLevelWarnings(f, frame.terms, model)];
  if (frame.X.cols >= WIDE_DESIGN) {
    opts.progress?.(`design of ${frame.X.rows} rows x ${frame.X.cols} columns; checking rank and fitting ${kernel.name} (this can take a while)`);
  }
  const constant = new Set(constantColumns(frame.X, frame.terms));
  const hasIntercept = frame.terms[0] === "(Intercept)" || frame.fe.length > 0;
  if (constant.size > 0 && hasIntercept) {
    const names = [...constant].map((j) => frame.terms[j]);
    warnings.push({
      type: "collinearity",
      message: `${names.join(", ")} ${names.length === 1 ? "is" : "are"} constant in the estimation sample (one value in every row) and cannot be estimated alongside the intercept; dropped`,
      terms: names,
    });
  }
  // R's rule: dqrdc2 pivoting with lm's tolerance for least squares, glm.fit's for likelihood models.
  const tol = kernel.name === "ols" || kernel.name === "feols" ? LM_TOL : glmTol(opts.epsilon);
  // A design the normal equations show to be far from collinear has nothing dqrdc2 would pivot.
  const fullRank = guardedNormalEquations(frame.X.data, frame.X.rows, frame.X.cols) !== null;
  const qr = fullRank ? null : pivotedQr(frame.X, tol);
  const all = Array.from({ length: frame.X.cols }, (_, j) => j);
  const keptSet = new Set((qr === null ? all : estimable(qr)).filter((j) => !(hasIntercept && constant.has(j))));
  const kept = [...keptSet].sort((a, b) => a - b);
  const collinear = (qr === null ? [] : aliasedColumns(qr)).filter((j) => !constant.has(j)).map((j) => frame.terms[j]);
  if (collinear.length > 0) {
    warnings.push({
      type: "collinearity",
      message: `aliased (a linear combination of earlier terms at R's tolerance ${tol.toExponential(0)}); not estimated, shown as NA as R does: ${collinear.join(", ")}`,
      terms: collinear,
    });
  }
  if (kept.length === 0 && frame.fe.length === 0) throw new PktError(`formula ${f.source}: no estimable terms remain`);
  const X = kept.length === frame.X.cols ? frame.X : selectColumns(frame.X, kept);
  const terms = kept.map((j) => frame.terms[j]);
  if (X.rows <= X.cols) throw new PktError(`formula ${f.source}: ${X.rows} observations for ${X.cols} coefficients; need more rows than coefficients`);

  const start = startVector(terms, opts.start);
  const kfit = kernel.fit({
    y: frame.y,
    X,
    fe: frame.fe,
    start,
    epsilon: opts.epsilon,
    maxit: opts.maxit,
    needHat,
    extra: opts.extra,
  });
  warnings.push(...(kfit.warnings ?? []));
  // Firth's penalty keeps estimates finite under separation, so the advice to use it is moot there.
  if (kernel.binary && kernel.name !== "firth") {
    const sep = separatingDummies(X, terms, frame.y);
    if (sep.length > 0) warnings.push(separationWarning(sep));
  }
  for (let i = 0; i < kfit.bread.data.length; i++) {
    if (!Number.isFinite(kfit.bread.data[i])) {
      throw new PktError(`formula ${f.source}: the information matrix is singular at the estimate; no standard errors can be computed (check for separation or near-collinearity)`);
    }
  }
  return { f, kernel, frame, alsoNames: by, kept, X, terms, kfit, warnings };
}

/** The variance `vspec` of a fitted core, and the results. */
function finishFit(core: FitCore, vspec: ReturnType<typeof resolveVcovSpec>, data: readonly Record<string, unknown>[], opts: FitOptions): FitDetail {
  const { f, kernel, frame, kept, X, terms, kfit } = core;
  const vdef = getVcov(vspec.code)!;
  const level = opts.level ?? 0.95;
  const warnings: ModelWarning[] = [...core.warnings];
  const clusters: ClusterIndex[] = vspec.by.map((name) => {
    const k = core.alsoNames.indexOf(name);
    const idx = frame.also?.[k] ?? indexLevels(name, Array.from(frame.rowIndex, (r) => cellLevel(data[r][name]) as string));
    return { name, ids: idx.ids, nLevels: idx.levels.length };
  });
  const refit = (rows: Int32Array): Float64Array | null => {
    try {
      const sub = kernel.fit({
        y: Float64Array.from(rows, (r) => frame.y[r]),
        X: selectRows(X, rows),
        fe: frame.fe.map((g) => ({ ...g, ids: Int32Array.from(rows, (r) => g.ids[r]) })),
        start: kfit.coef,
        epsilon: opts.epsilon,
        maxit: opts.maxit,
        extra: opts.extra,
      });
      return sub.converged ? sub.coef : null;
    } catch {
      return null;
    }
  };
  if ((vspec.code === "hc2" || vspec.code === "hc3") && kfit.hat === undefined && (kernel.name === "clogit" || kernel.name === "feols")) {
    const why =
      kernel.name === "clogit"
        ? "the conditional likelihood has no leverages of the kind HC2/HC3 divide by (sandwich's vcovHC does not offer them for clogit either)"
        : "the leverages of the dummy-variable model are not computed when the fixed effects are swept out by alternating projections";
    throw new OptionError(`vcov ${vspec.label}: not available for ${kernel.name}: ${why}; use hc0, hc1 or cluster:COL`);
  }
  const v = vdef.fn({ fit: kfit, X, clusters, refit, seed: opts.seed, reps: vspec.reps });
  warnings.push(...(v.warnings ?? []));
  for (let j = 0; j < terms.length; j++) {
    const d = v.vcov.data[j * v.vcov.cols + j];
    if (!(d > 0) || !Number.isFinite(d)) {
      throw new PktError(`the ${vspec.label} variance of ${terms[j]} is ${d} (not positive); try another vcov type`);
    }
  }
  if (vspec.code === "cluster" && v.nClusters !== null && v.nClusters < FEW_CLUSTERS) {
    warnings.push({
      type: "few-clusters",
      message: `only ${v.nClusters} clusters: cluster-robust standard errors are biased downward with fewer than about ${FEW_CLUSTERS}; consider a wild or pairs bootstrap`,
    });
  }
  const statName = kernel.statistic;
  const df = statName === "t" ? kfit.dfResidual : null;
  const estimated = buildTidy(terms, kfit.coef, v.vcov, df, level);
  // Aliased columns get a row where R's coef() has NA: estimates NaN (null in JSON), flagged.
  const keptPos = new Map(kept.map((j, i) => [j, i]));
  const tidy = frame.terms.map((term, j): TidyRow => {
    const i = keptPos.get(j);
    if (i !== undefined) return estimated[i];
    return { term, estimate: NaN, std_error: NaN, statistic: NaN, p_value: NaN, conf_low: NaN, conf_high: NaN, aliased: true };
  });
  const n = X.rows;
  const k = kfit.nParams ?? X.cols;
  const ll = kfit.loglik;
  // McFadden's 1 - ll / ll0; rounding can leave -1e-16 for an intercept-only model, which is 0.
  // Firth's null log-likelihood is penalized, so its pseudo-R2 compares penalized values.
  const llR2 = kfit.loglikPenalized ?? ll;
  const r2 = kfit.r2 ?? (llR2 !== null && kfit.nullLoglik !== null && kfit.nullLoglik !== 0 ? Math.max(0, 1 - llR2 / kfit.nullLoglik) : null);
  const results: ModelResults = {
    model: kernel.name,
    formula: f.source,
    response: frame.response,
    terms,
    coef: Array.from(kfit.coef),
    vcov: toRows(v.vcov),
    vcov_type: vspec.label,
    vcov_description: v.description,
    statistic_name: statName,
    df_residual: df,
    tidy,
    glance: {
      nobs: n,
      n_clusters: v.nClusters,
      loglik: ll,
      loglik_penalized: kfit.loglikPenalized ?? null,
      aic: ll === null ? null : -2 * ll + 2 * k,
      bic: ll === null ? null : -2 * ll + Math.log(n) * k,
      r2,
      converged: kfit.converged,
      iterations: kfit.iterations,
      n_dropped_missing: frame.nDropped,
      n_dropped_nan: frame.nDroppedNaN,
    },
    warnings,
  };
  assertFinite(results);
  return { results: deepFreeze(results), frame, kept, X, kernel, kernelFit: kfit, clusters };
}

/**
 * What {@link refitOutcome} needs of a fit: its design, frame, kernel and clusters, without the
 * fitted arrays (scores, fitted values), so callers that keep many designs for many refits hold
 * about a third of the memory. `refitDesign(detail)` makes one.
 */
export type RefitDesign = Pick<FitDetail, "kernel" | "X" | "frame" | "clusters"> & { readonly results: Pick<ModelResults, "terms"> };

/** The parts of a fit that {@link refitOutcome} uses. */
export function refitDesign(d: FitDetail): RefitDesign {
  return { kernel: d.kernel, X: d.X, frame: d.frame, clusters: d.clusters, results: { terms: d.results.terms } };
}

/**
 * The tidy rows of `d`'s model refitted on a new outcome `y` for the same rows (same design,
 * kept columns and clusters): what {@link fit} on those rows with that outcome returns, without
 * rebuilding the frame or repeating the rank check, which do not depend on `y`. For
 * simulations that redraw the outcome many times (power). Throws where fit() would: an
 * outcome without variation (or not 0/1 for binary models), a singular information matrix, a
 * variance that is not positive. Resampling vcov types (bootstrap) are not supported.
 * `start` (by coefficient name) starts the iterations there, as R's glm(start = ...); the
 * estimates then agree with a start from scratch to the convergence tolerance, not to the last digit.
 */
export function refitOutcome(d: RefitDesign, y: Float64Array, opts: FitOptions = {}): TidyRow[] {
  const vspec = resolveVcovSpec(opts.vcov);
  const vdef = getVcov(vspec.code);
  if (vdef === undefined) throw new OptionError(`vcov type "${vspec.code}" is not available`);
  if (y.length !== d.X.rows) throw new PktError(`refitOutcome: ${y.length} outcomes for ${d.X.rows} rows`);
  const { kernel, X, frame } = d;
  if (kernel.binary) checkBinaryOutcome(y, frame.response);
  else checkVaryingOutcome(y, frame.response);
  const start = startVector(d.results.terms, opts.start);
  // Nothing of kfit outlives this call (only the tidy rows are returned), so the kernel may reuse its row arrays.
  const kfit = kernel.fit({ y, X, fe: frame.fe, start, epsilon: opts.epsilon, maxit: opts.maxit, needHat: vspec.code === "hc2" || vspec.code === "hc3", extra: opts.extra, reuseRows: true });
  for (let i = 0; i < kfit.bread.data.length; i++) {
    if (!Number.isFinite(kfit.bread.data[i])) throw new PktError(`refitOutcome: the information matrix is singular at the estimate`);
  }
  const v = vdef.fn({ fit: kfit, X, clusters: d.clusters, refit: () => null, seed: opts.seed, reps: vspec.reps });
  const terms = d.results.terms;
  for (let j = 0; j < terms.length; j++) {
    const x = v.vcov.data[j * v.vcov.cols + j];
    if (!(x > 0) || !Number.isFinite(x)) throw new PktError(`the ${vspec.label} variance of ${terms[j]} is ${x} (not positive)`);
  }
  const tidy = buildTidy(terms, kfit.coef, v.vcov, kernel.statistic === "t" ? kfit.dfResidual : null, opts.level ?? 0.95);
  for (const row of tidy) {
    for (const [key, val] of Object.entries(row)) {
      if (typeof val === "number" && !Number.isFinite(val)) throw new PktError(`refitOutcome: a non-finite ${key} for ${row.term}`);
    }
  }
  return tidy;
}

/** Suggest `| col` for a factor with many levels (absorbed as a fixed effect it costs no columns). */
function manyLevelWarnings(f: ParsedFormula, terms: readonly string[], model: ModelKind): ModelWarning[] {
  const out: ModelWarning[] = [];
  for (const t of f.terms) {
    if (t.factors.length !== 1 || t.factors[0].kind !== "factor") continue;
    const col = t.factors[0].column;
    const n = terms.filter((name) => name.startsWith(`factor(${col})`) && !name.includes(":")).length;
    if (n <= MANY_LEVELS) continue;
    const what = model === "logit" ? "a conditional logit, which estimates no intercepts" : model === "ols" ? "the within estimator" : "fixed effects (logit: conditional logit; ols: within estimator)";
    out.push({
      type: "other",
      message: `factor(${col}) adds ${n} columns; writing "| ${col}" instead absorbs it as fixed effects (${what}), which is much faster on wide designs`,
      terms: [`factor(${col})`],
    });
  }
  return out;
}

function checkVcovColumns(label: string, by: readonly string[], data: readonly Record<string, unknown>[]): void {
  if (by.length === 0 || data.length === 0) return;
  const cols = Object.keys(data[0]);
  for (const c of by) {
    if (!(c in data[0])) {
      const close = closeMatches(c, cols);
      throw new OptionError(`vcov ${label}: expected a column of the data, found unknown column ${JSON.stringify(c)}${close.length > 0 ? `; close matches: ${close.join(", ")}` : ""}`);
    }
  }
}

function assertFinite(r: ModelResults): void {
  for (const row of r.tidy) {
    if (row.aliased === true) continue;
    for (const [key, val] of Object.entries(row)) {
      if (typeof val === "number" && !Number.isFinite(val)) {
        throw new PktError(`the fit of ${r.formula} produced a non-finite ${key} for ${row.term}; the model is not identified as specified`);
      }
    }
  }
}

/** Freeze an object graph (results are immutable data). */
export function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}
