import { describe, expect, it } from "vitest";
import { DESIGN_OUTCOMES, eventStudyFor, synthFor, usableOnset } from "../../src/cases/designs.js";
import { unOnsets } from "../../src/cases/onsets.js";
import type { PanelRow } from "../../src/panel/panel.js";
import { simulatePanel } from "../fixtures/cases/simulate.js";

const P3 = DESIGN_OUTCOMES.find((d) => d.col === "p3_total")!;
const byKey = (rows: readonly PanelRow[]) => new Map(rows.map((r) => [`${String(r.ccode)}:${String(r.year)}`, r]));

describe("onsets", () => {
  it("finds onsets after 3 clean years, keeps later ones, and flags deployments under way from the start", () => {
    const rows: PanelRow[] = [];
    const add = (ccode: number, on: readonly number[]) => on.forEach((v, i) => rows.push({ ccode, country: `c${ccode}`, year: 1990 + i, un_any: v }));
    add(1, [0, 0, 0, 1, 1, 0, 0, 0, 1]);
    add(2, [1, 1, 0, 0, 0, 1, 0, 0, 0]);
    add(3, [0, 0, 1, 0, 0, 0, 0, 0, 0]);
    const o = unOnsets(rows);
    expect(o.get(1)!.years).toEqual([1993, 1998]);
    expect(o.get(2)!.years).toEqual([1995]);
    expect(o.get(2)!.leftCensored).toBe(true);
    expect(o.get(3)!.years).toEqual([]);
  });
  it("usableOnset skips years of an earlier deployment inside the outcome's years", () => {
    const o = { ccode: 41, country: "Haiti", years: [1994, 2004], deployed: new Set([1994, 1995, 1996, 1997, 1998, 1999, 2000, 2004, 2005]), leftCensored: false };
    expect(usableOnset(o, P3, 3)).toEqual({ onset: 2004, cleanFrom: 2001 });
    expect(usableOnset(o, P3, 4)).toBeNull();
  });
});

describe("synthetic control application on simulated data", () => {
  // With 8 pre-onset years the placebo p-value is small; with 5 (onset 2005) the same
  // effect can give p = 0.16 because placebos over-fit a short pre-period (see docs/cases.md).
  it("recovers a known effect of onset, with a small placebo p-value", () => {
    const sim = simulatePanel({ effect: -3, seed: 11, onsets: [2008] });
    const on = unOnsets(sim.rows);
    const s = synthFor(byKey(sim.rows), 900, "treated", on.get(900), P3, sim.never);
    expect(s.reason).toBeNull();
    expect(s.onset).toBe(2008);
    expect(s.estimate!.att).toBeGreaterThan(-3.5);
    expect(s.estimate!.att).toBeLessThan(-2.5);
    expect(s.estimate!.pValue).toBeLessThanOrEqual(0.1);
    expect(s.estimate!.years[0]).toBe(2000);
  }, 120_000);
  it("finds nothing when there is no effect", () => {
    const sim = simulatePanel({ effect: 0, seed: 12, onsets: [2008] });
    const s = synthFor(byKey(sim.rows), 900, "treated", unOnsets(sim.rows).get(900), P3, sim.never);
    expect(Math.abs(s.estimate!.att)).toBeLessThan(0.6);
    expect(s.estimate!.pValue).toBeGreaterThan(0.1);
  }, 120_000);
  it("says why when the onset is before the outcome's years", () => {
    const sim = simulatePanel({ effect: 0, seed: 13, onsets: [1998] });
    const s = synthFor(byKey(sim.rows), 900, "treated", unOnsets(sim.rows).get(900), P3, sim.never);
    expect(s.estimate).toBeNull();
    expect(s.reason).toMatch(/1998/);
  });
});

describe("event-study application on simulated data", () => {
  const opts = { window: [-4, 6] as const, reps: 199, seed: 5 };
  it("recovers a known effect with an interval that excludes 0, and flat pre-onset estimates", () => {
    const sim = simulatePanel({ effect: -3, seed: 21 });
    const es = eventStudyFor(sim.rows, unOnsets(sim.rows), new Set(sim.never), P3, opts);
    expect(es.treated.map((t) => t.onset)).toEqual([2004, 2005, 2006, 2006, 2007, 2008]);
    expect(es.neverTreated).toBe(30);
    const o = es.result!.overall;
    expect(o.att).toBeGreaterThan(-3.3);
    expect(o.att).toBeLessThan(-2.7);
    expect(o.conf_high!).toBeLessThan(0);
    for (const e of es.result!.estimates.filter((x) => x.e < 0)) expect(Math.abs(e.att)).toBeLessThan(0.5);
  });
  it("finds nothing when there is no effect", () => {
    const sim = simulatePanel({ effect: 0, seed: 22 });
    const o = eventStudyFor(sim.rows, unOnsets(sim.rows), new Set(sim.never), P3, opts).result!.overall;
    expect(Math.abs(o.att)).toBeLessThan(0.3);
    expect(o.conf_low!).toBeLessThan(0);
    expect(o.conf_high!).toBeGreaterThan(0);
  });
  it("is reproducible with the same seed", () => {
    const sim = simulatePanel({ effect: -1, seed: 23 });
    const a = eventStudyFor(sim.rows, unOnsets(sim.rows), new Set(sim.never), P3, opts);
    const b = eventStudyFor(sim.rows, unOnsets(sim.rows), new Set(sim.never), P3, opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
