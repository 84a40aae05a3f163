/**
 * The `bootstrap:COL:REPS` variance for `fit()`: a cluster (pairs) bootstrap run in
 * this thread through the refit callback fit() provides. For the same numbers from
 * several worker threads use clusterBootstrap (src/stats/inference/bootstrap-node.ts).
 */
import { PktError } from "../../core/errors.js";
import { bootstrapDraws, bootstrapFailures, DEFAULT_BOOTSTRAP_SEED, vcovFromDraws } from "../inference/bootstrap.js";
import { registerVcov } from "./registry.js";
import type { VcovFn } from "./types.js";

/** Cluster bootstrap over `clusters[0]` (or over rows when there is none). */
export const vcovBootstrap: VcovFn = ({ fit, clusters, refit, seed, reps }) => {
  if (refit === undefined) throw new PktError("bootstrap variance needs a refit function (call it through fit())");
  const R = reps ?? 999;
  if (!(Number.isInteger(R) && R >= 2)) throw new PktError(`bootstrap replications must be a whole number >= 2, got ${R}`);
  const n = fit.scores.rows, p = fit.coef.length;
  const c = clusters.length > 0 ? clusters[0] : { name: "obs", ids: Int32Array.from({ length: n }, (_, i) => i), nLevels: n };
  if (clusters.length > 1) throw new PktError("bootstrap resamples one cluster variable; got two");
  if (c.nLevels < 2) throw new PktError(`cluster variable ${c.name} has ${c.nLevels} level; the bootstrap needs at least 2`);
  const s = seed ?? DEFAULT_BOOTSTRAP_SEED;
  const draws = bootstrapDraws((res) => refit(res.rows), { ids: c.ids, nClusters: c.nLevels }, p, s, 0, R);
  const v = vcovFromDraws(draws, p);
  const warning = bootstrapFailures(v.nFailed, R);
  if (v.nOk < 2) throw new PktError(`bootstrap: only ${v.nOk} of ${R} replicates could be fitted`);
  const failed = v.nFailed > 0 ? `; ${v.nFailed} failed replicates left out` : "";
  return {
    warnings: warning === null ? [] : [warning],
    vcov: v.vcov,
    nClusters: clusters.length > 0 ? c.nLevels : null,
    description: `Cluster bootstrap standard errors (${R} resamples of ${c.nLevels} ${c.name}, seed ${s}${failed})`,
  };
};

registerVcov({ code: "bootstrap", summary: "cluster (pairs) bootstrap: bootstrap:COL:REPS, seeded", clustered: false, fn: vcovBootstrap });
