import { describe, expect, it } from "vitest";
import { MODERATION_DEFAULT, moderationChoices, moderationFormula, moderationMultiverse, moderationSpecsCsv } from "../../src/contributors/forks.js";
import { analyseModeration } from "../../src/contributors/models.js";
import { moderationRows } from "../../src/contributors/run.js";
import type { Moderator, Outcome } from "../../src/contributors/spec.js";
import type { PanelRow } from "../../src/panel/panel.js";
import { simulate } from "./simulate.js";

/**
 * The models test's simulated data (size slope 0.3, interaction `inter` with a host-level share)
 * as panel rows: troops 80% of the total and the peak 20% above the mean, so every size measure
 * carries the same moderation; the share is the female share, missing where no UN personnel.
 */
function panel(inter: number, seed: number, countries = 600): PanelRow[] {
  return simulate(inter, "logit", seed, countries).map((r) => {
    const un = r.un_total as number;
    return {
      ccode: r.ccode, year: r.year, un_total: un, un_troops: 0.8 * un, un_peak: 1.2 * un, un_female_share: un > 0 ? r.moderator : null,
      pdest: r.y, gdppc: r.gdppc, pop: r.pop, v2x_polyarchy: r.v2x_polyarchy, civil_conflict: r.civil_conflict,
    };
  });
}

const outcome = { col: "pdest", model: "logit", years: [2009, 2014], meaningful: Math.log(1.5) } as unknown as Outcome;
const moderator = { id: "female", col: "un_female_share", label: "Female share" } as Moderator;

describe("the moderation models through the multiverse's forks", () => {
  it("enumerate 108 specifications and write the study's own as the paper's formula", () => {
    expect(moderationChoices()).toHaveLength(108);
    expect(moderationFormula(MODERATION_DEFAULT)).toBe("y ~ log1p(size) + moderator + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend + log1p(size):moderator");
  });

  it("find a known moderation in most specifications, and the study's specification equals analyseModeration's interaction", () => {
    const p = panel(-0.4, 11);
    const r = moderationMultiverse(() => p, [outcome], [moderator]);
    expect(r.specs).toHaveLength(108);
    const c = r.curves[0];
    expect(c.estimated).toBe(108);
    expect(c.share_negative_significant!).toBeGreaterThan(0.8);
    expect(c.share_positive_significant).toBe(0);
    const main = analyseModeration(moderationRows(p, outcome, moderator), outcome, moderator.col, { seed: 1, nsim: 10 });
    expect(c.default_estimate).toBeCloseTo(main.interaction.estimate, 10);
    expect(c.default_p).toBeCloseTo(main.interaction.p_value, 10);
    expect(moderationSpecsCsv(r.specs).trim().split("\n")).toHaveLength(109);
  });

  it("do not find one that is absent", () => {
    const r = moderationMultiverse(() => panel(0, 12), [outcome], [moderator]);
    const c = r.curves[0];
    expect(c.share_negative_significant! + c.share_positive_significant!).toBeLessThan(0.25);
  });
});
