import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FormulaError, parseFormula } from "../../src/stats/index.js";
import { parseExpression } from "../../src/stats/formula/parse.js";
import { deparse } from "../../src/stats/formula/deparse.js";

const name = fc.constantFrom("x1", "x2", "z", "pko", "gdp.pc", "y_lag");
const arith: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    name,
    fc.integer({ min: 0, max: 99 }).map(String),
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/"), tie("expr")).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(name, fc.integer({ min: 2, max: 3 })).map(([a, k]) => `${a}^${k}`),
    fc.tuple(fc.constantFrom("log", "log1p", "sqrt", "exp"), tie("expr")).map(([f, a]) => `${f}(${a})`),
    tie("expr").map((a) => `(${a})`),
  ),
})).expr;
const term = fc.oneof(name, arith.map((a) => `I(${a})`), name.map((n) => `log1p(${n})`), name.map((n) => `factor(${n})`));
const rhs = fc.array(fc.tuple(term, fc.constantFrom(" + ", " * ", ":")), { minLength: 1, maxLength: 5 }).map((parts) =>
  parts.map(([t, op], i) => (i === parts.length - 1 ? t : `${t}${op}`)).join(""),
);

describe("formula parser properties", () => {
  it("deparse is a fixed point: parse(deparse(e)) deparses to the same text", () => {
    fc.assert(
      fc.property(arith, (src) => {
        const once = deparse(parseExpression(src));
        expect(deparse(parseExpression(once))).toBe(once);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("generated formulas parse, and term labels are unique", () => {
    fc.assert(
      fc.property(rhs, (r) => {
        const p = parseFormula(`y ~ ${r}`);
        const labels = p.terms.map((t) => t.label);
        expect(new Set(labels).size).toBe(labels.length);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("arbitrary text either parses or raises a FormulaError, nothing else", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        try {
          parseFormula(s);
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
