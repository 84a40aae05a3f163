/**
 * Cluster-robust variance, one- or two-way, as sandwich::vcovCL(type = "HC1",
 * cadjust = TRUE, multi0 = FALSE): each clustering's meat gets G/(G-1), the
 * intersection is subtracted for two-way, and the total gets (n-1)/(n-k) (Stata's CR1).
 */
import { PktError } from "../../core/errors.js";
import { createMatrix, crossprod, type Matrix } from "../linalg/matrix.js";
import type { ClusterIndex, VcovFn } from "./types.js";
import { clusterSums, clusterSumsScaled, sandwich, scaleInPlace } from "./sandwich.js";

/** Intersect two clusterings into one (ids of distinct pairs). */
export function intersectClusters(a: ClusterIndex, b: ClusterIndex): ClusterIndex {
  const map = new Map<number, number>();
  const ids = new Int32Array(a.ids.length);
  for (let i = 0; i < ids.length; i++) {
    const key = a.ids[i] * b.nLevels + b.ids[i];
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    ids[i] = id;
  }
  return { name: `${a.name}:${b.name}`, ids, nLevels: map.size };
}

function nonZeroRows(s: Matrix): Uint8Array {
  const out = new Uint8Array(s.rows);
  for (let i = 0; i < s.rows; i++) {
    for (let j = 0; j < s.cols; j++) {
      if (s.data[i * s.cols + j] !== 0) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

function countLevels(c: ClusterIndex, rows: Uint8Array): number {
  const seen = new Uint8Array(c.nLevels);
  let g = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] && !seen[c.ids[i]]) {
      seen[c.ids[i]] = 1;
      g++;
    }
  }
  return g;
}

/** Cluster-robust (CR1) variance for one or two cluster variables. */
export const vcovCluster: VcovFn = ({ fit, X, clusters }) => {
  if (clusters.length < 1 || clusters.length > 2) {
    throw new PktError(`clustered standard errors need one or two cluster variables, got ${clusters.length}`);
  }
  for (const c of clusters) {
    if (c.nLevels < 2) {
      throw new PktError(`cluster variable ${c.name} has ${c.nLevels} level in the estimation sample; clustering needs at least 2 (use hc1 instead)`);
    }
  }
  const n = fit.nEffective ?? X.rows;
  const k = n - fit.dfResidual;
  const p = X.cols;
  const parts: { c: ClusterIndex; sign: number }[] = clusters.map((c) => ({ c, sign: 1 }));
  if (clusters.length === 2) parts.push({ c: intersectClusters(clusters[0], clusters[1]), sign: -1 });
  const informative = fit.nEffective === undefined ? null : nonZeroRows(fit.scores);
  const levelsUsed = (c: ClusterIndex): number => (informative === null ? c.nLevels : countLevels(c, informative));
  const meat = createMatrix(p, p);
  for (const { c, sign } of parts) {
    const g = levelsUsed(c);
    // Sum over every level id; g (the clusters carrying information) only sets the G/(G-1) factor.
    const sums = fit.scoreScale === undefined ? clusterSums(fit.scores, c.ids, c.nLevels) : clusterSumsScaled(X, fit.scoreScale, c.ids, c.nLevels);
    const m = crossprod(sums);
    const adj = (sign * g) / (g - 1);
    for (let i = 0; i < meat.data.length; i++) meat.data[i] += adj * m.data[i];
  }
  scaleInPlace(meat, (n - 1) / (n - k));
  const names = clusters.map((c) => c.name).join(" and ");
  const nClusters = Math.min(...clusters.map(levelsUsed));
  const counts = clusters.map((c) => `${levelsUsed(c)} clusters in ${c.name}`).join(", ");
  return {
    vcov: sandwich(fit.bread, meat),
    nClusters,
    description: `Standard errors clustered by ${names} (${counts}; CR1, Stata small-sample factor${clusters.length === 2 ? ", two-way" : ""})`,
  };
};
