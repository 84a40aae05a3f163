/** The browser's prediction helpers agree with the engine's predict(), and behave at the edges. */
import { describe, expect, it } from "vitest";
import { fit, predict } from "../../src/stats/index.js";
import { prepareRows } from "../../src/study/data.js";
import { DEFAULT_OPTIONS } from "../../src/study/options.js";
import { formulaOf, studyModels } from "../../src/study/spec.js";
import { designRow, effectCurve, grid, inverseLink, predictAt } from "../../web/src/model/predict.js";
import { fitRows, variantOf } from "../../web/src/model/study.js";
import { toCsv } from "../../web/src/charts.js";
import { syntheticDashboardData } from "../fixtures/web/synthetic.js";

async function sample(id: string) {
  const data = syntheticDashboardData();
  const rows = prepareRows(await data.panel({ reportAlignment: "t-1", unSource: "ipi", multiHost: "located", kosovo: "split-2008", usTroops: "legacy" }), DEFAULT_OPTIONS);
  const spec = studyModels(DEFAULT_OPTIONS).find((m) => m.id === id)!;
  return { spec, rows: fitRows(spec, rows) };
}

describe("predictAt", () => {
  it("equals the engine's predict() for logit and probit, and its interval brackets the estimate", async () => {
    const { spec, rows } = await sample("M2");
    for (const model of ["logit", "probit"] as const) {
      const res = fit(formulaOf(spec), rows, { model, vcov: "cluster:ccode" });
      const engine = predict(res, rows.slice(0, 25), { type: "response" });
      rows.slice(0, 25).forEach((r, i) => {
        const p = predictAt(res, r as Record<string, number | null>);
        expect(p.estimate).toBeCloseTo(engine[i]!, 12);
        expect(p.low).toBeLessThanOrEqual(p.estimate);
        expect(p.high).toBeGreaterThanOrEqual(p.estimate);
        expect(p.low).toBeGreaterThanOrEqual(0);
        expect(p.high).toBeLessThanOrEqual(1);
      });
    }
  });

  it("gives the interaction curve b_x + b_xz z with a delta-method interval", async () => {
    const { spec, rows } = await sample("M2");
    const res = fit(formulaOf(spec), rows, { model: "logit", vcov: "cluster:ccode" });
    const key = res.terms.find((t) => t.startsWith("log1p("))!;
    const inter = res.terms.find((t) => t.includes(":"))!;
    const mod = inter.split(":")[1];
    const [c0, c5] = effectCurve(res, key, inter, mod, [0, 5]);
    const i = res.terms.indexOf(key);
    const j = res.terms.indexOf(inter);
    expect(c0.effect).toBeCloseTo(res.coef[i], 12);
    expect(c5.effect).toBeCloseTo(res.coef[i] + 5 * res.coef[j], 12);
    const se5 = Math.sqrt(res.vcov[i][i] + 25 * res.vcov[j][j] + 10 * res.vcov[i][j]);
    expect(c5.high - c5.effect).toBeCloseTo(1.959963984540054 * se5, 9);
  });

  it("names the term it cannot compute", () => {
    expect(() => designRow(["(Intercept)", "log(gdppc)"], { gdppc: 0 })).toThrow(/log\(gdppc\)/);
    expect(() => designRow(["x:y"], { x: 1 })).toThrow(/missing or invalid y/);
    expect(designRow(["(Intercept)", "log1p(a):b", "sqrt(c)"], { a: Math.E - 1, b: 3, c: 16 })).toEqual([1, 3, 4]);
  });

  it("maps the link of each model kind", () => {
    expect(inverseLink("logit")(0)).toBe(0.5);
    expect(inverseLink("probit")(0)).toBeCloseTo(0.5, 15);
    expect(inverseLink("ols")(0.3)).toBe(0.3);
    expect(grid(0, 10, 3)).toEqual([0, 5, 10]);
  });
});

describe("study wiring and CSV", () => {
  it("maps study options to the server's panel variant", () => {
    expect(variantOf(DEFAULT_OPTIONS)).toEqual({ reportAlignment: "t-1", unSource: "ipi", multiHost: "located", kosovo: "split-2008", usTroops: "legacy" });
    expect(variantOf({ ...DEFAULT_OPTIONS, reportAlignment: "t", unSource: "kathman", multiHost: "full", usTroops: "rebuild" }))
      .toEqual({ reportAlignment: "t", unSource: "kathman", multiHost: "full", kosovo: "split-2008", usTroops: "rebuild" });
  });

  it("writes RFC 4180 CSV with missing values empty", () => {
    expect(toCsv(["a", "b"], [{ a: 'say "hi", ok', b: null }, { a: 1.5, b: Number.NaN }])).toBe('a,b\n"say ""hi"", ok",\n1.5,\n');
  });
});
