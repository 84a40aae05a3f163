import { describe, expect, it } from "vitest";
import { createRng, fit, fitDetailed, refitOutcome, type FitOptions } from "../../src/stats/index.js";

/** 40 clusters x 8 rows, two regressors and their interaction. */
function rows(seed: number): Record<string, number>[] {
  const rng = createRng(seed, 0);
  return Array.from({ length: 320 }, (_, i) => {
    const x = rng.next() * 3;
    const m = rng.next();
    return { g: Math.floor(i / 8), x, m, y: rng.next() < 1 / (1 + Math.exp(-(-0.5 + 0.4 * x - m))) ? 1 : 0, z: 1 + x - 2 * m + rng.next() };
  });
}

describe("refitOutcome: fit() on the same rows with a new outcome, without rebuilding the design", () => {
  const data = rows(7);
  const cases: [string, string, FitOptions][] = [
    ["logit", "y ~ x + m + x:m", { model: "logit", vcov: { type: "cluster", by: ["g"] } }],
    ["ols", "z ~ log1p(x) + m + log1p(x):m", { model: "ols", vcov: { type: "cluster", by: ["g"] } }],
  ];
  for (const [name, formula, opts] of cases) {
    it(`${name}: same estimates, standard errors and p-values as fit() (1e-12)`, () => {
      const d = fitDetailed(formula, data, opts);
      const rng = createRng(11, 1);
      for (let s = 0; s < 5; s++) {
        const ynew = data.map((r) => (name === "logit" ? (rng.next() < 0.4 ? 1 : 0) : (r.z as number) + rng.next() - 0.5));
        const col = name === "logit" ? "y" : "z";
        const ref = fit(formula, data.map((r, i) => ({ ...r, [col]: ynew[i] })), opts).tidy;
        const got = refitOutcome(d, Float64Array.from(d.frame.rowIndex, (i) => ynew[i]), opts);
        expect(got.map((t) => t.term)).toEqual(ref.map((t) => t.term));
        for (let j = 0; j < ref.length; j++) {
          for (const k of ["estimate", "std_error", "p_value", "conf_low", "conf_high"] as const) expect(got[j][k]).toBeCloseTo(ref[j][k], 12);
        }
      }
    });
  }

  it("logit from start values (as glm(start = ...)): the estimates of a start from scratch, to the convergence tolerance", () => {
    const opts: FitOptions = { model: "logit", vcov: { type: "cluster", by: ["g"] } };
    const d = fitDetailed("y ~ x + m", data, opts);
    const rng = createRng(12, 1);
    const y = Float64Array.from(d.frame.rowIndex, () => (rng.next() < 0.4 ? 1 : 0));
    const cold = refitOutcome(d, y, opts);
    const warm = refitOutcome(d, y, { ...opts, start: { "(Intercept)": -0.4, m: -0.9 } });
    for (let j = 0; j < cold.length; j++) {
      expect(Math.abs(warm[j].estimate - cold[j].estimate)).toBeLessThan(1e-6 * cold[j].std_error);
      expect(Math.abs(warm[j].std_error - cold[j].std_error)).toBeLessThan(1e-6 * cold[j].std_error);
    }
  });

  it("fit() from start values by name: the start-from-scratch estimates, to the convergence tolerance", () => {
    const opts: FitOptions = { model: "logit", vcov: { type: "cluster", by: ["g"] } };
    const cold = fit("y ~ x + m", data, opts).tidy;
    const warm = fit("y ~ x + m", data, { ...opts, start: { "(Intercept)": -0.4, x: 0.5 } }).tidy;
    for (let j = 0; j < cold.length; j++) expect(Math.abs(warm[j].estimate - cold[j].estimate)).toBeLessThan(1e-6 * cold[j].std_error);
    const clogitRows = data.map((r) => ({ ...r, g: r.g % 20 }));
    const c0 = fit("y ~ x + m | g", clogitRows, { model: "logit", vcov: "cluster:g" }).tidy;
    const c1 = fit("y ~ x + m | g", clogitRows, { model: "logit", vcov: "cluster:g", start: { x: 1, m: -2 } }).tidy;
    for (let j = 0; j < c0.length; j++) expect(Math.abs(c1[j].estimate - c0[j].estimate)).toBeLessThan(1e-10 * c0[j].std_error);
  });

  it("throws where fit() throws: an outcome without variation", () => {
    const d = fitDetailed("y ~ x + m", data, { model: "logit" });
    expect(() => refitOutcome(d, new Float64Array(d.X.rows), { model: "logit" })).toThrow();
  });
});
