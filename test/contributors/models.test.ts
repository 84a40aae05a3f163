import { describe, expect, it } from "vitest";
import { analyseModeration, verdictOf } from "../../src/contributors/models.js";
import { moderatorSpec } from "../../src/contributors/files.js";
import { MODERATORS, OUTCOMES } from "../../src/contributors/spec.js";
import { simulate } from "./simulate.js";

const logitOutcome = { col: "pdest", model: "logit" as const, years: [2009, 2014] as const, meaningful: Math.log(1.5) };
const olsOutcome = { col: "tip_tier", model: "ols" as const, years: [2009, 2014] as const, meaningful: 0.25 };

describe("moderation on simulated data", () => {
  it("recovers a known moderation (logit): the interval covers the truth and excludes 0", () => {
    const r = analyseModeration(simulate(-0.4, "logit", 11, 600), logitOutcome, "share", { seed: 1, nsim: 20 });
    expect(r.interaction.conf_low).toBeLessThan(-0.4);
    expect(r.interaction.conf_high).toBeGreaterThan(-0.4);
    expect(r.interaction.conf_high).toBeLessThan(0);
    expect(r.verdict).toBe("lowers the size effect");
    expect(r.slopeHigh.estimate).toBeLessThan(r.slopeLow.estimate);
    expect(r.split.above.estimate).toBeLessThan(r.split.below.estimate);
    expect(r.power.mdeLower).not.toBeNull();
    expect(r.power.mdeLower!).toBeGreaterThan(-0.4);
    expect(r.power.mdeLower!).toBeLessThan(0);
    expect(r.power.rejectAtZero).toBeLessThan(0.2);
  });

  it("does not find a moderation that is absent (logit)", () => {
    const r = analyseModeration(simulate(0, "logit", 12), logitOutcome, "share", { seed: 1, nsim: 20 });
    expect(r.interaction.conf_low).toBeLessThan(0);
    expect(r.interaction.conf_high).toBeGreaterThan(0);
    expect(["lowers the size effect", "raises the size effect"]).not.toContain(r.verdict);
  });

  it("recovers a known moderation and its absence (linear, government-effort outcome)", () => {
    const known = analyseModeration(simulate(0.2, "ols", 13), olsOutcome, "share", { seed: 2, nsim: 20 });
    expect(Math.abs(known.interaction.estimate - 0.2)).toBeLessThan(2 * known.interaction.std_error);
    expect(known.interaction.conf_low).toBeGreaterThan(0);
    const absent = analyseModeration(simulate(0, "ols", 14), olsOutcome, "share", { seed: 2, nsim: 20 });
    expect(absent.interaction.conf_low).toBeLessThan(0);
    expect(absent.interaction.conf_high).toBeGreaterThan(0);
    expect(["lowers the size effect", "raises the size effect"]).not.toContain(absent.verdict);
  });

  it("on a small sample, the interval is wider than the meaningful band and so is the MDE", () => {
    const r = analyseModeration(simulate(0, "logit", 15, 30), logitOutcome, "share", { seed: 3, nsim: 20 });
    expect(r.interaction.conf_high - r.interaction.conf_low).toBeGreaterThan(2 * r.meaningful);
    expect(r.power.mde === null || r.power.mde > r.meaningful).toBe(true);
  });

  it("is reproducible with the same seed", () => {
    const rows = simulate(-0.2, "logit", 16, 120);
    const a = analyseModeration(rows, logitOutcome, "share", { seed: 9, nsim: 15 });
    const b = analyseModeration(rows, logitOutcome, "share", { seed: 9, nsim: 15 });
    expect(a.power).toEqual(b.power);
  });
});

describe("verdict rule", () => {
  it("follows the interval against +/- the meaningful size", () => {
    expect(verdictOf({ conf_low: -2, conf_high: 2 }, 1)).toBe("the data cannot tell");
    expect(verdictOf({ conf_low: -0.5, conf_high: 0.5 }, 1)).toBe("no meaningful moderation");
    expect(verdictOf({ conf_low: -3, conf_high: -0.1 }, 1)).toBe("lowers the size effect");
    expect(verdictOf({ conf_low: 0.1, conf_high: 3 }, 1)).toBe("raises the size effect");
    expect(verdictOf({ conf_low: -2, conf_high: 0.5 }, 1)).toBe("cannot rule out a lower effect");
    expect(verdictOf({ conf_low: -0.5, conf_high: 2 }, 1)).toBe("cannot rule out a higher effect");
  });
});

describe("figure spec", () => {
  it("has one facet per outcome with the curve's values, rounded", () => {
    const r = analyseModeration(simulate(-0.25, "logit", 11, 120), logitOutcome, MODERATORS[0].col, { seed: 1, nsim: 10 });
    const spec = moderatorSpec(MODERATORS[0], [r], OUTCOMES) as { data: { values: { outcome: string; x: number }[] }; facet: { field: string } };
    expect(spec.facet.field).toBe("outcome");
    expect(spec.data.values).toHaveLength(41);
    expect(new Set(spec.data.values.map((v) => v.outcome))).toEqual(new Set(["pdest (log-odds)"]));
  });
});
