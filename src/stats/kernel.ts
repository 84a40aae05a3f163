/**
 * The contract between estimator kernels, variance estimators and the public `fit()`.
 * A kernel works on typed arrays only (no names, no formulas) and returns a KernelFit;
 * variance functions (src/stats/vcov/) turn a KernelFit plus cluster ids into a vcov.
 * Kernels register themselves by name so `fit()` can dispatch over them.
 */
import type { Matrix } from "./linalg/matrix.js";
import type { FixedEffectIndex } from "./model-frame.js";
import type { ModelKind, ModelWarning } from "./results.js";

/** What a kernel is given. X has full column rank (collinear columns already removed). */
export interface KernelInput {
  readonly y: Float64Array;
  readonly X: Matrix;
  /** Fixed-effect groupings (for clogit / feols); empty otherwise. */
  readonly fe: readonly FixedEffectIndex[];
  /** Prior observation weights (default all 1). */
  readonly weights?: Float64Array;
  /** Starting coefficients (e.g. from a previous fit, for bootstrap speed). */
  readonly start?: Float64Array;
  /** Convergence tolerance; R glm default 1e-8 (relative deviance change). */
  readonly epsilon?: number;
  /** Maximum iterations; R glm default 25. */
  readonly maxit?: number;
  /** Compute leverages (`hat`) for HC2/HC3. */
  readonly needHat?: boolean;
  /**
   * The caller keeps nothing of the returned fit once it fits the same design again (refits of
   * simulated outcomes): the kernel may then reuse the row arrays of its previous fit on this
   * design (fitted values, linear predictor, weights), which the next such fit overwrites.
   */
  readonly reuseRows?: boolean;
  /** Kernel-specific options (e.g. relogit's population share tau). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** What every kernel returns. Arrays are indexed by kept observation (n) or by column of X (p). */
export interface KernelFit {
  readonly coef: Float64Array;
  /**
   * Inverse of the negative Hessian (X'WX)^{-1} at the estimate: the classical vcov
   * before any scale. For OLS this is (X'X)^{-1}; classical vcov = scale * bread.
   */
  readonly bread: Matrix;
  /**
   * n x p per-observation score contributions (sandwich's estfun), so that
   * bread * (S'S) * bread is the HC0 sandwich. For OLS: residual_i * x_i (unscaled).
   */
  readonly scores: Matrix;
  /**
   * Set when every score row is a multiple of the design's row, scores_ij = X_ij * scoreScale_i
   * (the GLM kernels): the cluster variance then sums them by cluster from X without forming
   * the n x p scores (the same products added in the same order, so the same sums).
   */
  readonly scoreScale?: Float64Array;
  /** Log-likelihood at the estimate (null where not defined). */
  readonly loglik: number | null;
  /** Log-likelihood of the comparison null model (intercept only) for pseudo-R2 / LR tests; null if not defined. */
  readonly nullLoglik: number | null;
  /** Penalized log-likelihood for penalized estimators (Firth), beside the ordinary `loglik`. */
  readonly loglikPenalized?: number;
  /** Fitted means (probabilities for binary models). */
  readonly fitted: Float64Array;
  readonly linearPredictor: Float64Array;
  readonly converged: boolean;
  readonly iterations: number;
  readonly dfResidual: number;
  /** sigma^2 for OLS (RSS / df residual), 1 otherwise. */
  readonly scale: number;
  /** Leverages h_ii (for HC2/HC3); present when `needHat` was asked or cheap. */
  readonly hat?: Float64Array;
  /** IRLS working weights at the estimate (hat values can be derived from these and X). */
  readonly workingWeights?: Float64Array;
  /** R2 for linear models (within R2 for feols), if the kernel defines one. */
  readonly r2?: number;
  /** Diagnostics the kernel found (separation, non-convergence, ...). */
  readonly warnings?: readonly ModelWarning[];
  /**
   * Observations that carry information, when fewer than the rows (clogit: rows of groups
   * whose outcome varies). HC1/CR1 small-sample factors then use n = nEffective, and clusters
   * are counted over rows with a non-zero score row only. Default: all rows.
   */
  readonly nEffective?: number;
  /** Number of free parameters for AIC/BIC when it differs from p (e.g. OLS counts sigma). */
  readonly nParams?: number;
}

/** An estimator kernel and what the dispatcher needs to know about it. */
export interface KernelDef {
  readonly name: ModelKind;
  /** One line, e.g. "Logistic regression (maximum likelihood, IRLS)". */
  readonly description: string;
  readonly fit: (input: KernelInput) => KernelFit;
  /** z for likelihood models, t for OLS-type models (uses dfResidual). */
  readonly statistic: "z" | "t";
  /** Binary outcome required (checks 0/1 and warns on all-0 / all-1). */
  readonly binary: boolean;
  /** Whether `| fe` in the formula is needed, allowed or refused by this kernel. */
  readonly fixedEffects: "none" | "required" | "optional";
  /** The link's inverse, for predictions on new data (identity for OLS). */
  readonly linkinv: (eta: number) => number;
  /** Derivative of the inverse link d mu / d eta (delta-method margins). */
  readonly mueta: (eta: number) => number;
}

const KERNELS = new Map<string, KernelDef>();

/** Add a kernel to the registry (replacing one of the same name). */
export function registerKernel(def: KernelDef): void {
  KERNELS.set(def.name, def);
}

/** The kernel registered under `name`, or undefined. */
export function getKernel(name: string): KernelDef | undefined {
  return KERNELS.get(name);
}

/** Names of all registered kernels. */
export function kernelNames(): string[] {
  return [...KERNELS.keys()].sort();
}
