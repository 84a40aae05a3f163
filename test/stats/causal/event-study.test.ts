import { describe, expect, it } from "vitest";
import { eventStudy } from "../../../src/stats/causal/event-study.js";
import { createRng } from "../../../src/stats/random.js";

/** Unit and year effects, staggered adoption for half the units, effect(e) for e >= 0. */
function simulate(effect: (e: number) => number, seed: number) {
  const gen = createRng(seed);
  const rnd = () => gen.next();
  const normal = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const rows: { unit: string; time: number; y: number | null }[] = [];
  const adoption = new Map<string, number | null>();
  const yearFx = Array.from({ length: 20 }, () => normal());
  for (let i = 0; i < 80; i++) {
    const unit = `u${i}`;
    const g = i < 40 ? 2004 + (i % 8) : null;
    adoption.set(unit, g);
    const a = 3 * normal();
    for (let t = 0; t < 20; t++) {
      const year = 2000 + t;
      const fx = g !== null && year >= g ? effect(year - g) : 0;
      rows.push({ unit, time: year, y: a + yearFx[t] + fx + 0.3 * normal() });
    }
  }
  return { rows, adoption };
}

describe("eventStudy", () => {
  it("recovers a dynamic effect 0.5 * (e + 1) after adoption and zero before", () => {
    const sim = simulate((e) => 0.5 * (e + 1), 1);
    const r = eventStudy({ ...sim, window: [-4, 5], reps: 199, seed: 42 });
    for (const est of r.estimates) {
      const truth = est.e >= 0 ? 0.5 * (est.e + 1) : 0;
      expect(Math.abs(est.att - truth), `e=${est.e}`).toBeLessThan(0.25);
    }
    expect(r.estimates.find((e) => e.e === -1)!.att).toBe(0);
    expect(r.cohorts).toEqual([2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011]);
    expect(r.overall.att).toBeGreaterThan(1.5);
    expect(r.overall.conf_low!).toBeGreaterThan(0);
  });

  it("its 95% intervals cover the truth about 95% of the time (45 intervals over five panels)", () => {
    // The nine intervals of one panel share the reference period's noise, so they miss
    // together; one panel is no test of coverage. 38 of 45 is far below what a correct
    // interval gives (42.75 expected).
    let covered = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = eventStudy({ ...simulate((e) => 0.5 * (e + 1), seed), window: [-4, 5], reps: 199, seed: 42 });
      for (const est of r.estimates) {
        const truth = est.e >= 0 ? 0.5 * (est.e + 1) : 0;
        if (est.e !== -1 && est.conf_low! < truth && truth < est.conf_high!) covered++;
      }
    }
    expect(covered).toBeGreaterThanOrEqual(38);
  });

  it("finds no effect in data with none", () => {
    const r = eventStudy({ ...simulate(() => 0, 2), window: [-4, 5], reps: 199, seed: 7 });
    expect(r.overall.conf_low!).toBeLessThan(0);
    expect(r.overall.conf_high!).toBeGreaterThan(0);
    expect(Math.abs(r.overall.att)).toBeLessThan(0.2);
  });

  it("gives the same answer for the same seed and needs never-treated units", () => {
    const sim = simulate(() => 1, 3);
    const a = eventStudy({ ...sim, window: [-2, 2], reps: 50, seed: 5 });
    const b = eventStudy({ ...sim, window: [-2, 2], reps: 50, seed: 5 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const allTreated = new Map([...sim.adoption.keys()].map((u) => [u, 2005]));
    expect(() => eventStudy({ rows: sim.rows, adoption: allTreated, seed: 1 })).toThrow("event study: no never-treated units to compare with");
  });
});
