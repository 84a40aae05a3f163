import { describe, expect, it } from "vitest";
import { modelFrame, parseFormula, FormulaError } from "../../src/stats/index.js";

const labels = (f: string) => parseFormula(f).terms.map((t) => t.label);

describe("formula parser", () => {
  it("expands *, : and orders terms as R (main effects first)", () => {
    const p = parseFormula("y ~ x1 + log1p(x2) * x3 + x4:x5 + factor(region) | ccode");
    expect(p.terms.map((t) => t.label)).toEqual(["x1", "log1p(x2)", "x3", "factor(region)", "log1p(x2):x3", "x4:x5"]);
    expect(p.fixedEffects).toEqual(["ccode"]);
    expect(p.intercept).toBe(true);
    expect(p.responseLabel).toBe("y");
  });

  it("handles -1, +0, 0 +, - term, parentheses and a*b*c", () => {
    expect(parseFormula("y ~ x - 1").intercept).toBe(false);
    expect(parseFormula("y ~ x + 0").intercept).toBe(false);
    expect(parseFormula("y ~ 0 + x").intercept).toBe(false);
    expect(parseFormula("y ~ -1 + x").intercept).toBe(false);
    expect(labels("y ~ a*b - a:b")).toEqual(["a", "b"]);
    expect(labels("y ~ (a + b):c")).toEqual(["a:c", "b:c"]);
    expect(labels("y ~ a*b*c")).toEqual(["a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"]);
    expect(labels("y ~ b:a + a")).toEqual(["a", "b:a"]);
  });

  it("labels transformations like R's deparse", () => {
    expect(labels("y ~ I(x^2) + I(a*2-b/3) + log(z) + sqrt(w) + exp(-v)")).toEqual(["I(x^2)", "I(a * 2 - b / 3)", "log(z)", "sqrt(w)", "exp(-v)"]);
    expect(parseFormula("log(y + 1) ~ x").responseLabel).toBe("log(y + 1)");
  });

  it("reads factor(x, ref = ...) and two fixed effects", () => {
    const p = parseFormula(`y ~ factor(k, ref = "b") | a + c`);
    expect(p.terms[0].factors[0]).toMatchObject({ kind: "factor", column: "k", ref: "b" });
    expect(p.fixedEffects).toEqual(["a", "c"]);
  });

  it("reports syntax errors with the character position and a caret line", () => {
    const cases: [string, number][] = [
      ["y ~ x1 + ", 10],
      ["y ~ x1 + (x2", 13],
      ["y x1", 3],
      ["y ~ x1 $ x2", 8],
      ["y ~ foo(x)", 5],
      ["y ~ x | a + b + c", 17],
      ["y ~ x + 2", 9],
    ];
    for (const [f, col] of cases) {
      let err: unknown;
      try {
        parseFormula(f);
      } catch (e) {
        err = e;
      }
      expect(err, f).toBeInstanceOf(FormulaError);
      expect((err as Error).message, f).toContain(`character ${col}`);
      const lines = (err as Error).message.split("\n");
      expect(lines[2].indexOf("^"), f).toBe(lines[1].indexOf(f) + col - 1);
    }
  });

  it("never evaluates code: anything outside the grammar is a syntax error", () => {
    expect(() => parseFormula("y ~ process.exit(1)")).toThrow(FormulaError);
    expect(() => parseFormula("y ~ x; rm(list)")).toThrow(FormulaError);
  });
});

describe("model frame", () => {
  const data = [
    { y: 1, x: 2, z: 3, r: "b", g: "u" },
    { y: 0, x: 1, z: null, r: "a", g: "u" },
    { y: 1, x: 4, z: 1, r: "c", g: "v" },
    { y: 0, x: 5, z: 2, r: "b", g: "v" },
    { y: 1, x: 0, z: 1, r: "a", g: "w" },
  ];

  it("builds R-named columns, first sorted level as reference, and drops missing rows", () => {
    const f = modelFrame("y ~ x * z + factor(r) + I(x^2 - z)", data);
    expect(f.terms).toEqual(["(Intercept)", "x", "z", "factor(r)b", "factor(r)c", "I(x^2 - z)", "x:z"]);
    expect(Array.from(f.rowIndex)).toEqual([0, 2, 3, 4]);
    expect(f.nDropped).toBe(1);
    expect(Array.from(f.X.data.subarray(0, 7))).toEqual([1, 2, 3, 1, 0, 1, 6]);
  });

  it("honours ref = and gives all levels without an intercept", () => {
    expect(modelFrame(`y ~ x + factor(r, ref = "c")`, data).terms).toEqual(["(Intercept)", "x", "factor(r)a", "factor(r)b"]);
    expect(modelFrame("y ~ 0 + factor(r) + x", data).terms).toEqual(["factor(r)a", "factor(r)b", "factor(r)c", "x"]);
    expect(() => modelFrame(`y ~ factor(r, ref = "q")`, data)).toThrow(/reference level of r/);
  });

  it("interacts factors with numbers as R's model.matrix: without the main effect of r, one slope per level", () => {
    expect(modelFrame("y ~ factor(r):x", data).terms).toEqual(["(Intercept)", "factor(r)a:x", "factor(r)b:x", "factor(r)c:x"]);
    expect(modelFrame("y ~ x + factor(r):x", data).terms).toEqual(["(Intercept)", "x", "x:factor(r)b", "x:factor(r)c"]);
    // Both factors coded by indicators when neither main effect is present (R: 1 + 3 x 3 columns).
    expect(modelFrame("y ~ factor(r):factor(g)", data).terms).toEqual([
      "(Intercept)",
      ...["u", "v", "w"].flatMap((g) => ["a", "b", "c"].map((r) => `factor(r)${r}:factor(g)${g}`)),
    ]);
    expect(modelFrame("y ~ factor(r) * x", data).terms).toEqual(["(Intercept)", "factor(r)b", "factor(r)c", "x", "factor(r)b:x", "factor(r)c:x"]);
  });

  it("indexes fixed effects and omits the intercept", () => {
    const f = modelFrame("y ~ x | g", data);
    expect(f.terms).toEqual(["x"]);
    expect(f.fe[0].levels).toEqual(["u", "v", "w"]);
    expect(Array.from(f.fe[0].ids)).toEqual([0, 0, 1, 1, 2]);
  });

  it("stops on log(0) as R does (-Inf in the design), naming the term and the rows", () => {
    expect(() => modelFrame("y ~ log(x)", data)).toThrow(/log\(x\) is -Inf in 1 row \(first: data row \d+\); R stops here/);
  });
});
