import { describe, expect, it } from "vitest";
import { fit, fitDetailed, lrTest, predict, waldTest } from "../../src/stats/index.js";
import { relDiff } from "../util/check-results.js";
import { datasetRecords, loadCoreReference } from "./reference-data.js";

const ref = loadCoreReference() as unknown as { tests: Record<string, Record<string, unknown>> };
const T = ref.tests;
const hti = datasetRecords("hti").filter((r) => r.polity2 !== "" && r.mrgdppc !== "" && r.pwtpop !== "");
const sim1 = datasetRecords("sim1");

describe("tests and predictions against R (lmtest, predict.glm)", () => {
  it("likelihood-ratio test (lmtest::lrtest)", () => {
    const t = T.hti_lr as { full: string; restricted: string; statistic: number; df: number; p_value: number };
    const lr = lrTest(fit(t.restricted, hti), fit(t.full, hti));
    expect(relDiff(lr.statistic, t.statistic)).toBeLessThan(1e-8);
    expect(lr.df).toBe(t.df);
    expect(relDiff(lr.p_value, t.p_value, 1e-300)).toBeLessThan(1e-6);
  });

  for (const key of ["hti_wald", "hti_wald_cluster"]) {
    it(`Wald chi-squared test (lmtest::waldtest) ${key}`, () => {
      const t = T[key] as { formula: string; vcov?: string; terms: string[]; chi2: number; df: number; p_value: number };
      const w = waldTest(fit(t.formula, hti, { vcov: t.vcov }), { terms: t.terms });
      expect(relDiff(w.chi2, t.chi2)).toBeLessThan(1e-6);
      expect(w.df).toBe(t.df);
      expect(relDiff(w.p_value, t.p_value, 1e-300)).toBeLessThan(1e-5);
      expect(w.f).toBeNull();
    });
  }

  it("Wald F test for OLS", () => {
    const t = T.sim1_wald_f as { formula: string; terms: string[]; f: number; df: number; p_value: number };
    const w = waldTest(fit(t.formula, sim1, { model: "ols" }), { terms: t.terms });
    expect(relDiff(w.f as number, t.f)).toBeLessThan(1e-8);
    expect(relDiff(w.f_p_value as number, t.p_value)).toBeLessThan(1e-6);
  });

  it("a one-term Wald test equals the squared z statistic; R-matrix form agrees", () => {
    const r = fit("pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", hti);
    const z = r.tidy[1].statistic;
    expect(relDiff(waldTest(r, { terms: ["polity2"] }).chi2, z * z)).toBeLessThan(1e-12);
    expect(relDiff(waldTest(r, { R: [[0, 1, 0, 0]] }).chi2, z * z)).toBeLessThan(1e-12);
    expect(() => waldTest(r, { terms: ["nope"] })).toThrow(/not among/);
  });

  it("predicted link and probabilities for new data (predict.glm)", () => {
    const t = T.hti_predict as { formula: string; newdata: Record<string, number>[]; link: number[]; response: number[] };
    const r = fit(t.formula, hti);
    const link = predict(r, t.newdata, { type: "link" });
    const resp = predict(r, t.newdata);
    t.link.forEach((v, i) => expect(relDiff(link[i] as number, v)).toBeLessThan(1e-8));
    t.response.forEach((v, i) => expect(relDiff(resp[i] as number, v)).toBeLessThan(1e-8));
    expect(predict(r, [{ polity2: null, mrgdppc: 100, pwtpop: 3 }])).toEqual([null]);
  });

  it("predict on the estimation rows reproduces the fitted values, factors and interactions included", () => {
    const d = fitDetailed("y ~ x1 + log1p(x2) * x3 + factor(region)", sim1);
    const rows = Array.from(d.frame.rowIndex, (i) => sim1[i]);
    const p = predict(d.results, rows);
    p.forEach((v, i) => expect(Math.abs((v as number) - d.kernelFit.fitted[i])).toBeLessThan(1e-12));
  });
});
