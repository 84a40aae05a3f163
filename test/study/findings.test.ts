import { describe, expect, it } from "vitest";
import { contrastOf, deriveFinding, deriveFindings, placeboVerdict, verdictFor, type FindingInput } from "../../src/study/findings.js";
import { fakeResults } from "./fake-results.js";

const SIZE = "log1p(un_total)";

function input(id: FindingInput["id"], term: string, est: number, se: number): FindingInput {
  return { id, model: "M", claim: "c", term, results: fakeResults({ "(Intercept)": [0.1, 0.5], [term]: [est, se] }), effects: [] };
}

describe("verdicts follow from the estimates by the declared rule", () => {
  it("positive and significant -> supported; flip significance -> direction only", () => {
    expect(deriveFinding(input("size", SIZE, 0.3, 0.1)).verdict).toBe("supported");
    expect(deriveFinding(input("size", SIZE, 0.3, 0.2)).verdict).toBe("direction-only");
  });

  it("negative sign -> not supported, or contradicted when significant", () => {
    expect(deriveFinding(input("size", SIZE, -0.3, 0.2)).verdict).toBe("not-supported");
    expect(deriveFinding(input("size", SIZE, -0.3, 0.1)).verdict).toBe("contradicted");
  });

  it("interaction claims are judged by the interaction term", () => {
    const term = `${SIZE}:un_duration`;
    const r = fakeResults({ [SIZE]: [-2, 0.1], [term]: [0.05, 0.01] });
    const f = deriveFinding({ id: "duration", model: "M2", claim: "c", term, results: r, effects: [] });
    expect(f.verdict).toBe("supported");
    expect(f.coefficient?.term).toBe(term);
    const flipped = fakeResults({ [SIZE]: [-2, 0.1], [term]: [-0.05, 0.01] });
    expect(deriveFinding({ id: "duration", model: "M2", claim: "c", term, results: flipped, effects: [] }).verdict).toBe("contradicted");
  });

  it("the placebo passes unless US troops are positive and significant", () => {
    const t = "log1p(us_troops)";
    expect(deriveFinding(input("placebo", t, 0.3, 0.1)).verdict).toBe("contradicted");
    expect(deriveFinding(input("placebo", t, 0.3, 0.2)).verdict).toBe("supported");
    expect(deriveFinding(input("placebo", t, -0.3, 0.1)).verdict).toBe("supported");
  });

  it("the rule sits exactly at p = 0.05", () => {
    expect(verdictFor("size", { estimate: 1, p_value: 0.0499 })).toBe("supported");
    expect(verdictFor("size", { estimate: 1, p_value: 0.05 })).toBe("direction-only");
  });

  it("a term the model dropped is reported as not estimable, never as support", () => {
    const f = deriveFinding({ id: "size", model: "M1", claim: "c", term: SIZE, results: fakeResults({ x: [1, 0.1] }), effects: [] });
    expect(f.verdict).toBe("not-estimable");
    expect(f.text).toMatch(/Not estimable/);
  });

  it("the sentence carries the coefficient, p-value and effect with its interval", () => {
    const f = deriveFinding({
      ...input("size", SIZE, 0.3, 0.1),
      effects: [{ what: "From none to 1,000 personnel", scale: "probability", value: { estimate: 0.12, std_error: 0.03, conf_low: 0.061, conf_high: 0.179 } }],
    });
    expect(f.text).toContain("Supported: coefficient on log1p(un_total) 0.300 (SE 0.100, p = 0.003");
    expect(f.text).toContain("+12.0 percentage points (95% CI +6.1 to +17.9)");
  });
});

describe("the placebo read against the main claim", () => {
  const SIZE_T = "log1p(un_total)";
  const US = "log1p(us_troops_foreign)";
  const make = (id: FindingInput["id"], term: string, est: number, se: number): FindingInput => ({
    id,
    model: "M",
    claim: "c",
    term,
    results: fakeResults({ [term]: [est, se] }),
    effects: [],
  });

  it("a placebo US troops do not fail is inconclusive when the UN estimate is not clear either", () => {
    const [, pl] = deriveFindings([make("size", SIZE_T, 0.08, 0.06), make("placebo", US, 0.1, 0.07)]);
    expect(pl.verdict).toBe("inconclusive");
    expect(pl.text).toMatch(/^Placebo inconclusive:/);
    expect(pl.plain).toMatch(/cannot tell UN peacekeepers apart/);
  });

  it("is inconclusive when the UN estimate is clear but the two do not differ", () => {
    // UN 0.3 (SE 0.06) vs US 0.1 (SE 0.15): difference 0.2, SE 0.162, p = 0.216.
    const [, pl] = deriveFindings([make("size", SIZE_T, 0.3, 0.06), make("placebo", US, 0.1, 0.15)]);
    expect(pl.verdict).toBe("inconclusive");
    expect(pl.contrast?.p_value).toBeCloseTo(0.2157, 3);
    expect(pl.plain).toMatch(/not clearly different from it/);
  });

  it("passes only when the UN estimate is clear and the two differ", () => {
    const [, pl] = deriveFindings([make("size", SIZE_T, 0.3, 0.06), make("placebo", US, -0.05, 0.05)]);
    expect(pl.verdict).toBe("supported");
    expect(pl.contrast?.difference).toBeCloseTo(0.35, 12);
    expect(pl.contrast?.p_value).toBeLessThan(0.001);
    expect(pl.plain).toMatch(/as expected if the pattern is specific to UN peacekeepers/);
  });

  it("fails when US troops are positive and significant, whatever the UN estimate", () => {
    const [, pl] = deriveFindings([make("size", SIZE_T, 0.9, 0.06), make("placebo", US, 0.3, 0.1)]);
    expect(pl.verdict).toBe("contradicted");
  });

  it("the difference test is a two-sided z-test on independent estimates", () => {
    const c = contrastOf({ estimate: 0.5, std_error: 0.3 }, { estimate: 0.1, std_error: 0.4 });
    expect(c.difference).toBeCloseTo(0.4, 12);
    expect(c.std_error).toBeCloseTo(0.5, 12);
    expect(c.p_value).toBeCloseTo(0.42371, 4);
    expect(placeboVerdict({ estimate: 0.1, std_error: 0.4, p_value: 0.8 }, null).verdict).toBe("inconclusive");
  });
});
