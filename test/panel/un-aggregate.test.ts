import { describe, expect, it } from "vitest";
import { aggregateUnHostYears, monthIndex, type HostMissionMonth } from "../../src/panel/steps/un-aggregate.js";
import { kosovoHost, makeHostResolver } from "../../src/panel/steps/un-hosts.js";

const rec = (mission: string, year: number, month: number, total: number, tcc: number | null = 1, ccode = 100): HostMissionMonth => ({
  ccode, mission, year, month, troops: total, police: 0, observers: 0, total, tcc,
});

function months(from: [number, number], to: [number, number], skip: Array<[number, number]> = []): Set<number> {
  const out = new Set<number>();
  for (let m = monthIndex(...from); m <= monthIndex(...to); m++) out.add(m);
  for (const s of skip) out.delete(monthIndex(...s));
  return out;
}

describe("aggregateUnHostYears", () => {
  it("averages over covered months, counting months without personnel as 0", () => {
    const a = aggregateUnHostYears([rec("A", 2000, 1, 120), rec("A", 2000, 2, 240)], months([2000, 1], [2000, 12]), true);
    const y = a.get(100 * 10000 + 2000)!;
    expect(y.troops).toBe(30);
    expect(y.total).toBe(30);
    expect(y.peak).toBe(240);
    expect(y.months).toBe(2);
    expect(y.missions).toBe(1);
  });

  it("averages over the covered months only (a partly covered year)", () => {
    const a = aggregateUnHostYears([rec("A", 1990, 11, 100), rec("A", 1990, 12, 300)], months([1990, 11], [1990, 12]), true);
    expect(a.get(1001990)!.total).toBe(200);
  });

  it("sums contributors over a host's missions in a month and flags the double count", () => {
    const a = aggregateUnHostYears(
      [rec("A", 2000, 1, 10, 5), rec("B", 2000, 1, 10, 4), rec("A", 2000, 2, 10, 7)],
      months([2000, 1], [2000, 12]),
      true,
    );
    const y = a.get(1002000)!;
    expect(y.tcc).toBe(9);
    expect(y.tccDoubleCount).toBe(1);
    expect(y.missions).toBe(2);
    const b = aggregateUnHostYears([rec("A", 2000, 1, 10, 5), rec("B", 2000, 1, 10, 4), rec("A", 2000, 2, 10, 12)], months([2000, 1], [2000, 12]), true);
    expect(b.get(1002000)!.tcc).toBe(12);
    expect(b.get(1002000)!.tccDoubleCount).toBe(0);
  });

  it("gives no contributor count without one in the source", () => {
    const a = aggregateUnHostYears([rec("A", 2000, 1, 10, null)], months([2000, 1], [2000, 12]), false);
    expect(a.get(1002000)!.tcc).toBeNull();
    expect(a.get(1002000)!.tccDoubleCount).toBeNull();
  });

  it("measures the current continuous deployment; uncovered months do not break it, empty covered months do", () => {
    const recs = [rec("A", 2000, 11, 5), rec("A", 2000, 12, 5), rec("A", 2001, 2, 5), rec("A", 2001, 3, 5), rec("A", 2002, 6, 5)];
    const a = aggregateUnHostYears(recs, months([2000, 1], [2002, 12], [[2001, 1]]), true);
    expect(a.get(1002000)).toMatchObject({ durationYears: 0, durationMonths: 2 });
    // 2001-01 is not covered, so the run 2000-11 .. 2001-03 is unbroken: 5 months.
    expect(a.get(1002001)).toMatchObject({ durationYears: 1, durationMonths: 5 });
    // 2001-04 is covered and empty: a new deployment starts 2002-06.
    expect(a.get(1002002)).toMatchObject({ durationYears: 0, durationMonths: 1, months: 1 });
  });

  it("leaves duration missing in years without personnel and skips uncovered years", () => {
    const a = aggregateUnHostYears([rec("A", 2000, 1, 5)], months([2000, 1], [2001, 12]), true);
    expect(a.get(1002001)).toMatchObject({ months: 0, total: 0, durationYears: null, durationMonths: null });
    expect(a.has(1001999)).toBe(false);
  });
});

describe("UN host placement", () => {
  const xwalk = new Map([["UNMEE", ["ERI", "ETH"]], ["UNMIK", ["SRB", "KSV"]]]);
  const iso: Record<string, number> = { ERI: 531, ETH: 530, SRB: 345, KSV: 347 };
  const toCow = (i: string) => iso[i] ?? null;

  it("maps multi-host missions through the crosswalk or keeps the HQ", () => {
    expect(makeHostResolver(xwalk, toCow, { multiHost: "crosswalk", kosovo: "split-2008" })("UNMEE", 2002, [531])).toEqual([531, 530]);
    expect(makeHostResolver(xwalk, toCow, { multiHost: "hq", kosovo: "split-2008" })("UNMEE", 2002, [531])).toEqual([531]);
    expect(makeHostResolver(xwalk, toCow, { multiHost: "crosswalk", kosovo: "split-2008" })("UNAMA", 2005, [700])).toEqual([700]);
  });

  it("places UNMIK by the kosovo option", () => {
    const r = makeHostResolver(xwalk, toCow, { multiHost: "crosswalk", kosovo: "split-2008" });
    expect(r("UNMIK", 1999, [345])).toEqual([345]);
    expect(r("UNMIK", 2008, [345])).toEqual([347]);
    expect(kosovoHost(2010, "serbia")).toBe(345);
    expect(kosovoHost(2000, "kosovo")).toBe(347);
  });
});

describe("left-censored deployments", () => {
  it("start at the earliest known mission start when under way in the first covered month", () => {
    const cov = months([1990, 11], [1991, 12]);
    const recs = [rec("UNFICYP", 1990, 11, 5), rec("UNFICYP", 1990, 12, 5), rec("UNFICYP", 1991, 1, 5)];
    const starts = new Map([["UNFICYP", monthIndex(1964, 3)]]);
    const a = aggregateUnHostYears(recs, cov, true, starts);
    expect(a.get(1001990)).toMatchObject({ durationYears: 26, durationMonths: monthIndex(1990, 12) - monthIndex(1964, 3) + 1 });
    expect(a.get(1001991)).toMatchObject({ durationYears: 27 });
    // Without known starts: counted from the first covered month.
    expect(aggregateUnHostYears(recs, cov, true).get(1001990)).toMatchObject({ durationYears: 0, durationMonths: 2 });
    // A deployment beginning later is not affected.
    const later = aggregateUnHostYears([rec("UNFICYP", 1991, 5, 5)], cov, true, starts);
    expect(later.get(1001991)).toMatchObject({ durationYears: 0, durationMonths: 1 });
  });
});

describe("largest-mission duration", () => {
  const cov = months([1990, 1], [1995, 12]);
  const starts = new Map([["OLD", monthIndex(1948, 6)], ["BIG", monthIndex(1978, 3)]]);

  it("times the year's largest mission from its own start, not the host's oldest mission", () => {
    const recs: HostMissionMonth[] = [];
    for (let y = 1990; y <= 1995; y++) for (let m = 1; m <= 12; m++) recs.push(rec("OLD", y, m, 50));
    for (let y = 1992; y <= 1995; y++) for (let m = 1; m <= 12; m++) recs.push(rec("NEW", y, m, 5000));
    const a = aggregateUnHostYears(recs, cov, true, starts);
    expect(a.get(1001991)).toMatchObject({ mainMission: "OLD", durationYears: 43, mainDurationYears: 43 });
    expect(a.get(1001993)).toMatchObject({ mainMission: "NEW", durationYears: 45, mainDurationYears: 1, mainDurationMonths: 24 });
  });

  it("uses the mission's own left-censored start (BIG from 1978, not OLD's 1948)", () => {
    const recs = [rec("OLD", 1990, 1, 50), rec("BIG", 1990, 1, 5000), rec("OLD", 1990, 2, 50), rec("BIG", 1990, 2, 5000)];
    const y = aggregateUnHostYears(recs, cov, true, starts).get(1001990)!;
    expect(y).toMatchObject({ mainMission: "BIG", durationYears: 42, mainDurationYears: 12 });
    expect(y.mainDurationMonths).toBe(monthIndex(1990, 2) - monthIndex(1978, 3) + 1);
  });

  it("picks by mean over the year, breaks ties by name, and restarts the main mission after its own gap", () => {
    // A: 100 + 100 persons; B: 150 + 50, with 1991-02 (covered) between: a tie, which A wins by name.
    const recs = [rec("A", 1991, 1, 100), rec("A", 1991, 2, 100), rec("B", 1991, 1, 150), rec("B", 1991, 3, 50)];
    expect(aggregateUnHostYears(recs, cov, true, starts).get(1001991)!.mainMission).toBe("A");
    const y = aggregateUnHostYears([...recs, rec("B", 1991, 4, 1)], cov, true, starts).get(1001991)!;
    // B now leads; its run restarts in 1991-03 (2 months), while the host's runs from 1991-01 (4 months).
    expect(y).toMatchObject({ mainMission: "B", mainDurationYears: 0, mainDurationMonths: 2, durationMonths: 4 });
  });

  it("is missing in years without personnel", () => {
    const a = aggregateUnHostYears([rec("A", 1990, 5, 5)], cov, true, starts);
    expect(a.get(1001991)).toMatchObject({ mainMission: null, mainDurationYears: null, mainDurationMonths: null });
  });
});
