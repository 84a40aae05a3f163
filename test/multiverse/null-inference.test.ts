import { describe, expect, it } from "vitest";
import { commonUniform, dropTerm, nullInference, type NullSpec } from "../../src/multiverse/null-inference.js";
import { createRng } from "../../src/stats/random.js";
import type { PanelRow } from "../../src/study/data.js";

/** A simulated country-year panel: y from a logit in x (slope `beta`) and two controls. */
function simulate(beta: number, seed: number): PanelRow[] {
  const r = createRng(seed);
  const norm = () => Math.sqrt(-2 * Math.log(r.next() + 1e-12)) * Math.cos(2 * Math.PI * r.next());
  const rows: PanelRow[] = [];
  for (let c = 0; c < 60; c++) {
    for (let year = 2001; year <= 2008; year++) {
      const x = norm();
      const z1 = norm();
      const z2 = 0.5 * x + norm();
      const eta = -0.3 + beta * x + 0.4 * z1 - 0.3 * z2;
      rows.push({ ccode: c, year, x, z1, z2, y: r.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0 });
    }
  }
  return rows;
}

function specs(rows: PanelRow[]): NullSpec[] {
  const f = ["y ~ x", "y ~ x + z1", "y ~ x + z2", "y ~ x + z1 + z2"];
  return f.flatMap((formula) => (["logit", "probit"] as const).map((kind) => ({ formula, kind, vcov: "cluster:ccode", term: "x", rows })));
}

describe("nullInference", () => {
  it("drops the key term to impose the null", () => {
    expect(dropTerm("y ~ log1p(un_total) + log(gdppc) + trend", "log1p(un_total)")).toBe("y ~ log(gdppc) + trend");
    expect(dropTerm("y ~ x", "x")).toBe("y ~ 1");
    expect(() => dropTerm("y ~ a", "x")).toThrow(/null inference: term x is not in y ~ a/);
  });

  it("draws one common uniform per country-year, the same in any subset of specifications", () => {
    const u = commonUniform(7, 3, 345, 2005);
    expect(commonUniform(7, 3, 345, 2005)).toBe(u);
    expect(new Set([commonUniform(7, 4, 345, 2005), commonUniform(7, 3, 346, 2005), commonUniform(7, 3, 345, 2006), commonUniform(8, 3, 345, 2005)]).has(u)).toBe(false);
    expect(() => commonUniform(7, 3, 2000, 2005)).toThrow(/outside COW codes/);
    // The draws of two specifications fitted together equal those of each fitted alone (as
    // in worker threads holding different specifications).
    const rows = simulate(0, 3);
    const [a, b] = specs(rows).slice(0, 2);
    const both = nullInference([a, b], { draws: 3, seed: 5 });
    const alone = [nullInference([a], { draws: 3, seed: 5 }), nullInference([b], { draws: 3, seed: 5 })];
    both.null_draws.forEach((d, k) => {
      const medians = alone.map((x) => x.null_draws[k].median_estimate).sort((p, q) => p - q);
      expect(d.median_estimate).toBeCloseTo((medians[0] + medians[1]) / 2, 12);
    });
  });

  it("rejects the null when there is an effect", () => {
    const res = nullInference(specs(simulate(0.6, 1)), { draws: 40, seed: 7 });
    expect(res.observed.share_positive_significant).toBe(1);
    expect(res.p_median).toBeLessThan(0.05);
    expect(res.p_share).toBeLessThan(0.05);
  });

  it("does not reject it when there is none, and is the same for the same seed", () => {
    const s = specs(simulate(0, 2));
    const a = nullInference(s, { draws: 40, seed: 7 });
    expect(a.p_median).toBeGreaterThan(0.05);
    expect(a.null_draws).toHaveLength(40);
    const b = nullInference(s, { draws: 40, seed: 7 });
    expect(b).toEqual(a);
  });
});
