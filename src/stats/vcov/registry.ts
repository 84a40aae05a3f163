/**
 * Variance estimators by code. `fit()` looks the requested type up here; the
 * bootstrap (src/stats/vcov/bootstrap.ts, other engineer) registers itself with registerVcov.
 */
import { vcovClassical } from "./classical.js";
import { vcovCluster } from "./cluster.js";
import { vcovHc } from "./hc.js";
import type { VcovFn } from "./types.js";

/** A registered variance estimator. */
export interface VcovDef {
  /** Code as in `vcov_type`: classical, hc0..hc3, cluster, bootstrap. */
  readonly code: string;
  /** One line, for help texts. */
  readonly summary: string;
  /** Whether cluster variables are required. */
  readonly clustered: boolean;
  readonly fn: VcovFn;
}

const VCOVS = new Map<string, VcovDef>();

/** Add (or replace) a variance estimator. */
export function registerVcov(def: VcovDef): void {
  VCOVS.set(def.code, def);
}

/** The estimator registered under `code`. */
export function getVcov(code: string): VcovDef | undefined {
  return VCOVS.get(code);
}

/** All registered codes with their one-line summaries. */
export function listVcovs(): { code: string; summary: string }[] {
  return [...VCOVS.values()].map((d) => ({ code: d.code, summary: d.summary }));
}

registerVcov({ code: "classical", summary: "model-based: sigma^2 (X'X)^-1 for OLS, inverse information for ML", clustered: false, fn: vcovClassical });
registerVcov({ code: "hc0", summary: "White heteroskedasticity-robust sandwich (sandwich::vcovHC HC0)", clustered: false, fn: vcovHc("hc0") });
registerVcov({ code: "hc1", summary: "HC0 times n/(n-k) (Stata's robust)", clustered: false, fn: vcovHc("hc1") });
registerVcov({ code: "hc2", summary: "scores divided by sqrt(1 - leverage)", clustered: false, fn: vcovHc("hc2") });
registerVcov({ code: "hc3", summary: "scores divided by (1 - leverage)", clustered: false, fn: vcovHc("hc3") });
registerVcov({ code: "cluster", summary: "cluster-robust CR1, one- or two-way (sandwich::vcovCL type HC1)", clustered: true, fn: vcovCluster });
