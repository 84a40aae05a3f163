import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weightedCrossprod } from "../../src/stats/linalg/crossprod-kernel.js";
import { linearPredictor } from "../../src/stats/models/irls-rows.js";
import { createMatrix } from "../../src/stats/linalg/matrix.js";
import { clusterSums } from "../../src/stats/vcov/sandwich.js";

/** The plain loops the tiled kernels replace, in the same order of additions. */
function naiveCrossprod(x: Float64Array, n: number, p: number, w: Float64Array | undefined, z: Float64Array): { xtwx: Float64Array; rhs: Float64Array } {
  const xtwx = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i];
    for (let a = 0; a < p; a++) {
      const t = x[i * p + a] * wi;
      rhs[a] += t * z[i];
      for (let b = a; b < p; b++) xtwx[a * p + b] += t * x[i * p + b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[a * p + b] = xtwx[b * p + a];
  return { xtwx, rhs };
}

const design = fc
  .record({ n: fc.integer({ min: 1, max: 40 }), p: fc.integer({ min: 1, max: 11 }), weighted: fc.boolean(), seed: fc.integer({ min: 1, max: 1e6 }) })
  .map(({ n, p, weighted, seed }) => {
    let s = seed;
    const next = (): number => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647 - 0.5;
    };
    const x = Float64Array.from({ length: n * p }, () => next() * 10);
    const w = weighted ? Float64Array.from({ length: n }, () => Math.abs(next())) : undefined;
    const z = Float64Array.from({ length: n }, () => next() * 3);
    const b = Float64Array.from({ length: p }, () => next());
    return { n, p, x, w, z, b };
  });

describe("tiled typed-array kernels equal the plain loops bit for bit", () => {
  it("weightedCrossprod: X'WX and X'Wz for every p (full and edge tiles), with and without weights", () => {
    fc.assert(
      fc.property(design, ({ n, p, x, w, z }) => {
        const want = naiveCrossprod(x, n, p, w, z);
        const out = new Float64Array(p * p);
        const rhs = new Float64Array(p);
        weightedCrossprod(x, n, p, w, out, z, rhs);
        expect(Array.from(out)).toEqual(Array.from(want.xtwx));
        expect(Array.from(rhs)).toEqual(Array.from(want.rhs));
        const only = new Float64Array(p * p);
        weightedCrossprod(x, n, p, w, only);
        expect(Array.from(only)).toEqual(Array.from(want.xtwx));
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });

  it("linearPredictor: eta = X b summed in column order", () => {
    fc.assert(
      fc.property(design, ({ n, p, x, b }) => {
        const eta = new Float64Array(n).fill(99);
        linearPredictor(x, n, p, b, eta);
        for (let i = 0; i < n; i++) {
          let e = 0;
          for (let j = 0; j < p; j++) e += x[i * p + j] * b[j];
          expect(eta[i] === e).toBe(true);
        }
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });

  it("clusterSums: runs of one cluster and clusters split over several runs", () => {
    fc.assert(
      fc.property(design, fc.integer({ min: 1, max: 5 }), ({ n, p, x }, g) => {
        const ids = Int32Array.from({ length: n }, (_, i) => (i * 7 + (i >> 2)) % g);
        const want = new Float64Array(g * p);
        for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) want[ids[i] * p + j] += x[i * p + j];
        expect(Array.from(clusterSums(createMatrix(n, p, x), ids, g).data)).toEqual(Array.from(want));
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });
});
