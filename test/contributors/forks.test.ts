import { describe, expect, it } from "vitest";
import { MODERATION_DEFAULT, moderationChoices, moderationFormula, moderationMultiverse, moderationSpecsCsv } from "../../src/contributors/forks.js";
import { analyseModeration } from "../../src/contributors/models.js";
import { moderationRows } from "../../src/contributors/run.js";
import type { Moderator, Outcome } from "../../src/contributors/spec.js";
import type { PanelRow } from "../../src/panel/panel.js";
import { createRng } from "../../src/stats/random.js";

function normal(rng: ReturnType<typeof createRng>): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * Panel rows with a known moderation: `countries` x 6 years (2009-2014), a third host UN
 * personnel (troops about 80% of the total; peak 20% above the mean) with a host-level female
 * share; pdest from a logit with size slope 0.3 and interaction `inter` on log1p(un_total).
 */
function panel(inter: number, seed: number, countries = 500): PanelRow[] {
  const rng = createRng(seed);
  const rows: PanelRow[] = [];
  for (let c = 1; c <= countries; c++) {
    const host = rng.next() < 0.35;
    const share = rng.next() * 0.2;
    const gdppc = Math.exp(8 + normal(rng));
    for (let t = 0; t < 6; t++) {
      const un = host ? Math.exp(3 + 2 * normal(rng)) : 0;
      const L = Math.log1p(un);
      const poly = rng.next();
      const conflict = rng.next() < 0.2 ? 1 : 0;
      const pop = Math.exp(2 + normal(rng));
      const eta = -1 + 0.3 * L + inter * L * (host ? share : 0) + 0.1 * Math.log(gdppc) - 0.1 * Math.log(pop) - 0.5 * poly + 0.4 * conflict;
      rows.push({
        ccode: c, year: 2009 + t, un_total: un, un_troops: 0.8 * un, un_peak: 1.2 * un, un_female_share: host ? share : null,
        pdest: rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0, gdppc, pop, v2x_polyarchy: poly, civil_conflict: conflict,
      });
    }
  }
  return rows;
}

const outcome = { col: "pdest", model: "logit", years: [2009, 2014], meaningful: Math.log(1.5) } as unknown as Outcome;
const moderator = { id: "female", col: "un_female_share", label: "Female share" } as Moderator;

describe("the moderation models through the multiverse's forks", () => {
  it("enumerate 108 specifications and write the study's own as the paper's formula", () => {
    expect(moderationChoices()).toHaveLength(108);
    expect(moderationFormula(MODERATION_DEFAULT)).toBe("y ~ log1p(size) + moderator + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend + log1p(size):moderator");
  });

  it("find a known moderation in most specifications, and the study's specification equals analyseModeration's interaction", () => {
    const p = panel(-4, 5);
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
    const r = moderationMultiverse(() => panel(0, 6), [outcome], [moderator]);
    const c = r.curves[0];
    expect(c.share_negative_significant! + c.share_positive_significant!).toBeLessThan(0.25);
  });
});
