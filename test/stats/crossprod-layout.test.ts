import { describe, expect, it } from "vitest";
import { columnLayout, designLayout, layoutCrossprod, weightedCrossprod } from "../../src/stats/linalg/crossprod-kernel.js";
import { createMatrix } from "../../src/stats/linalg/matrix.js";
import { LOGIT } from "../../src/stats/families.js";
import { fitBinomialGlm, scaledRows } from "../../src/stats/models/glm.js";
import { layoutLinearPredictor, linearPredictor } from "../../src/stats/models/irls-rows.js";
import { clusterSums, clusterSumsScaled } from "../../src/stats/vcov/sandwich.js";
import { createRng } from "../../src/stats/random.js";

/** n rows: an intercept, `dense` continuous columns, one factor's dummies (11 levels, first dropped) and two overlapping dummies. */
function design(n: number, dense: number, seed: number): { x: Float64Array; p: number } {
  const rng = createRng(seed);
  const p = 1 + dense + 10 + 2;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    x[o] = 1;
    for (let j = 1; j <= dense; j++) x[o + j] = rng.next() * 4 - 2;
    const level = Math.floor(rng.next() * 11);
    if (level > 0) x[o + dense + level] = 1;
    // Two dummies that can both be 1 in a row (overlaps), placed last.
    x[o + p - 2] = rng.next() < 0.2 ? 1 : 0;
    x[o + p - 1] = rng.next() < 0.2 ? 1 : 0;
  }
  return { x, p };
}

describe("layoutCrossprod", () => {
  it.each([0, 1, 2, 3, 5])("gives weightedCrossprod's X'WX and X'Wz to the last bit (%i dense columns besides the intercept)", (dense) => {
    const n = 500;
    const { x, p } = design(n, dense, 3 + dense);
    const rng = createRng(8);
    const w = Float64Array.from({ length: n }, () => rng.next());
    const z = Float64Array.from({ length: n }, () => rng.next() * 6 - 3);
    const l = columnLayout(x, n, p);
    expect(l).not.toBeNull();
    expect(l!.dummies).toHaveLength(12);
    expect(l!.overlaps.length).toBeGreaterThan(0);
    const a = new Float64Array(p * p), ra = new Float64Array(p);
    const b = new Float64Array(p * p), rb = new Float64Array(p);
    weightedCrossprod(x, n, p, w, a, z, ra);
    layoutCrossprod(l!, w, b, z, rb);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(rb)).toEqual(Array.from(ra));
    // Unweighted, without z.
    weightedCrossprod(x, n, p, undefined, a);
    layoutCrossprod(l!, undefined, b);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it("is not used for designs without at least two sparse 0/1 columns", () => {
    const n = 40, p = 3;
    const x = Float64Array.from({ length: n * p }, (_, k) => (k % p === 0 ? 1 : k % p === 1 ? k % 2 : (k * 7) % 5));
    expect(columnLayout(x, n, p)).toBeNull();
  });
});

describe("sums over a design's layout: X b and the cluster sums of score rows x_i r_i", () => {
  it.each([0, 2, 5])("layoutLinearPredictor equals X b to rounding (%i dense columns besides the intercept)", (dense) => {
    const n = 400;
    const { x, p } = design(n, dense, 20 + dense);
    const rng = createRng(4);
    const b = Float64Array.from({ length: p }, () => rng.next() * 2 - 1);
    const want = new Float64Array(n), got = new Float64Array(n).fill(7);
    linearPredictor(x, n, p, b, want);
    layoutLinearPredictor(columnLayout(x, n, p)!, b, got);
    for (let i = 0; i < n; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-14 * (1 + Math.abs(want[i])));
  });

  it.each([0, 3])("clusterSumsScaled equals clusterSums of the formed scores to the last bit, clusters interleaved (%i dense columns)", (dense) => {
    const n = 300;
    const { x, p } = design(n, dense, 40 + dense);
    const X = createMatrix(n, p, x);
    const rng = createRng(9);
    const r = Float64Array.from({ length: n }, () => rng.next() * 2 - 1);
    // Runs of one cluster and clusters that come back later, as a panel not sorted by cluster.
    const ids = Int32Array.from({ length: n }, (_, i) => (i < 150 ? Math.floor(i / 10) : (i * 7) % 23));
    const want = clusterSums(scaledRows(X, r), ids, 23);
    expect(designLayout(X)).not.toBeNull();
    expect(Array.from(clusterSumsScaled(X, r, ids, 23).data)).toEqual(Array.from(want.data));
    // A design without dummies takes the plain loop: the same sums.
    const dense1 = createMatrix(n, 2, Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? 1 : rng.next())));
    expect(designLayout(dense1)).toBeNull();
    expect(Array.from(clusterSumsScaled(dense1, r, ids, 23).data)).toEqual(Array.from(clusterSums(scaledRows(dense1, r), ids, 23).data));
  });

  it("a GLM fit forms its score matrix only when read, equal to x_i r_i", () => {
    const n = 200;
    const { x, p } = design(n, 2, 77);
    const rng = createRng(5);
    const y = Float64Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
    const X = createMatrix(n, p, x);
    const f = fitBinomialGlm({ y, X, fe: [] }, LOGIT);
    expect(f.scoreScale).toBeDefined();
    expect(Array.from(f.scores.data)).toEqual(Array.from(scaledRows(X, f.scoreScale!).data));
    expect(f.scores).toBe(f.scores);
  });
});

describe("layoutCrossprod of a design of dummies only (no dense column)", () => {
  it("gives weightedCrossprod's X'WX and X'Wz to the last bit", () => {
    const n = 300, p = 5;
    const rng = createRng(12);
    const x = new Float64Array(n * p);
    for (let i = 0; i < n; i++) x[i * p + Math.floor(rng.next() * p)] = 1;
    const w = Float64Array.from({ length: n }, () => rng.next());
    const z = Float64Array.from({ length: n }, () => rng.next() - 0.5);
    const l = columnLayout(x, n, p)!;
    expect(l.dense).toHaveLength(0);
    const a = new Float64Array(p * p), ra = new Float64Array(p), b = new Float64Array(p * p), rb = new Float64Array(p);
    weightedCrossprod(x, n, p, w, a, z, ra);
    layoutCrossprod(l, w, b, z, rb);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(rb)).toEqual(Array.from(ra));
  });
});
