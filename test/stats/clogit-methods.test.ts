import { describe, expect, it } from "vitest";
import { evaluate, informativeGroups, pairsCheaper } from "../../src/stats/models/clogit.js";
import { createMatrix } from "../../src/stats/linalg/matrix.js";
import { createRng } from "../../src/stats/random.js";

/** Groups of the given sizes with random covariates and outcomes (seeded). */
function data(sizes: readonly number[], p: number, seed: number) {
  const rng = createRng(seed);
  const n = sizes.reduce((a, b) => a + b, 0);
  const X = createMatrix(n, p);
  for (let i = 0; i < n * p; i++) X.data[i] = rng.next() < 0.2 ? 0 : 2 * rng.next() - 1;
  const y = Float64Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
  const ids = new Int32Array(n);
  let i = 0;
  sizes.forEach((s, g) => {
    for (let t = 0; t < s; t++) ids[i++] = g;
  });
  return { X, y, groups: informativeGroups(y, ids, sizes.length).groups };
}

describe("conditional logit: the pair and recursion methods", () => {
  it.each([
    ["country-sized groups", [11, 11, 9, 11, 4, 11, 7, 11], 12],
    ["one large stratum and small ones", [60, 3, 5, 12], 4],
    ["pairs (one event per set possible)", [2, 2, 2, 2, 2, 3, 3], 3],
  ] as const)("give the same log-likelihood, score and information (%s)", (_label, sizes, p) => {
    const d = data(sizes, p, 7);
    const rng = createRng(3);
    const beta = Float64Array.from({ length: p }, () => rng.next() - 0.5);
    const a = evaluate(d.X, d.y, d.groups, beta, "pairs");
    const b = evaluate(d.X, d.y, d.groups, beta, "recursion");
    const auto = evaluate(d.X, d.y, d.groups, beta);
    expect(a.loglik).toBeCloseTo(b.loglik, 10);
    for (let j = 0; j < p; j++) expect(a.grad[j]).toBeCloseTo(b.grad[j], 10);
    for (let j = 0; j < p * p; j++) expect(a.info.data[j]).toBeCloseTo(b.info.data[j], 10);
    expect(auto.loglik).toBeCloseTo(b.loglik, 10);
  });

  it("choose pairs for the study's groups and the recursion for large strata with few covariates", () => {
    expect(pairsCheaper(11, 5, 16)).toBe(true);
    expect(pairsCheaper(1000, 500, 3)).toBe(false);
  });
});
