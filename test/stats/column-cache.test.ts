import { describe, expect, it } from "vitest";
import { fit } from "../../src/stats/index.js";

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
