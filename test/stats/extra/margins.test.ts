import { describe, expect, test } from "vitest";
import { fit, type ModelResults } from "../../../src/stats/index.js";
import { averageMarginalEffects, marginalEffectAcross, predictProbabilities, type MarginEstimate } from "../../../src/stats/inference/margins.js";
import { relDiff } from "../../util/check-results.js";
import { REF, dataset, type DeltaRef, type MarginRef } from "./reference.js";

const fits = new Map<string, ModelResults>();
function fitFor(m: MarginRef): ModelResults {
  const c = m.common;
  const key = `${c.dataset}|${c.model}|${c.formula}|${c.vcov}`;
  let r = fits.get(key);
  if (r === undefined) {
    // R's reference fits iterate to 1e-14 (glm.control), so ours do too.
    r = fit(c.formula, dataset(c.dataset), { model: c.model, vcov: c.vcov, epsilon: 1e-14, maxit: 100 });
    fits.set(key, r);
  }
  return r;
}

function expectClose(got: MarginEstimate, want: DeltaRef): void {
  expect(relDiff(got.estimate, want.estimate)).toBeLessThan(1e-6);
  expect(relDiff(got.std_error, want.std_error)).toBeLessThan(1e-5);
  expect(Math.abs(got.conf_low - want.conf_low)).toBeLessThan(1e-5 * want.std_error + 1e-6 * Math.abs(want.estimate));
  expect(Math.abs(got.conf_high - want.conf_high)).toBeLessThan(1e-5 * want.std_error + 1e-6 * Math.abs(want.estimate));
}

describe("margins against R's analytic delta method (scripts/reference/glm_extra.R)", () => {
  test.each(REF.margins.map((m) => [m.id, m] as const))("%s", (_id, m) => {
    const r = fitFor(m);
    m.common.coef.forEach((b, j) => expect(relDiff(r.coef[j], b)).toBeLessThan(1e-6));
    const data = dataset(m.common.dataset);
    const others = m.others ?? "observed";
    if (m.kind === "ame") {
      const v = m.variable as string;
      const differences = m.type === "difference" ? { [v]: [0, 1] as const } : undefined;
      const [row] = averageMarginalEffects(r, data, [v], { differences });
      expect(row.type).toBe(m.type);
      expectClose(row, m.result as DeltaRef);
    } else if (m.kind === "predict") {
      const [row] = predictProbabilities(r, data, [m.at as Record<string, number>], { others });
      expectClose(row, m.result as DeltaRef);
    } else {
      const curve = m.curve as (DeltaRef & { at: number })[];
      const rows = marginalEffectAcross(r, data, { x: m.variable as string, moderator: m.moderator as string, at: curve.map((p) => p.at), scale: m.scale, others });
      rows.forEach((row, i) => {
        expect(row.at).toBe(curve[i].at);
        expectClose(row, curve[i]);
      });
    }
  });
});

describe("margins guard rails", () => {
  const m = REF.margins[0];
  test("rows other than the estimation sample are refused with a count", () => {
    const r = fitFor(m);
    expect(() => averageMarginalEffects(r, dataset(m.common.dataset).slice(0, 100), ["pko"])).toThrow(/100 rows .* fitted on 1600/);
  });
  test("a variable the formula does not use is named, not returned as a zero effect", () => {
    const r = fitFor(m);
    expect(() => averageMarginalEffects(r, dataset(m.common.dataset), ["year"])).toThrow(/"year" is not a variable of/);
    expect(() => marginalEffectAcross(r, dataset(m.common.dataset), { x: "pko", moderator: "year", at: [0] })).toThrow(/moderator "year"/);
  });
  test("fixed-effects models have no margins", () => {
    const r = fit("case ~ x1 + x2 | set", dataset("mcc"), { model: "logit" });
    expect(() => averageMarginalEffects(r, dataset("mcc"), ["x1"])).toThrow(/condition out/);
  });
});
