/**
 * The engine against R at the edges (issue 12): scripts/reference/edges.R writes
 * test/fixtures/reference/edges.json from R 4.2 (lm, glm, sandwich).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fit } from "../../src/stats/index.js";
import type { ModelResults } from "../../src/stats/results.js";
import { csvRecords } from "./reference-data.js";

const REF = resolve(import.meta.dirname, "../fixtures/reference");
interface EdgeRef {
  formula: string;
  model: "ols" | "logit";
  vcov?: string;
  terms: string[];
  coef: (number | null)[];
  se: (number | null)[];
  aliased: boolean[];
  loglik: number;
  nobs: number;
  rank: number;
  r_error?: string;
  r_warning?: string;
  n_inf?: number;
  n_nan?: number;
}
const ref = JSON.parse(readFileSync(resolve(REF, "edges.json"), "utf8")) as Record<string, EdgeRef>;
const data = csvRecords(readFileSync(resolve(REF, "data/edges.csv"), "utf8"), "edges.csv");

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

function check(r: ModelResults, e: EdgeRef, tol = { coef: 1e-6, se: 1e-5 }): void {
  expect(r.tidy.map((t) => t.term)).toEqual(e.terms);
  expect(r.tidy.map((t) => t.aliased === true)).toEqual(e.aliased);
  r.tidy.forEach((t, j) => {
    if (e.aliased[j]) {
      expect(t.estimate).toBeNaN();
      return;
    }
    expect(rel(t.estimate, e.coef[j] as number), `${t.term} estimate`).toBeLessThan(tol.coef);
    expect(rel(t.std_error, e.se[j] as number), `${t.term} std. error`).toBeLessThan(tol.se);
  });
  expect(r.glance.nobs).toBe(e.nobs);
  expect(rel(r.glance.loglik as number, e.loglik)).toBeLessThan(1e-10);
}

const fitRef = (e: EdgeRef): ModelResults => fit(e.formula, data, { model: e.model, vcov: e.vcov ?? "classical" });

describe("ill-conditioned designs (pivoted QR, not Cholesky of X'X)", () => {
  for (const id of ["poly2_ols", "poly2_logit", "hc3_poly2"]) {
    // Cholesky of X'X was off by 2.6e-7 (OLS) and 2.4e-5 (logit) in the coefficients here.
    it(`${id}: ${ref[id].formula} matches R (coef 1e-9, se 1e-5)`, () => check(fitRef(ref[id]), ref[id], { coef: 1e-9, se: 1e-5 }));
  }
});

describe("aliased terms are decided by R's rule and reported as R does", () => {
  for (const id of ["poly3_ols", "poly3_logit", "alias_ols", "alias_logit"]) {
    it(`${id}: ${ref[id].formula} (${ref[id].model}): rank ${ref[id].rank}`, () => {
      const r = fitRef(ref[id]);
      check(r, ref[id]);
      expect(r.terms.length).toBe(ref[id].rank);
      const al = ref[id].terms.filter((_, j) => ref[id].aliased[j]);
      if (al.length > 0) expect(r.warnings.find((w) => w.type === "collinearity")?.terms).toEqual(al);
      else expect(r.warnings.filter((w) => w.type === "collinearity")).toEqual([]);
    });
  }
});

describe("factors inside interactions are coded as R's model.matrix", () => {
  for (const id of ["factor_slope_ols", "factor_slope_logit", "factor_x_factor_ols", "factor_noint_ols"]) {
    it(`${id}: ${ref[id].formula}`, () => check(fitRef(ref[id]), ref[id]));
  }
});

describe("log and sqrt outside their domain", () => {
  it("log(0) in the design is an error naming the term and the count of rows, as R stops", () => {
    const e = ref.log_zero;
    expect(e.r_error).toBe("NA/NaN/Inf in 'x'");
    expect(() => fitRef(e)).toThrow(`formula ${e.formula}: log(w0) is -Inf in ${e.n_inf} rows (first: data row 5); R stops here ("NA/NaN/Inf in 'x'"); remove or recode those rows, e.g. log1p(w0) or log(w0 + c)`);
  });

  for (const id of ["log_negative", "sqrt_negative"]) {
    it(`${id}: NaN rows are dropped with a warning naming the term and the count, as R warns "NaNs produced"`, () => {
      const e = ref[id];
      expect(e.r_warning).toBe("NaNs produced");
      const r = fitRef(e);
      check(r, e);
      const term = e.formula.split(" ")[2];
      expect(r.warnings.find((w) => w.type === "domain")?.message).toBe(
        `${term} is NaN (outside the function's domain) in ${e.n_nan} rows (first: data row 8); those rows are dropped, as R does after warning "NaNs produced"`,
      );
      expect(r.glance.n_dropped_nan).toBe(e.n_nan);
      expect(r.glance.n_dropped_missing).toBe(0);
    });
  }
});

describe("HC2/HC3 after fixed effects: correct leverages or a refusal", () => {
  const hc = JSON.parse(readFileSync(resolve(REF, "edges_hc.json"), "utf8")) as Record<string, EdgeRef>;
  for (const id of ["hc2", "hc3", "hc2_twoway", "hc3_twoway"]) {
    it(`feols ${hc[id].formula}, ${hc[id].vcov}: equals vcovHC on the dummy-variable lm`, () => {
      const r = fit(hc[id].formula, data, { model: "ols", vcov: hc[id].vcov });
      r.tidy.forEach((t, j) => {
        expect(rel(t.estimate, hc[id].coef[j] as number)).toBeLessThan(1e-10);
        expect(rel(t.std_error, hc[id].se[j] as number)).toBeLessThan(1e-10);
      });
    });
  }

  it("feols swept by alternating projections refuses HC2/HC3 (it used the untransformed design's leverages)", () => {
    expect(() => fit("yc ~ x + z | year + r", data, { model: "ols", vcov: "hc2", extra: { feMethod: "alternating" } })).toThrow(
      "vcov hc2: not available for feols: the leverages of the dummy-variable model are not computed when the fixed effects are swept out by alternating projections; use hc0, hc1 or cluster:COL",
    );
  });

  it("conditional logit refuses HC2/HC3 (it returned numbers about 10% off any definition)", () => {
    for (const v of ["hc2", "hc3"]) {
      expect(() => fit("yb ~ x + z | year", data, { model: "logit", vcov: v })).toThrow(`vcov ${v}: not available for clogit`);
    }
  });
});

describe("bootstrap replicates that fail to converge", () => {
  it("are counted and refused above 5% of the replicates (leaving them out biases the SEs down)", () => {
    // maxit 2: IRLS (started from the full-sample estimate) converges in only 4 of 20 replicates.
    expect(() => fit("yb ~ x + z", data, { model: "logit", vcov: "bootstrap:r:20", seed: 3, maxit: 2 })).toThrow(
      /^bootstrap: 16 of 20 replicates \(80\.0%\) failed to converge, more than the 5% allowed; leaving them out would bias the standard errors down/,
    );
  });

  it("up to 5% are left out with a warning on the result and in the variance's description", async () => {
    const { bootstrapFailures } = await import("../../src/stats/inference/bootstrap.js");
    expect(bootstrapFailures(0, 999)).toBeNull();
    expect(bootstrapFailures(49, 999)?.message).toBe(
      "bootstrap: 49 of 999 replicates (4.9%) failed to converge and were left out (allowed up to 5%); the standard errors may be slightly too small",
    );
    expect(() => bootstrapFailures(50, 999)).toThrow(/50 of 999 replicates \(5\.0%\)/);
  });
});

describe("Firth: step halving as logistf", () => {
  it("converges to brglm2's estimate from far start values (without the step cap and halving it diverged to 1e25)", async () => {
    const { fitFirth } = await import("../../src/stats/models/firth.js");
    const { modelFrame } = await import("../../src/stats/model-frame.js");
    const { dataset, REF: EXTRA } = await import("./extra/reference.js");
    const c = EXTRA.cases.find((x) => x.id === "firth-sep-classical")!;
    const f = modelFrame(c.formula, dataset(c.dataset));
    for (const start of [[10, -10, 10], [30, -30, 30], [-50, 50, 50]]) {
      const k = fitFirth({ y: f.y, X: f.X, fe: [], start: Float64Array.from(start) });
      expect(k.converged).toBe(true);
      Array.from(k.coef).forEach((b, j) => expect(Math.abs(b - c.coef[j])).toBeLessThan(1e-9));
      expect(Math.abs((k.loglik as number) - (c.loglik as number))).toBeLessThan(1e-8);
      expect(Math.abs((k.loglikPenalized as number) - (c.penalized_loglik as number))).toBeLessThan(1e-8);
    }
  });
});
