import { describe, expect, test } from "vitest";
import { fit, fitDetailed } from "../../../src/stats/index.js";
import { createMatrix } from "../../../src/stats/linalg/matrix.js";
import { fitClogit } from "../../../src/stats/models/clogit.js";
import { fitFirth } from "../../../src/stats/models/firth.js";
import { fitRelogit } from "../../../src/stats/models/relogit.js";
import type { KernelInput } from "../../../src/stats/kernel.js";
import { checkResults, relDiff } from "../../util/check-results.js";
import { dataset, refCase } from "./reference.js";

function inputFor(formula: string, data: string): KernelInput {
  const d = fitDetailed(formula, dataset(data), { model: "logit" });
  return { y: d.frame.y, X: d.X, fe: d.frame.fe };
}

function colSums(m: { rows: number; cols: number; data: Float64Array }): number[] {
  const s = new Array(m.cols).fill(0);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) s[j] += m.data[i * m.cols + j];
  return s;
}

describe("conditional logit: scores and Hessian", () => {
  const input = inputFor("y ~ x1 + x2 | g", "panel");
  const f = fitClogit(input);

  test("per-row scores sum to the gradient, zero at the estimate", () => {
    for (const s of colSums(f.scores)) expect(Math.abs(s)).toBeLessThan(1e-9);
  });

  test("the analytic information equals the numerical Hessian of the conditional log-likelihood", () => {
    const p = f.coef.length, h = 1e-4;
    const ll = (b: Float64Array): number => fitClogit({ ...input, start: b, maxit: 0 }).loglik as number;
    const H = createMatrix(p, p);
    for (let a = 0; a < p; a++) {
      for (let c = 0; c < p; c++) {
        const pp = Float64Array.from(f.coef), pm = Float64Array.from(f.coef), mp = Float64Array.from(f.coef), mm = Float64Array.from(f.coef);
        pp[a] += h; pp[c] += h; pm[a] += h; pm[c] -= h; mp[a] -= h; mp[c] += h; mm[a] -= h; mm[c] -= h;
        H.data[a * p + c] = -(ll(pp) - ll(pm) - ll(mp) + ll(mm)) / (4 * h * h);
      }
    }
    // bread is the inverse information: bread * H should be the identity.
    for (let a = 0; a < p; a++) {
      for (let c = 0; c < p; c++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += f.bread.data[a * p + k] * H.data[k * p + c];
        expect(Math.abs(s - (a === c ? 1 : 0))).toBeLessThan(1e-5);
      }
    }
  });

  test("fitted values are conditional probabilities: they sum to the events in each group", () => {
    const fe = input.fe[0];
    const sumY = new Float64Array(fe.levels.length), sumP = new Float64Array(fe.levels.length);
    fe.ids.forEach((g, i) => ((sumY[g] += input.y[i]), (sumP[g] += f.fitted[i])));
    sumY.forEach((s, g) => expect(Math.abs(s - sumP[g])).toBeLessThan(1e-10));
  });
});

describe("Firth and rare-events logit", () => {
  test("Firth: the modified score is zero at the estimate (ordinary score plus h (1/2 - p) x)", () => {
    const input = inputFor("y ~ x1 + x2", "sep");
    const f = fitFirth(input);
    const u = colSums(f.scores);
    const p = f.coef.length, h = f.hat as Float64Array;
    for (let i = 0; i < input.X.rows; i++) for (let j = 0; j < p; j++) u[j] += h[i] * (0.5 - f.fitted[i]) * input.X.data[i * p + j];
    for (const s of u) expect(Math.abs(s)).toBeLessThan(1e-9);
  });

  test("Firth is finite under quasi-separation where the ML logit warns", () => {
    const ml = fit("y ~ x1 + x2", dataset("sep"), { model: "logit" });
    expect(ml.warnings.some((w) => w.type === "separation")).toBe(true);
    const fr = fit("y ~ x1 + x2", dataset("sep"), { model: "firth" });
    expect(fr.glance.converged).toBe(true);
    for (const t of fr.tidy) expect(Number.isFinite(t.std_error)).toBe(true);
  });

  test("rare-events logit: ML scores sum to zero; a bad tau is refused", () => {
    const input = inputFor("y ~ x1 + x2 + x3", "rare");
    const f = fitRelogit(input);
    for (const s of colSums(f.scores)) expect(Math.abs(s)).toBeLessThan(1e-8);
    expect(() => fitRelogit({ ...input, extra: { tau: 1.5 } })).toThrow(/tau must be in \(0, 1\)/);
  });
});

describe("within estimator", () => {
  test("alternating projections give the same two-way fit as the exact partialling-out", () => {
    for (const id of ["feols-panel-2fe-classical", "feols-study-2fe-classical"]) {
      const c = refCase(id);
      const r = fit(c.formula, dataset(c.dataset), { model: "ols", extra: { feMethod: "alternating" } });
      checkResults(r, c, { coef: 1e-8, se: 1e-7 });
      expect(r.df_residual).toBe(c.df_residual);
    }
  });

  test("residual scores sum to zero and the within R2 is in [0, 1]", () => {
    const d = fitDetailed("yc ~ x1 + x2 | g + t", dataset("panel"), { model: "ols" });
    for (const s of colSums(d.kernelFit.scores)) expect(Math.abs(s)).toBeLessThan(1e-9);
    expect(d.kernelFit.r2).toBeGreaterThan(0);
    expect(d.kernelFit.r2).toBeLessThan(1);
  });

  test("a regressor constant within groups is named as collinear with the fixed effects", () => {
    const rows = dataset("panel").map((r) => ({ ...r, gconst: Number(r.g) % 3 }));
    expect(() => fit("yc ~ x1 + gconst | g", rows, { model: "ols" })).toThrow(/column 2 .*constant within the fixed effects/);
  });

  test("residual degrees of freedom count the absorbed levels (n - p - G)", () => {
    const rows = dataset("panel").filter((r) => Number(r.g) <= 3);
    const r = fit("yc ~ x1 | g", rows, { model: "ols" });
    expect(relDiff(r.df_residual as number, rows.length - 1 - 3)).toBe(0);
  });
});

describe("conditional logit edge cases", () => {
  test("an outcome that varies in no group is an error, not NaN", () => {
    const rows = dataset("panel").map((r) => ({ ...r, yg: Number(r.g) % 2 }));
    expect(() => fit("yg ~ x1 | g", rows, { model: "logit" })).toThrow(/does not vary within any g group/);
  });
});

describe("conditional logit on large groups", () => {
  test("groups of 2,000 rows with about 1,000 events neither overflow nor lose accuracy", () => {
    let state = 12345;
    const u = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
    const rows = Array.from({ length: 4000 }, (_, i) => {
      const x = 3 * (u() - 0.5);
      return { g: i % 2, x, y: u() < 1 / (1 + Math.exp(-x)) ? 1 : 0 };
    });
    const d = fitDetailed("y ~ x | g", rows, { model: "logit" });
    const f = d.kernelFit;
    expect(f.converged).toBe(true);
    expect(Number.isFinite(f.loglik as number)).toBe(true);
    for (const v of colSums(f.scores)) expect(Math.abs(v)).toBeLessThan(1e-7);
    const sumY = [0, 0], sumP = [0, 0];
    d.frame.fe[0].ids.forEach((g, i) => ((sumY[g] += d.frame.y[i]), (sumP[g] += f.fitted[i])));
    for (const g of [0, 1]) expect(Math.abs(sumY[g] - sumP[g])).toBeLessThan(1e-8);
    expect(f.coef[0]).toBeGreaterThan(0.7);
    expect(f.coef[0]).toBeLessThan(1.3);
  });
});
