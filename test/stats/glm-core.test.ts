import { afterAll, describe, expect, it } from "vitest";
import { fit } from "../../src/stats/index.js";
import { checkResults, relDiff } from "../util/check-results.js";
import { datasetRecords, loadCoreReference } from "./reference-data.js";

const ref = loadCoreReference();
const cache = new Map<string, Record<string, unknown>[]>();
const data = (name: string) => {
  if (!cache.has(name)) cache.set(name, datasetRecords(name));
  return cache.get(name) as Record<string, unknown>[];
};
const worst = { coef: 0, se: 0, loglik: 0, p: 0, ci: 0, fits: 0 };

describe("core estimators match R (glm_core.json)", () => {
  it("names R and package versions", () => {
    expect(String(ref.source.R)).toMatch(/^R version 4/);
    expect(ref.source.packages).toHaveProperty("sandwich");
  });

  for (const r of ref.fits) {
    describe(r.id, () => {
      for (const [vcov, se] of Object.entries(r.se)) {
        if (se.some((v) => v === null)) {
          it(`${vcov}: R's variance has a negative diagonal, pkt refuses with an error`, () => {
            expect(() => fit(r.formula, data(r.data), { model: r.model, vcov })).toThrow(/not positive/);
          });
          continue;
        }
        it(`${vcov}: coefficients, SE, loglik`, () => {
          const res = fit(r.formula, data(r.data), { model: r.model, vcov });
          const rep = checkResults(res, { terms: r.terms, coef: r.coef, se: se as number[], loglik: r.loglik, nobs: r.nobs, aliased: r.aliased });
          worst.coef = Math.max(worst.coef, rep.maxRel.coef);
          worst.se = Math.max(worst.se, rep.maxRel.se);
          worst.loglik = Math.max(worst.loglik, rep.maxRel.loglik);
          worst.fits++;
          expect(res.glance.n_dropped_missing).toBe(r.n_dropped);
          expect(res.vcov_type).toBe(vcov);
          if (vcov.startsWith("cluster:")) {
            const k = Object.keys(r.se).filter((x) => x.startsWith("cluster:")).indexOf(vcov);
            expect(res.glance.n_clusters).toBe(r.n_clusters[k]);
          }
        });
      }
      it("iterations, AIC/BIC, pseudo-R2, statistics, p-values, intervals", () => {
        const res = fit(r.formula, data(r.data), { model: r.model });
        expect(res.glance.iterations).toBe(r.iterations);
        expect(res.glance.converged).toBe(r.converged);
        expect(relDiff(res.glance.aic as number, r.aic)).toBeLessThan(1e-8);
        expect(relDiff(res.glance.bic as number, r.bic)).toBeLessThan(1e-8);
        expect(relDiff(res.glance.r2 as number, r.r2)).toBeLessThan(1e-7);
        expect(res.statistic_name).toBe(r.model === "ols" ? "t" : "z");
        const live = r.terms.filter((t) => !r.aliased.includes(t));
        live.forEach((t, k) => {
          const row = res.tidy[res.terms.indexOf(t)];
          expect(relDiff(row.statistic, r.statistic[k])).toBeLessThan(1e-5);
          const dp = relDiff(row.p_value, r.p_value[k], 1e-300);
          worst.p = Math.max(worst.p, dp);
          expect(dp).toBeLessThan(1e-4);
          const dc = Math.max(relDiff(row.conf_low, r.conf_low[k]), relDiff(row.conf_high, r.conf_high[k]));
          worst.ci = Math.max(worst.ci, dc);
          expect(dc).toBeLessThan(1e-5);
        });
        if (r.aliased.length > 0) {
          const w = res.warnings.find((x) => x.type === "collinearity");
          expect(w?.terms).toEqual(r.aliased);
        }
      });
    });
  }
});

afterAll(() => {
  // eslint-disable-next-line no-console -- the measured differences belong in the test log
  console.log(`glm_core: ${worst.fits} fit/vcov pairs; max rel diff coef ${worst.coef.toExponential(2)}, se ${worst.se.toExponential(2)}, loglik ${worst.loglik.toExponential(2)}, p ${worst.p.toExponential(2)}, ci ${worst.ci.toExponential(2)}`);
});
