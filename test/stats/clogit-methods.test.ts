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

  it("agree with tied rows, near-tied rows, one event and one non-event per group", () => {
    // Group 0: rows 1-3 repeat row 0 (exact ties) and row 4 differs from it by 1e-5 (inside the
    // closed form's gap); group 1 has one event, group 2 one non-event; groups of 11 rows.
    const p = 4, sizes = [11, 11, 11, 11];
    const d = data(sizes, p, 11);
    for (let t = 1; t <= 3; t++) for (let a = 0; a < p; a++) d.X.data[t * p + a] = d.X.data[a];
    for (let a = 0; a < p; a++) d.X.data[4 * p + a] = d.X.data[a] + 1e-5;
    const y = Float64Array.from(d.y);
    y.fill(0, 0, 11);
    y[0] = y[2] = y[4] = y[7] = 1;
    y.fill(0, 11, 22);
    y[15] = 1;
    y.fill(1, 22, 33);
    y[30] = 0;
    const ids = Int32Array.from({ length: 44 }, (_, i) => Math.floor(i / 11));
    const groups = informativeGroups(y, ids, 4).groups;
    expect(groups.map((g) => g.events)).toEqual([4, 1, 10, groups[3].events]);
    const beta = Float64Array.of(0.8, -0.4, 0.3, 1.1);
    const a = evaluate(d.X, y, groups, beta, "pairs");
    const b = evaluate(d.X, y, groups, beta, "recursion");
    expect(Math.abs(a.loglik - b.loglik)).toBeLessThan(1e-12);
    for (let j = 0; j < p; j++) expect(Math.abs(a.grad[j] - b.grad[j])).toBeLessThan(1e-12);
    for (let j = 0; j < p * p; j++) expect(Math.abs(a.info.data[j] - b.info.data[j])).toBeLessThan(1e-12 * Math.max(1, Math.abs(b.info.data[j])));
  });

  it("choose pairs for the study's groups and the recursion for large strata with few covariates", () => {
    expect(pairsCheaper(11, 5, 16)).toBe(true);
    expect(pairsCheaper(1000, 500, 3)).toBe(false);
  });
});
