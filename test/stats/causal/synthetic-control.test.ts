import { describe, expect, it } from "vitest";
import { projectSimplex, simplexLeastSquares } from "../../../src/stats/causal/simplex-qp.js";
import { syntheticControl, syntheticControlPlacebo, type SynthInput } from "../../../src/stats/causal/synthetic-control.js";

// A small deterministic generator so the simulated panels are the same on every run.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Factor model: y_it = a_i + l_i * f_t + noise; the treated unit is a convex mix of donors 0-2. */
function simulate(effect: number, seed: number): SynthInput {
  const rnd = lcg(seed);
  const times = Array.from({ length: 20 }, (_, t) => 2000 + t);
  const f = times.map((_, t) => Math.sin(t / 3) + t / 10);
  const units: string[] = [];
  const y: number[][] = [];
  for (let i = 0; i < 15; i++) {
    const a = 5 * rnd();
    const l = 0.5 + 2 * rnd();
    units.push(`d${i}`);
    y.push(times.map((_, t) => a + l * f[t] + 0.05 * (rnd() - 0.5)));
  }
  const mix = [0.5, 0.3, 0.2];
  units.push("T");
  y.push(times.map((yr, t) => mix.reduce((s, m, j) => s + m * y[j][t], 0) + (yr >= 2012 ? effect : 0) + 0.05 * (rnd() - 0.5)));
  return { units, times, y, treated: "T", treatmentTime: 2012 };
}

describe("projectSimplex", () => {
  it("projects onto the simplex", () => {
    expect([...projectSimplex([0.2, 0.3, 0.5])]).toEqual([0.2, 0.3, 0.5]);
    expect([...projectSimplex([2, 0, 0])]).toEqual([1, 0, 0]);
    const w = projectSimplex([0.9, 0.9, -3]);
    expect(w[0]).toBeCloseTo(0.5, 12);
    expect(w[2]).toBe(0);
  });
});

describe("simplexLeastSquares", () => {
  it("finds the known minimiser of a separable problem", () => {
    // minimise (w1 - 0.7)^2 + (w2 - 0.3)^2 + w3^2 on the simplex: optimum (0.7, 0.3, 0)
    const A = new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const b = new Float64Array([0.7, 0.3, 0]);
    const r = simplexLeastSquares(A, b, 3);
    expect(r.converged).toBe(true);
    expect(r.w[0]).toBeCloseTo(0.7, 8);
    expect(r.w[1]).toBeCloseTo(0.3, 8);
    expect(r.w[2]).toBeCloseTo(0, 8);
  });
});

describe("syntheticControl", () => {
  it("recovers a known effect of +2 with convex weights", () => {
    const r = syntheticControl(simulate(2, 7));
    expect(r.att).toBeGreaterThan(1.8);
    expect(r.att).toBeLessThan(2.2);
    expect(r.preRmspe).toBeLessThan(0.1);
    expect(r.weights.every((w) => w.weight > 0)).toBe(true);
    expect(r.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 6);
  });

  it("finds no effect when there is none, and placebo inference does not reject", () => {
    const p = syntheticControlPlacebo(simulate(0, 11));
    expect(Math.abs(p.fit.att)).toBeLessThan(0.1);
    expect(p.pValue).toBeGreaterThan(0.1);
  });

  it("placebo-in-space ranks a real effect first", () => {
    const p = syntheticControlPlacebo(simulate(2, 7));
    expect(p.placebos).toHaveLength(15);
    expect(p.pValue).toBeCloseTo(1 / 16, 12);
  });

  it("drops and names donors with missing outcomes, and rejects bad input", () => {
    const s = simulate(1, 3);
    const y = s.y.map((r) => [...r]) as (number | null)[][];
    y[5][3] = null;
    const r = syntheticControl({ ...s, y });
    expect(r.donorsDropped).toEqual(["d5"]);
    expect(() => syntheticControl({ ...s, treated: "X" })).toThrow('synthetic control: treated unit "X" is not among the units');
    expect(() => syntheticControl({ ...s, treatmentTime: 2001 })).toThrow("need at least 2 pre-treatment periods before 2001, have 1");
  });
});
