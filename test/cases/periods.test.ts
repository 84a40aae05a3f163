import { describe, expect, it } from "vitest";
import { deploymentOf, periodTable, type PeriodYear } from "../../src/cases/periods.js";
import { PERIOD_FIXTURE } from "../fixtures/cases/periods.js";

const years = (spec: readonly (number | null)[], from = 2000): PeriodYear[] =>
  spec.map((p, i) => ({ year: from + i, personnel: p, values: {} }));

describe("deploymentOf", () => {
  it("finds the spells and picks the one with the largest peak", () => {
    const d = deploymentOf(years([0, 100, 200, 0, 0, 50, 900, 300, 0]));
    expect(d).not.toBeNull();
    expect(d!.spells.map((s) => [s.start, s.end, s.peak])).toEqual([[2001, 2002, 200], [2005, 2007, 900]]);
    expect([d!.start, d!.end, d!.peak, d!.peakYear]).toEqual([2005, 2007, 900, 2006]);
  });
  it("takes the earliest spell on a tie, and a year without data ends a run", () => {
    const d = deploymentOf(years([5, null, 5, 5]));
    expect(d!.spells.map((s) => [s.start, s.end])).toEqual([[2000, 2000], [2002, 2003]]);
    expect([d!.start, d!.end]).toEqual([2000, 2000]);
  });
  it("is null without personnel", () => {
    expect(deploymentOf(years([0, 0, null]))).toBeNull();
  });
});

describe("periodTable on the fixture with known answers", () => {
  const f = PERIOD_FIXTURE;
  it("puts the deployment where the fixture says", () => {
    const d = deploymentOf(f.years)!;
    expect([d.start, d.end]).toEqual(f.expected.deployment);
  });
  it("gives the hand-computed means, counts, spans and changes", () => {
    const d = deploymentOf(f.years);
    const t = periodTable(f.years, d, ["y", "z"]);
    for (const row of t) {
      const e = f.expected.table[row.indicator as "y" | "z"];
      if (e.before === null) expect(row.before.mean).toBeNull();
      else expect(row.before.mean).toBeCloseTo(e.before, 12);
      expect(row.during.mean).toBeCloseTo(e.during, 12);
      expect(row.after.mean).toBeCloseTo(e.after, 12);
      expect([row.before.n, row.during.n, row.after.n]).toEqual(e.n);
      if (e.before === null) expect(row.changeDuring).toBeNull();
      else expect(row.changeDuring).toBeCloseTo(e.during - e.before, 12);
      expect(row.changeAfter).toBeCloseTo(e.after - e.during, 12);
    }
    expect(t[0].before.span).toEqual([2000, 2002]);
    expect(t[0].during.span).toEqual([2003, 2006]);
    expect(t[0].after.span).toEqual([2007, 2009]);
  });
  it("reports missing periods as null, not 0", () => {
    const t = periodTable(f.years, { start: 2000, end: 2009 }, ["y"]);
    expect(t[0].before).toEqual({ mean: null, n: 0, span: null });
    expect(t[0].changeDuring).toBeNull();
    const none = periodTable(f.years, null, ["y"]);
    expect(none[0].before.n).toBe(9);
    expect(none[0].before.mean).toBeCloseTo((1 + 2 + 3 + 10 + 20 + 30 + 4 + 5 + 6) / 9, 12);
    expect(none[0].during.span).toBeNull();
  });
});
