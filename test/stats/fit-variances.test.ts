import { describe, expect, it } from "vitest";
import { fit, fitVariances } from "../../src/stats/index.js";
import { datasetRecords } from "./reference-data.js";

const data = datasetRecords("sim1");
const formula = "y ~ x1 + log1p(x2) * x3";

describe("fitVariances: one fit, several variances", () => {
  const vcovs = ["classical", "hc1", "cluster:g", "cluster:g+h"] as const;

  it.each(["logit", "probit", "ols"] as const)("gives exactly what a separate fit per variance gives (%s)", (model) => {
    const shared = fitVariances(formula, data, { model }, vcovs);
    expect(shared).toHaveLength(vcovs.length);
    vcovs.forEach((v, k) => expect(shared[k]).toEqual(fit(formula, data, { model, vcov: v })));
  });

  it("fits separately when a clustering column is missing in some rows (the variances would see different rows)", () => {
    const holed = data.map((r, i) => (i % 7 === 0 ? { ...r, g2: null } : { ...r, g2: String(i % 11) }));
    const shared = fitVariances(formula, holed, { model: "logit" }, ["hc1", "cluster:g2"]);
    expect(shared[1].glance.nobs).toBeLessThan(shared[0].glance.nobs);
    expect(shared[0]).toEqual(fit(formula, holed, { model: "logit", vcov: "hc1" }));
    expect(shared[1]).toEqual(fit(formula, holed, { model: "logit", vcov: "cluster:g2" }));
  });

  it("names the unknown clustering column before fitting", () => {
    expect(() => fitVariances(formula, data, { model: "logit" }, ["hc1", "cluster:nope"])).toThrow(/vcov cluster:nope: expected a column of the data, found unknown column "nope"/);
  });
});
