import { describe, expect, it } from "vitest";
import { fit, predict } from "../../src/stats/index.js";
import { predictProbabilities } from "../../src/stats/inference/margins.js";
import { prepareRows, sampleFor } from "../../src/study/data.js";
import { averagePrediction, firstDifference, marginalEffectAt } from "../../src/study/effects.js";
import { DEFAULT_OPTIONS } from "../../src/study/options.js";
import { formulaOf, studyModels } from "../../src/study/spec.js";
import { syntheticPanel } from "../fixtures/study/synthetic-panel.js";

const rows = prepareRows(syntheticPanel(), DEFAULT_OPTIONS);

function meanPredict(r: ReturnType<typeof fit>, data: readonly Record<string, unknown>[], col: string, v: number): number {
  const p = predict(r, data.map((d) => ({ ...d, [col]: v })), { type: "response" }) as number[];
  return p.reduce((a, b) => a + b, 0) / p.length;
}

describe("effects computed from ModelResults", () => {
  for (const model of ["logit", "probit"] as const) {
    const m1 = studyModels(DEFAULT_OPTIONS)[0];
    const s = sampleFor(m1, rows);
    const r = fit(formulaOf(m1), s, { model, vcov: { type: "cluster", by: ["ccode"] } });

    it(`${model}: average prediction equals the engine's predict() averaged over the sample`, () => {
      for (const v of [0, 500, 10000]) {
        expect(averagePrediction(r, s, "un_total", v).estimate).toBeCloseTo(meanPredict(r, s, "un_total", v), 6);
      }
    });

    it(`${model}: average prediction and its delta-method SE equal the engine's predictProbabilities()`, () => {
      const engine = predictProbabilities(r, s, [{ un_total: 0 }, { un_total: 5000 }]);
      for (const [i, v] of [0, 5000].entries()) {
        const mine = averagePrediction(r, s, "un_total", v);
        expect(mine.estimate).toBeCloseTo(engine[i].estimate, 6);
        expect(mine.std_error).toBeCloseTo(engine[i].std_error, 6);
      }
    });

    it(`${model}: delta-method SE of a first difference matches a numerical gradient`, () => {
      const fd = firstDifference(r, s, "un_total", 0, 2000);
      const g = r.coef.map((_, j) => {
        const h = 1e-6;
        const bump = (d: number) => ({ ...r, coef: r.coef.map((c, k) => (k === j ? c + d : c)) });
        return (firstDifference(bump(h), s, "un_total", 0, 2000).estimate - firstDifference(bump(-h), s, "un_total", 0, 2000).estimate) / (2 * h);
      });
      let v = 0;
      for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) v += g[i] * r.vcov[i][j] * g[j];
      expect(fd.std_error).toBeCloseTo(Math.sqrt(v), 6);
      expect(fd.conf_low).toBeLessThan(fd.estimate);
    });
  }

  it("marginal effect across a moderator is b_x + z b_xz with the matching variance", () => {
    const m2 = studyModels(DEFAULT_OPTIONS)[1];
    const r = fit(formulaOf(m2), sampleFor(m2, rows), { model: "logit", vcov: { type: "cluster", by: ["ccode"] } });
    const i = r.terms.indexOf("log1p(un_total)");
    const j = r.terms.indexOf("log1p(un_total):un_duration");
    const me = marginalEffectAt(r, "log1p(un_total)", "log1p(un_total):un_duration", 4);
    expect(me.estimate).toBeCloseTo(r.coef[i] + 4 * r.coef[j], 12);
    expect(me.std_error ** 2).toBeCloseTo(r.vcov[i][i] + 16 * r.vcov[j][j] + 8 * r.vcov[i][j], 12);
    expect(marginalEffectAt(r, "log1p(un_total)", "log1p(un_total):un_duration", 0).estimate).toBeCloseTo(r.coef[i], 12);
  });
});

describe("effects with report-year dummies", () => {
  it("average predictions equal the engine's predict() with factor terms", () => {
    const o = { ...DEFAULT_OPTIONS, yearEffects: true };
    const m1 = studyModels(o)[0];
    const s = sampleFor(m1, prepareRows(syntheticPanel(), o));
    const r = fit(formulaOf(m1), s, { model: "logit", vcov: { type: "cluster", by: ["ccode"] } });
    expect(r.terms.some((t) => t.startsWith("factor(report_year)"))).toBe(true);
    expect(averagePrediction(r, s, "un_total", 800).estimate).toBeCloseTo(meanPredict(r, s, "un_total", 800), 8);
  });
});
