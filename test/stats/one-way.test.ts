/** One way to compute each thing (issue 12): one normal CDF, one logistic, one design-row builder. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { pnorm, plogis } from "../../src/stats/distributions.js";
import { designMatrix, designRow } from "../../src/stats/predict.js";
import { designRow as studyDesignRow, averagePrediction } from "../../src/study/effects.js";
import { designRow as webDesignRow, inverseLink } from "../../web/src/model/predict.js";
import type { ModelResults } from "../../src/stats/results.js";

const ROOT = resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.includes("node_modules"))
    .map((f) => join(dir, f));
}

describe("one implementation of each", () => {
  const files = [...sources(join(ROOT, "src")), ...sources(join(ROOT, "web/src"))].map((f) => ({ f: relative(ROOT, f), text: readFileSync(f, "utf8") }));

  it("the logistic function is written once (src/stats/distributions.ts)", () => {
    const hits = files.filter(({ f, text }) => f !== "src/stats/distributions.ts" && /1 \/ \(1 \+ Math\.exp\(-/.test(text)).map(({ f }) => f);
    expect(hits).toEqual([]);
  });

  it("the normal CDF is written once (pnorm, Cody's algorithm as R)", () => {
    const hits = files.filter(({ text }) => /function (normCdf|erfc|erf|normalCdf)\b/.test(text)).map(({ f }) => f);
    expect(hits).toEqual([]);
  });

  it("coefficient names are turned into design rows in one place (no regex parsers of term names elsewhere)", () => {
    const hits = files.filter(({ f, text }) => f !== "src/stats/predict.ts" && /\/\^\(?(log1p\|log|log\|log1p)/.test(text)).map(({ f }) => f);
    expect(hits).toEqual([]);
  });
});

describe("the shared design-row builder", () => {
  const terms = ["(Intercept)", "sqrt(w)", "I(x^2)", "factor(r)b", "log1p(a):x"];
  const row = { w: 16, x: 3, r: "b", a: Math.E - 1 };
  const expected = [1, 4, 9, 1, 3];

  it("handles sqrt, I() and factor levels in the engine, the report's effects and the dashboard alike", () => {
    expect(designRow(terms, row)).toEqual(expected);
    expect(studyDesignRow(terms, row as never)).toEqual(expected);
    expect(webDesignRow(terms, row as never)).toEqual(expected);
    expect(studyDesignRow(terms, row as never, new Map([["x", 2]]))).toEqual([1, 4, 4, 1, 2]);
    expect(studyDesignRow(terms, { ...row, w: null } as never)).toBeNull();
  });

  it("designMatrix (column by column, with fixed columns) gives the design rows of designRow, frozen rows or not", () => {
    const base = [row, { w: 9, x: -1, r: "a", a: 0 }, { w: null, x: 2, r: "b", a: 1 }, { w: 4, x: 0.5, r: null, a: 2 }, { w: 25, x: 7, r: "b", a: 0.25 }];
    const frozen = Object.freeze(base.map((r) => Object.freeze({ ...r })));
    for (const data of [base, frozen]) {
      for (const set of [new Map<string, number>(), new Map([["x", 2]]), new Map([["x", -0.5], ["w", 36]])]) {
        const X = designMatrix({ terms }, data, set);
        data.forEach((r, i) => {
          const want = designRow(terms, Object.assign({}, r, Object.fromEntries(set)));
          expect(Array.from(X.data.slice(i * terms.length, (i + 1) * terms.length))).toEqual(want);
        });
      }
    }
  });

  it("report effects and dashboard use the engine's pnorm and plogis exactly", () => {
    const r = { model: "probit", terms: ["(Intercept)", "x"], coef: [0.2, 0.7], vcov: [[0.01, 0], [0, 0.01]] } as unknown as ModelResults;
    const rows = [{ x: 0.5 }, { x: -1.3 }, { x: 2.2 }] as never[];
    const p = averagePrediction(r, rows, "x", 1.1).estimate;
    expect(p).toBe(pnorm(0.2 + 0.7 * 1.1));
    expect(inverseLink("probit")(0.77)).toBe(pnorm(0.77));
    expect(inverseLink("logit")(-40)).toBe(plogis(-40));
    expect(inverseLink("logit")(-40)).toBeGreaterThan(0);
  });
});
