import { describe, expect, it } from "vitest";
import { declareSubset, fit } from "../../src/stats/index.js";

function rows(): Record<string, number>[] {
  return Array.from({ length: 60 }, (_, i) => ({ x: (i % 7) + 1, z: (i * 37) % 11, y: (i * 13) % 5 > 1 ? 1 : 0 }));
}

describe("fit() reading columns of a frozen array of frozen rows once", () => {
  it("gives the same results as on plain rows, fit after fit, for columns and expressions", () => {
    const plain = rows();
    const frozen = Object.freeze(rows().map((r) => Object.freeze(r)));
    for (const f of ["y ~ log(x) + z", "y ~ log(x) + I(z^2)", "y ~ x + z"]) {
      const a = fit(f, plain, { model: "logit" });
      expect(fit(f, frozen, { model: "logit" }).tidy).toEqual(a.tidy);
      expect(fit(f, frozen, { model: "logit" }).tidy).toEqual(a.tidy);
    }
  });

  it("reads an array that is not frozen afresh: a changed row changes the fit", () => {
    const data = rows();
    const before = fit("y ~ x + z", data, { model: "logit" }).tidy[1].estimate;
    data[3].x = 40;
    expect(fit("y ~ x + z", data, { model: "logit" }).tidy[1].estimate).not.toBe(before);
    // A frozen array whose rows are not frozen is read afresh too.
    const shallow = Object.freeze(rows());
    const b0 = fit("y ~ x + z", shallow, { model: "logit" }).tidy[1].estimate;
    shallow[3].x = 40;
    expect(fit("y ~ x + z", shallow, { model: "logit" }).tidy[1].estimate).not.toBe(b0);
  });
});

describe("declareSubset: a frozen subset's columns gathered from its frozen parent", () => {
  const parentRows = () => Object.freeze(rows().map((r, i) => Object.freeze({ ...r, g: `c${i % 6}` })));

  it("gives the fit on a plain copy of the subset, for columns, expressions and factors", () => {
    const parent = parentRows();
    const index = Int32Array.from(parent.map((_, i) => i).filter((i) => i % 3 !== 1));
    const subset = Object.freeze(Array.from(index, (i) => parent[i]));
    declareSubset(subset, parent, index);
    // Evaluate on the parent first, so the subset's columns come from the parent's cache.
    fit("y ~ log(x) + I(z^2) + factor(g)", parent, { model: "logit" });
    const plain = Array.from(index, (i) => ({ ...parent[i] }));
    for (const f of ["y ~ log(x) + I(z^2) + factor(g)", "y ~ x + z", "y ~ x | g"]) {
      expect(fit(f, subset, { model: "logit" }).tidy).toEqual(fit(f, plain, { model: "logit" }).tidy);
    }
  });

  it("a bad cell in a parent row outside the subset does not reach the subset's fit; one inside names the subset's row", () => {
    const base = rows().map((r) => ({ ...r })) as Record<string, unknown>[];
    base[5].x = "oops";
    const parent = Object.freeze(base.map((r) => Object.freeze(r)));
    const outside = Int32Array.from(parent.map((_, i) => i).filter((i) => i !== 5));
    const subset = Object.freeze(Array.from(outside, (i) => parent[i]));
    declareSubset(subset, parent, outside);
    const plain = Array.from(outside, (i) => ({ ...parent[i] }));
    expect(fit("y ~ x + z", subset, { model: "logit" }).tidy).toEqual(fit("y ~ x + z", plain, { model: "logit" }).tidy);
    const inside = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const sub2 = Object.freeze(Array.from(inside, (i) => parent[i]));
    declareSubset(sub2, parent, inside);
    expect(() => fit("y ~ x + z", sub2, { model: "logit" })).toThrow(/row 6/);
  });

  it("rejects rows that are not the parent's rows at the given indexes, and unfrozen arrays", () => {
    const parent = parentRows();
    const subset = Object.freeze([parent[0], parent[2]]);
    expect(() => declareSubset(subset, parent, Int32Array.from([0, 1]))).toThrow(/subset row 1 is not parent row 1/);
    expect(() => declareSubset([parent[0]], parent, Int32Array.from([0]))).toThrow(/frozen/);
  });
});
