import { describe, expect, it } from "vitest";
import { aggregateUnHostYears, monthIndex, type AggregateSettings, type HostMissionMonth } from "../../src/panel/steps/un-aggregate.js";
import { kosovoHost } from "../../src/panel/steps/un-hosts.js";
import { lineageOf, MISSION_LINEAGES } from "../../src/panel/steps/un-lineage.js";

const rec = (mission: string, year: number, month: number, total: number, tcc: number | null = 1, ccode = 100, smallObserver = false): HostMissionMonth => ({
  ccode, mission, year, month, basis: "single-host", troops: total, police: 0, observers: 0, total, tcc, smallObserver,
});

function months(from: [number, number], to: [number, number], skip: Array<[number, number]> = []): Set<number> {
  const out = new Set<number>();
  for (let m = monthIndex(...from); m <= monthIndex(...to); m++) out.add(m);
  for (const s of skip) out.delete(monthIndex(...s));
  return out;
}

const agg = (recs: HostMissionMonth[], covered: Set<number>, extra: Partial<AggregateSettings> = {}) =>
  aggregateUnHostYears(recs, { covered, hasTcc: true, ...extra });

/** Every month of `years` for one mission. */
function run(mission: string, from: number, to: number, total: number, opts: { tcc?: number; ccode?: number; small?: boolean } = {}): HostMissionMonth[] {
  const out: HostMissionMonth[] = [];
  for (let y = from; y <= to; y++) for (let m = 1; m <= 12; m++) out.push(rec(mission, y, m, total, opts.tcc ?? 1, opts.ccode ?? 100, opts.small ?? false));
  return out;
}

describe("aggregateUnHostYears: personnel", () => {
  it("averages over covered months, counting months without personnel as 0", () => {
    const y = agg([rec("A", 2000, 1, 120), rec("A", 2000, 2, 240)], months([2000, 1], [2000, 12])).get(100 * 10000 + 2000)!;
    expect(y).toMatchObject({ troops: 30, total: 30, peak: 240, months: 2, missions: 1, allocation: "single-host" });
  });

  it("averages over the covered months only (a partly covered year)", () => {
    expect(agg([rec("A", 1990, 11, 100), rec("A", 1990, 12, 300)], months([1990, 11], [1990, 12])).get(1001990)!.total).toBe(200);
  });

  it("leaves durations missing in years without personnel and skips uncovered years", () => {
    const a = agg([rec("A", 2000, 1, 5)], months([2000, 1], [2001, 12]));
    expect(a.get(1002001)).toMatchObject({ months: 0, total: 0, durationYears: null, durationMonths: null, mainDurationYears: null, allocation: null });
    expect(a.has(1001999)).toBe(false);
  });
});

describe("aggregateUnHostYears: distinct contributors", () => {
  const cov = months([2000, 1], [2000, 12]);

  it("takes one mission's own count, and never sums two missions' counts", () => {
    const y = agg([rec("A", 2000, 1, 10, 5), rec("B", 2000, 1, 10, 4), rec("A", 2000, 2, 10, 7)], cov).get(1002000)!;
    // 2000-01 has two missions and no identities: the larger count, 5, flagged; 2000-02 has A alone: 7.
    expect(y).toMatchObject({ tcc: 7, tccBasis: "single-mission", tccSum: 9, missions: 2 });
    const z = agg([rec("A", 2000, 1, 10, 5), rec("B", 2000, 1, 10, 4)], cov).get(1002000)!;
    expect(z).toMatchObject({ tcc: 5, tccBasis: "largest-mission", tccSum: 9 });
  });

  it("counts distinct states where the identities are known", () => {
    const identity: AggregateSettings["identity"] = (missions, ccode, m) =>
      missions.join(",") === "A,B" && ccode === 100 && m === monthIndex(2000, 1) ? { count: 6, basis: "ipi-identity" } : null;
    const y = agg([rec("A", 2000, 1, 10, 5), rec("B", 2000, 1, 10, 4)], cov, { identity }).get(1002000)!;
    expect(y).toMatchObject({ tcc: 6, tccBasis: "ipi-identity", tccSum: 9 });
  });

  it("gives no contributor count without one in the source", () => {
    const y = aggregateUnHostYears([rec("A", 2000, 1, 10, null)], { covered: cov, hasTcc: false }).get(1002000)!;
    expect(y).toMatchObject({ tcc: null, tccBasis: null, tccSum: null });
  });
});

describe("aggregateUnHostYears: presence duration", () => {
  it("bridges absences up to the gap and restarts after longer ones", () => {
    const cov = months([1993, 1], [2010, 12]);
    // Haiti-like: 1993-2000-02, gone until 2004-06.
    const recs = [...run("UNMIH", 1993, 1999, 1000), rec("MIPONUH", 2000, 1, 300), rec("MIPONUH", 2000, 2, 300), ...run("MINUSTAH", 2005, 2010, 9000)];
    for (let m = 6; m <= 12; m++) recs.push(rec("MINUSTAH", 2004, m, 9000));
    const a = agg(recs, cov, { durationGap: 24, lineage: lineageOf });
    expect(a.get(1002008)).toMatchObject({ durationYears: 4, mainMission: "MINUSTAH", mainDurationYears: 4 });
    expect(a.get(1002000)).toMatchObject({ durationYears: 7, mainMission: "UNMIH", mainDurationYears: 7 });
    // A gap of 52 months is bridged when the gap allowed is longer.
    expect(agg(recs, cov, { durationGap: 60 }).get(1002008)!.durationYears).toBe(15);
  });

  it("lets no covered month without personnel pass under the any-mission rule, and ignores uncovered months", () => {
    const recs = [rec("A", 2000, 11, 5), rec("A", 2000, 12, 5), rec("A", 2001, 2, 5), rec("A", 2001, 3, 5), rec("A", 2002, 6, 5)];
    const a = agg(recs, months([2000, 1], [2002, 12], [[2001, 1]]), { durationGap: 0 });
    expect(a.get(1002001)).toMatchObject({ durationYears: 1, durationMonths: 5, durationAnyYears: 1 });
    expect(a.get(1002002)).toMatchObject({ durationYears: 0, durationMonths: 1, durationAnyYears: 0 });
    // With the default gap (24), the 14 empty months from 2001-04 are bridged, but not under the any-mission rule.
    expect(agg(recs, months([2000, 1], [2002, 12], [[2001, 1]])).get(1002002)).toMatchObject({ durationYears: 2, durationAnyYears: 0 });
  });

  it("does not let small observer missions start a deployment, but the any-mission rule does", () => {
    const cov = months([1990, 11], [2008, 12]);
    const starts = new Map([["UNTSO", monthIndex(1948, 5)], ["UNIFIL", monthIndex(1978, 3)]]);
    const recs = [...run("UNTSO", 1991, 2008, 150, { small: true }), ...run("UNIFIL", 1991, 2008, 5000)];
    recs.push(rec("UNTSO", 1990, 11, 150, 1, 100, true), rec("UNTSO", 1990, 12, 150, 1, 100, true), rec("UNIFIL", 1990, 11, 5000), rec("UNIFIL", 1990, 12, 5000));
    const a = agg(recs, cov, { knownStarts: starts });
    expect(a.get(1002007)).toMatchObject({ durationYears: 29, durationAnyYears: 59, mainMission: "UNIFIL", mainDurationYears: 29 });
    // A host with only the small observer mission has 0 years of qualifying deployment.
    const only = agg(run("UNTSO", 2000, 2008, 50, { small: true, ccode: 200 }), cov, { knownStarts: starts }).get(2002007)!;
    expect(only).toMatchObject({ durationYears: 0, durationMonths: 0, mainDurationYears: 0, durationAnyYears: 7, mainMission: null });
  });

  it("dates deployments under way in the first covered month from the line's start", () => {
    const cov = months([1990, 11], [1991, 12]);
    const recs = [rec("UNFICYP", 1990, 11, 5), rec("UNFICYP", 1990, 12, 5), rec("UNFICYP", 1991, 1, 5)];
    const starts = new Map([["UNFICYP", monthIndex(1964, 3)]]);
    const a = agg(recs, cov, { knownStarts: starts });
    expect(a.get(1001990)).toMatchObject({ durationYears: 26, durationMonths: monthIndex(1990, 12) - monthIndex(1964, 3) + 1 });
    expect(agg(recs, cov).get(1001990)).toMatchObject({ durationYears: 0, durationMonths: 2 });
    expect(agg([rec("UNFICYP", 1991, 5, 5)], cov, { knownStarts: starts }).get(1001991)).toMatchObject({ durationYears: 0, durationMonths: 1 });
  });
});

describe("aggregateUnHostYears: main lineage", () => {
  it("follows a mission through its renaming (MONUC to MONUSCO)", () => {
    const cov = months([1999, 1], [2012, 12]);
    const recs = [...run("MONUC", 2000, 2009, 15000, { ccode: 490 }), ...run("MONUSCO", 2010, 2012, 19000, { ccode: 490 })];
    const withLine = agg(recs, cov, { lineage: lineageOf }).get(4902011)!;
    expect(withLine).toMatchObject({ mainMission: "MONUC", mainDurationYears: 11, durationYears: 11 });
    // Without the lineage table the largest mission restarts in 2010.
    expect(agg(recs, cov).get(4902011)).toMatchObject({ mainMission: "MONUSCO", mainDurationYears: 1 });
  });

  it("picks the line with the most personnel over the year, ties by name", () => {
    const cov = months([1991, 1], [1991, 12]);
    const recs = [rec("A", 1991, 1, 100), rec("A", 1991, 2, 100), rec("B", 1991, 1, 150), rec("B", 1991, 3, 50)];
    expect(agg(recs, cov).get(1001991)!.mainMission).toBe("A");
    expect(agg([...recs, rec("B", 1991, 4, 1)], cov).get(1001991)!.mainMission).toBe("B");
  });

  it("has lines whose missions appear once each", () => {
    const all = MISSION_LINEAGES.flatMap((l) => l.missions);
    expect(new Set(all).size).toBe(all.length);
    expect(lineageOf("MONUSCO")).toBe("MONUC");
    expect(lineageOf("UNAMSIL")).toBe("UNOMSIL");
    expect(lineageOf("MINUSTAH")).toBe("MINUSTAH");
    expect(lineageOf("UNIFIL")).toBe("UNIFIL");
  });
});

describe("kosovoHost", () => {
  it("places Kosovo missions by the option", () => {
    expect(kosovoHost(1999, "split-2008")).toBe(345);
    expect(kosovoHost(2008, "split-2008")).toBe(347);
    expect(kosovoHost(2010, "serbia")).toBe(345);
    expect(kosovoHost(2000, "kosovo")).toBe(347);
  });
});
