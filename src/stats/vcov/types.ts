/** The contract for variance estimators (one file per type, listed in ./registry.ts). */
import type { ModelWarning } from "../results.js";
import type { Matrix } from "../linalg/matrix.js";
import type { KernelFit } from "../kernel.js";

/** A clustering variable resolved to integer ids 0..nLevels-1 for each kept row. */
export interface ClusterIndex {
  readonly name: string;
  readonly ids: Int32Array;
  readonly nLevels: number;
}

/** What a variance estimator is given. */
export interface VcovInput {
  readonly fit: KernelFit;
  /** The design matrix the kernel saw (full rank). */
  readonly X: Matrix;
  /** Cluster variables (one or two) for clustered types; empty otherwise. */
  readonly clusters: readonly ClusterIndex[];
  /** Refit on a resample (for bootstrap): rows to use (with repeats) -> coefficients, or null if it failed. */
  readonly refit?: (rows: Int32Array) => Float64Array | null;
  /** Seed for anything random. */
  readonly seed?: number;
  /** Bootstrap replications. */
  readonly reps?: number;
}

/** A variance estimate. */
export interface VcovResult {
  readonly vcov: Matrix;
  /** Number of clusters (smallest dimension for two-way), null when not clustered. */
  readonly nClusters: number | null;
  /** One line in words. */
  readonly description: string;
  /** Warnings to keep on the result (e.g. bootstrap replicates left out). */
  readonly warnings?: readonly ModelWarning[];
}

/** A variance estimator. */
export type VcovFn = (input: VcovInput) => VcovResult;
