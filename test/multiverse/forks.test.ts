import { describe, expect, it } from "vitest";
import { CLAIMS, FORKS, NOT_APPLICABLE, countSpecs, enumerateSpecs, selectOptions } from "../../src/multiverse/forks.js";
import { parseForks, planSpecs } from "../../src/multiverse/multiverse.js";
import { concreteSpec } from "../../src/multiverse/spec-model.js";

describe("forks", () => {
  it("give every option a reason and leave out the double-counting placement", () => {
    for (const f of FORKS) for (const o of f.options) expect(o.reason.length, `${f.id}=${o.id}`).toBeGreaterThan(10);
    expect(FORKS.find((f) => f.id === "multiHost")!.options.map((o) => o.id)).not.toContain("full");
    expect(FORKS.find((f) => f.id === "contributors")!.options.map((o) => o.id)).toEqual(["distinct"]);
  });

  const full = enumerateSpecs(selectOptions("full"));

  it("never pair Kathman with M3 (no contributor counts)", () => {
    expect(full.some((s) => s.claim === "contributors" && s.choices.unSource === "kathman")).toBe(false);
    expect(full.some((s) => s.claim === "size" && s.choices.unSource === "kathman")).toBe(true);
  });

  it("give conditional logit only the country-clustered variance", () => {
    const inf = new Set(full.filter((s) => s.choices.estimator === "clogit").map((s) => s.choices.inference));
    expect([...inf]).toEqual(["cluster"]);
  });

  it("mark forks that do not apply with - (democracy without democracy control, duration outside M2, size in the placebo)", () => {
    const wrong = full.filter(
      (s) =>
        (s.choices.democracy === NOT_APPLICABLE) !== (s.choices.controls === "minimal") ||
        (s.choices.duration === NOT_APPLICABLE) !== (s.claim !== "duration") ||
        (s.choices.size === NOT_APPLICABLE) !== (s.claim === "placebo") ||
        (s.choices.usTroops === NOT_APPLICABLE) !== (s.claim !== "placebo"),
    );
    expect(wrong).toEqual([]);
  });

  it("enumerate distinct specifications whose models differ", () => {
    const keys = new Set(full.map((s) => `${s.claim}|${JSON.stringify(s.choices)}`));
    expect(keys.size).toBe(full.length);
    const claims = ["size", "placebo"] as const;
    const fitted = new Set(enumerateSpecs(selectOptions("default"), claims).map((s) => {
      const c = concreteSpec(s);
      return JSON.stringify([s.claim, c.formula, c.kind, c.vcov, c.options.unSource, c.options.multiHost, c.options.reportAlignment, c.options.usTroops, s.choices.sample]);
    }));
    expect(fitted.size).toBe(countSpecs(selectOptions("default"), claims).total);
  });

  it("count the default grid at 10,000 or more and the full grid above it", () => {
    const d = countSpecs(selectOptions("default"));
    const f = countSpecs(selectOptions("full"));
    expect(d.total).toBeGreaterThanOrEqual(10_000);
    expect(f.total).toBe(full.length);
    expect(f.total).toBeGreaterThan(d.total);
    expect(Object.keys(d.byClaim)).toEqual(CLAIMS.map((c) => c.id));
    // M3 has half the panels (IPI only) of M1.
    expect(d.byClaim.contributors * 2).toBe(d.byClaim.size);
  });

  it("take a seeded random subset with --max, in grid order", () => {
    const a = planSpecs({ grid: "default", max: 50, seed: 3 });
    const b = planSpecs({ grid: "default", max: 50, seed: 3 });
    const c = planSpecs({ grid: "default", max: 50, seed: 4 });
    expect(a.planned.map((p) => p.index)).toEqual(b.planned.map((p) => p.index));
    expect(a.planned.map((p) => p.index)).not.toEqual(c.planned.map((p) => p.index));
    expect(a.planned.map((p) => p.index)).toEqual([...a.planned.map((p) => p.index)].sort((x, y) => x - y));
    expect(a.grid).toBe(countSpecs(selectOptions("default")).total);
  });

  it("parse --forks and name the fork and choices on bad input", () => {
    expect(parseForks("estimator=logit,probit; sample=all")).toEqual({ estimator: ["logit", "probit"], sample: ["all"] });
    expect(() => parseForks("estimatr=logit")).toThrow(/--forks: unknown fork "estimatr"; forks: unSource/);
    expect(() => parseForks("multiHost=full")).toThrow(/--forks: fork multiHost has no option "full"; options: located, split, hq/);
    expect(() => parseForks("estimator")).toThrow(/--forks: expected fork=option1,option2/);
  });
});
