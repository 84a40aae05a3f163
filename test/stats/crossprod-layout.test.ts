import { describe, expect, it } from "vitest";
import { columnLayout, layoutCrossprod, weightedCrossprod } from "../../src/stats/linalg/crossprod-kernel.js";
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
