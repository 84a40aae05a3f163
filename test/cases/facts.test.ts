import { beforeAll, describe, expect, it } from "vitest";
import { analyseCase, type CaseResult } from "../../src/cases/analyse.js";
import { cyKey, loadCaseData, type CaseData } from "../../src/cases/data.js";
import { caseTimeline, resolveCase, type TimelineYear } from "../../src/cases/timeline.js";
import { OptionError } from "../../src/core/errors.js";
import { readBaraHultman } from "../../src/sources/bara-hultman-pko.js";
import { readIpiMissionMonth } from "../../src/sources/ipi-mission-month.js";
import { DATA_DIR } from "../util/data.js";

let data: CaseData;
const cases = new Map<string, CaseResult>();
const year = (c: string, y: number): TimelineYear => cases.get(c)!.timeline.years.find((t) => t.year === y)!;
const mission = (c: string, y: number, m: string) => year(c, y).missions.find((x) => x.mission === m);

beforeAll(() => {
  data = loadCaseData(DATA_DIR);
  for (const q of ["Kosovo", "Haiti", "Sierra Leone", "Nepal"]) cases.set(q, analyseCase(data, resolveCase(data.codes, q), 1995, 2016));
});

describe("case names", () => {
  it("resolves names, ISO-3 and COW codes", () => {
    for (const q of ["Kosovo", "XKX", "KSV", "347"]) expect(resolveCase(data.codes, q).ccode).toBe(347);
    expect(resolveCase(data.codes, "HTI").ccode).toBe(41);
    expect(resolveCase(data.codes, "Cote d'Ivoire").ccode).toBe(437);
    expect(resolveCase(data.codes, "sierra leone").ccode).toBe(451);
  });
  it("names the text it cannot resolve", () => {
    expect(() => resolveCase(data.codes, "Narnia")).toThrow(OptionError);
    expect(() => resolveCase(data.codes, "Narnia")).toThrow(/"Narnia"/);
  });
});

describe("Kosovo", () => {
  it("Bara-Hultman lists KFOR under Serbia (Yugoslavia), COW 345, from 1999", () => {
    const kfor = readBaraHultman(DATA_DIR).filter((r) => r.mission === "KFOR");
    expect(new Set(kfor.filter((r) => r.year < 2008).map((r) => r.ccode))).toEqual(new Set([345]));
    expect(Math.min(...kfor.map((r) => r.year))).toBe(1999);
  });
  it("shows KFOR from 1999, at about 40,000 at its height, and UNMIK from 1999", () => {
    expect(mission("Kosovo", 1998, "KFOR")).toBeUndefined();
    expect(mission("Kosovo", 1999, "KFOR")!.org).toBe("nato");
    const peak = Math.max(...cases.get("Kosovo")!.timeline.years.map((y) => mission("Kosovo", y.year, "KFOR")?.total ?? 0));
    expect(peak).toBeGreaterThan(38000);
    expect(peak).toBeLessThan(50000);
    expect(mission("Kosovo", 1999, "UNMIK")!.org).toBe("un");
    expect(cases.get("Kosovo")!.deployment!.start).toBe(1999);
  });
  it("reads Serbia's indicators before 2008 and its own from 2008; Serbia's series leaves the Kosovo missions out", () => {
    expect(year("Kosovo", 2005).indicatorsFrom).toBe(345);
    expect(year("Kosovo", 2008).indicatorsFrom).toBe(347);
    expect(year("Kosovo", 2005).pdest).toBe(data.panel.get(cyKey(345, 2005))!.pdest);
    const serbia = caseTimeline(data, resolveCase(data.codes, "Serbia"), 1999, 2010);
    expect(serbia.years.flatMap((y) => y.missions.map((m) => m.mission))).not.toContain("KFOR");
    expect(serbia.years.flatMap((y) => y.missions.map((m) => m.mission))).not.toContain("UNMIK");
  });
  it("is listed as a destination (pdest) in every HTI year, under Serbia then itself", () => {
    const ys = cases.get("Kosovo")!.timeline.years.filter((y) => y.pdest !== null);
    expect(ys.map((y) => y.year)).toEqual([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010]);
    expect(ys.every((y) => y.pdest === 1)).toBe(true);
  });
});

describe("Sierra Leone", () => {
  it("UNAMSIL: 17,105 troops in 2001-12 (IPI) and a 2001 yearly mean between 12,000 and 17,105", () => {
    const dec = readIpiMissionMonth(DATA_DIR).find((r) => r.mission === "UNAMSIL" && r.year === 2001 && r.month === 12)!;
    expect(dec.troops).toBe(17105);
    expect(dec.contributors).toBe(37);
    const t = mission("Sierra Leone", 2001, "UNAMSIL")!;
    expect(t.troops).toBeGreaterThan(12000);
    expect(t.troops).toBeLessThanOrEqual(17105);
    expect(mission("Sierra Leone", 2002, "UNAMSIL")!.troops).toBeGreaterThan(16000);
  });
  it("ECOMOG (named ECOWAS in Bara-Hultman) is a regional force before UNAMSIL; the deployment runs 1997-2011", () => {
    expect(mission("Sierra Leone", 1998, "ECOWAS")!.org).toBe("regional");
    const d = cases.get("Sierra Leone")!.deployment!;
    // After UNIOSIL (2008), UNMIL's guard unit at the Special Court in Freetown (about 150 troops on
    // Geo-PKO's maps) is placed in Sierra Leone, not Liberia, so the UN presence runs to 2011.
    expect([d.start, d.end]).toEqual([1997, 2011]);
    expect(mission("Sierra Leone", 2010, "UNMIL")!.troops).toBeGreaterThan(100);
  });
  it("is a destination (pdest) from the 2004 report, i.e. calendar 2003", () => {
    expect(year("Sierra Leone", 2002).pdest).toBe(0);
    expect(year("Sierra Leone", 2003).pdest).toBe(1);
  });
});

describe("Haiti", () => {
  it("MINUSTAH from 2004 (first IPI month 2004-05), absent 2001-2003", () => {
    const first = readIpiMissionMonth(DATA_DIR).filter((r) => r.mission === "MINUSTAH").map((r) => r.date).sort()[0];
    expect(first).toBe("2004-05");
    for (const y of [2001, 2002, 2003]) expect(year("Haiti", y).unTotal).toBe(0);
    expect(mission("Haiti", 2004, "MINUSTAH")!.total).toBeGreaterThan(0);
    expect(mission("Haiti", 2004, "MIFH")!.org).toBe("single_state");
    const d = cases.get("Haiti")!.deployment!;
    expect([d.start, d.end]).toEqual([2004, 2016]);
    expect(d.spells[0]).toMatchObject({ start: 1995, end: 2000 });
  });
  it("is a destination (pdest) from the 2003 report, i.e. calendar 2002", () => {
    expect(year("Haiti", 2001).pdest).toBe(0);
    expect(year("Haiti", 2002).pdest).toBe(1);
  });
  it("UN personnel by mission add up to the panel's un_total", () => {
    for (const y of [1996, 2005, 2010]) expect(year("Haiti", y).unTotal).toBeCloseTo(data.panel.get(cyKey(41, y))!.un_total as number, 9);
  });
});

describe("Nepal", () => {
  it("no force: no UN troops and no non-UN operation in any year (only UNMIN's unarmed monitors, 2007-2010)", () => {
    const ys = cases.get("Nepal")!.timeline.years;
    expect(ys.every((y) => (y.unTroops ?? 0) === 0 && (y.nonUnTotal ?? 0) === 0)).toBe(true);
    const missions = new Set(ys.flatMap((y) => y.missions.map((m) => m.mission)));
    expect([...missions]).toEqual(["UNMIN"]);
    expect(Math.max(...ys.map((y) => y.unTotal ?? 0))).toBeLessThan(200);
  });
  it("is never a destination in HTI, though it has HTI rows", () => {
    const ys = cases.get("Nepal")!.timeline.years.filter((y) => y.pdest !== null);
    expect(ys.length).toBe(11);
    expect(ys.every((y) => y.pdest === 0)).toBe(true);
  });
});
