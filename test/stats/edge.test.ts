import { describe, expect, it } from "vitest";
import { fit, FormulaError } from "../../src/stats/index.js";
import type { ModelResults } from "../../src/stats/results.js";

let seed = 12345;
const rnd = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const base = Array.from({ length: 200 }, (_, i) => {
  const x1 = rnd() * 2 - 1;
  const x2 = rnd();
  const y = rnd() < 1 / (1 + Math.exp(-(x1 - x2))) ? 1 : 0;
  return { y, x1, x2, d: i % 10 === 0 ? 1 : 0, g: `c${i % 8}`, one: "only", k: 3 };
});

function noNaN(r: ModelResults): void {
  const text = JSON.stringify(r);
  expect(text).not.toMatch(/NaN|null,"std_error"|Infinity/);
  for (const t of r.tidy) for (const v of Object.values(t)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
}

describe("diagnostics: each problem gives its specific warning or error", () => {
  it("quasi-complete separation by a dummy: separation warning naming the term, suggesting firth", () => {
    const data = base.map((r) => ({ ...r, y: r.d === 1 ? 1 : r.y }));
    const r = fit("y ~ x1 + d", data);
    const w = r.warnings.filter((x) => x.type === "separation");
    expect(w.length).toBeGreaterThan(0);
    expect(w.some((x) => x.terms?.includes("d"))).toBe(true);
    expect(w.map((x) => x.message).join(" ")).toMatch(/firth/);
    noNaN(r);
  });

  it("complete separation by a continuous variable: fitted 0/1 warning, no NaN", () => {
    const data = base.map((r) => ({ ...r, y: r.x1 > 0.1 ? 1 : 0 }));
    const r = fit("y ~ x1 + x2", data);
    expect(r.warnings.some((x) => x.type === "separation" && /numerically 0 or 1/.test(x.message))).toBe(true);
    noNaN(r);
  });

  it("perfect collinearity: the later column is dropped and named", () => {
    const data = base.map((r) => ({ ...r, x3: 3 * r.x1 - r.x2 }));
    const r = fit("y ~ x1 + x2 + x3", data);
    expect(r.terms).toEqual(["(Intercept)", "x1", "x2"]);
    const w = r.warnings.find((x) => x.type === "collinearity");
    expect(w?.terms).toEqual(["x3"]);
    // As R: a tidy row for x3 with a missing estimate, flagged aliased.
    expect(r.tidy.map((t) => [t.term, t.aliased === true])).toEqual([["(Intercept)", false], ["x1", false], ["x2", false], ["x3", true]]);
    noNaN({ ...r, tidy: r.tidy.filter((t) => t.aliased !== true) });
  });

  it("all-0 outcome: an error saying the outcome never varies", () => {
    const data = base.map((r) => ({ ...r, y: 0 }));
    expect(() => fit("y ~ x1", data)).toThrow(/is 0 in all 200 rows/);
    expect(() => fit("y ~ x1", data, { model: "probit" })).toThrow(/never varies/);
    expect(() => fit("k ~ x1", base, { model: "ols" })).toThrow(/single value 3/);
  });

  it("non-binary outcome for logit: an error suggesting ols", () => {
    expect(() => fit("x1 ~ x2", base)).toThrow(/must be 0 or 1.*ols/);
  });

  it("constant column: a collinearity warning saying it is constant, column dropped", () => {
    const r = fit("y ~ x1 + k", base);
    expect(r.terms).toEqual(["(Intercept)", "x1"]);
    const w = r.warnings.find((x) => x.type === "collinearity");
    expect(w?.message).toMatch(/k is constant/);
    expect(w?.terms).toEqual(["k"]);
  });

  it("a cluster variable with one level: an error naming it", () => {
    expect(() => fit("y ~ x1", base, { vcov: "cluster:one" })).toThrow(/cluster variable one has 1 level/);
    expect(() => fit("y ~ x1", base, { vcov: { type: "cluster", by: ["g", "one"] } })).toThrow(/one has 1 level/);
  });

  it("an unknown column: a FormulaError naming it, with close matches and a caret", () => {
    let err: unknown;
    try {
      fit("y ~ x1 + x22", base);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormulaError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/unknown column "x22"; close matches: x2/);
    expect(msg).toContain("\n  y ~ x1 + x22\n           ^");
    expect(() => fit("y ~ x1", base, { vcov: "cluster:gg" })).toThrow(/unknown column "gg"; close matches: g/);
  });

  it("non-convergence: a warning when maxit is too small", () => {
    const r = fit("y ~ x1 + x2", base, { maxit: 1 });
    expect(r.glance.converged).toBe(false);
    expect(r.warnings.some((x) => x.type === "nonconvergence")).toBe(true);
  });

  it("missing values: listwise deletion counted", () => {
    const data = base.map((r, i) => ({ ...r, x2: i < 7 ? null : i < 9 ? "NA" : r.x2 }));
    const r = fit("y ~ x1 + x2", data);
    expect(r.glance.n_dropped_missing).toBe(9);
    expect(r.glance.nobs).toBe(191);
  });

  it("text where a number belongs: an error naming the row and column", () => {
    const data = base.map((r, i) => ({ ...r, x2: i === 4 ? "abc" : r.x2 }));
    expect(() => fit("y ~ x1 + x2", data)).toThrow(/data row 5, column x2: expected a number, got "abc"/);
  });

  it("bad options: unknown vcov and model, fixed effects without a kernel that takes them", () => {
    expect(() => fit("y ~ x1", base, { vcov: "hc9" })).toThrow(/expected classical, hc0/);
    expect(() => fit("y ~ x1 | g", base, { model: "probit" })).toThrow(/does not take fixed effects/);
  });

  it("results are frozen", () => {
    const r = fit("y ~ x1", base);
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.tidy[0])).toBe(true);
    expect(Object.isFrozen(r.vcov[0])).toBe(true);
  });
});

describe("few clusters", () => {
  it("warns below 20 clusters, not above", () => {
    const r = fit("y ~ x1", base, { vcov: "cluster:g" });
    expect(r.warnings.find((w) => w.type === "few-clusters")?.message).toMatch(/only 8 clusters/);
    const many = base.map((row, i) => ({ ...row, g: `c${i % 40}` }));
    expect(fit("y ~ x1", many, { vcov: "cluster:g" }).warnings.some((w) => w.type === "few-clusters")).toBe(false);
  });
});
