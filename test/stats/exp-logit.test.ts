import { describe, expect, it } from "vitest";
import { expLogit } from "../../src/stats/models/irls-rows.js";

describe("expLogit: exp(x) for |x| <= 30 in the logit row loop", () => {
  it("is within 2 units in the last place of Math.exp over a dense grid of [-30, 30], and exact at 0", () => {
    let worst = 0;
    for (let i = -600000; i <= 600000; i++) {
      // A grid offset by an irrational step, so the points are not all multiples of ln2 / 32.
      const x = i / 20000 + 1e-6 * Math.SQRT2 * Math.sin(i);
      if (Math.abs(x) > 30) continue;
      const want = Math.exp(x);
      worst = Math.max(worst, Math.abs(expLogit(x) - want) / want);
    }
    expect(worst).toBeLessThan(2 * Number.EPSILON);
    expect(expLogit(0)).toBe(1);
    expect(expLogit(30)).toBeCloseTo(Math.exp(30), -2);
    expect(expLogit(-30) / Math.exp(-30)).toBeCloseTo(1, 14);
  });
});
