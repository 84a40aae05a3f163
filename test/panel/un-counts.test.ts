import { beforeAll, describe, expect, it } from "vitest";
import { buildPanelFrom } from "../../src/panel/build.js";
import { resolveOptions } from "../../src/panel/options.js";
import { toRows, type PanelRow } from "../../src/panel/panel.js";
import { SourceLoader } from "../../src/panel/pipeline.js";
import { placeUnMonths, type PlacedUnMonths } from "../../src/panel/steps/add-un-peacekeeping.js";
import { allocate, checkConserves, type AllocationInputs } from "../../src/panel/steps/un-allocation.js";
import { readIpiMissionMonth } from "../../src/sources/ipi-mission-month.js";
import { PanelInvariantError } from "../../src/panel/validate.js";
import { DATA_DIR } from "../util/data.js";

// The counting laws and facts of "count every peacekeeper once" (issue 10), on the real files.
let loader: SourceLoader;
let placed: PlacedUnMonths;
let rows: PanelRow[];
const at = (ccode: number, year: number): PanelRow => rows.find((r) => r.ccode === ccode && r.year === year)!;

beforeAll(() => {
  loader = new SourceLoader(DATA_DIR);
  placed = placeUnMonths({ options: resolveOptions({}), sources: loader, warn: () => undefined });
  rows = toRows(buildPanelFrom(loader));
});

describe("conservation: every peacekeeper counted once", () => {
  it("for every month 1991-2016, hosts plus named territories equal the missions' sum in the source, within 1%", () => {
    // The source's own monthly sum, read here from the file rather than from the ledger.
    const source = new Map<number, number>();
    for (const r of readIpiMissionMonth(DATA_DIR)) source.set(r.year * 12 + r.month - 1, (source.get(r.year * 12 + r.month - 1) ?? 0) + r.total);
    const hosts = new Map<number, number>();
    for (const r of placed.records) hosts.set(r.year * 12 + r.month - 1, (hosts.get(r.year * 12 + r.month - 1) ?? 0) + r.total);
    let months = 0;
    for (let m = 1991 * 12; m <= 2016 * 12 + 11; m++) {
      if (!source.has(m)) continue; // 2016-11 is not in the file
      months += 1;
      const l = placed.ledger.get(m)!;
      const inHosts = hosts.get(m) ?? 0;
      expect(Math.abs(inHosts + l.unplaced - source.get(m)!) / source.get(m)!, `month ${Math.floor(m / 12)}-${(m % 12) + 1}`).toBeLessThan(0.01);
      expect(Math.abs(l.placed - inHosts)).toBeLessThan(1e-6 * source.get(m)!);
    }
    expect(months).toBe(26 * 12 - 1);
  });

  it("the named territories are Western Sahara (MINURSO), East Timor before 2002-09 (UNAMET, UNTAET, UNMISET) and Macedonia before 1993-04", () => {
    expect([...placed.unplaced.keys()].sort()).toEqual(["North Macedonia", "Timor-Leste", "UNAMET (no host)", "UNTAET (no host)", "Western Sahara"]);
    expect([...placed.unplaced.get("Western Sahara")!.missions]).toEqual(["MINURSO"]);
  });

  it("the yearly world total over hosts stays below the missions' total (no double counting)", () => {
    for (const year of [1994, 1995, 2007]) {
      const hosts = rows.filter((r) => r.year === year).reduce((a, r) => a + ((r.un_total as number | null) ?? 0), 0);
      let missions = 0;
      let n = 0;
      for (const [m, l] of placed.ledger) if (Math.floor(m / 12) === year) { missions += l.missions; n += 1; }
      expect(hosts).toBeLessThanOrEqual((missions / n) * 1.0001);
      expect(hosts).toBeGreaterThan((missions / n) * 0.9);
    }
  });
});

describe("facts the counts must meet", () => {
  it("Macedonia 1995 has fewer than 2,000 UN personnel (UNPROFOR's Macedonia command, not all of UNPROFOR)", () => {
    expect(at(343, 1995).un_total as number).toBeLessThan(2000);
    expect(at(343, 1995).un_total as number).toBeGreaterThan(500);
  });

  it("Lebanon 2007 equals UNIFIL's strength within 5%", () => {
    const unifil = readIpiMissionMonth(DATA_DIR).filter((r) => r.mission === "UNIFIL" && r.year === 2007);
    const mean = unifil.reduce((a, r) => a + r.total, 0) / 12;
    expect(unifil).toHaveLength(12);
    expect(Math.abs((at(660, 2007).un_total as number) - mean) / mean).toBeLessThan(0.05);
  });

  it("Sudan 2007 has fewer than 80 distinct contributors (not UNMIS 73 + UNAMID 33)", () => {
    expect(at(625, 2007).un_tcc as number).toBeLessThan(80);
    expect(at(625, 2007).un_tcc_sum as number).toBeGreaterThan(100);
  });

  it("Haiti 2008: about 4 years deployed (MINUSTAH, 2004); DRC 2011: more than 10 (MONUC, then MONUSCO)", () => {
    expect(at(41, 2008).un_duration_years).toBe(4);
    expect(at(490, 2011).un_duration_years as number).toBeGreaterThan(10);
    expect(at(490, 2011).un_duration_main_years as number).toBeGreaterThan(10);
    expect(at(490, 2011).un_main_lineage).toBe("MONUC");
  });

  it("the 90th percentile of years deployed among deployed host-years 2001-2011 is below 40", () => {
    const d = rows
      .filter((r) => (r.year as number) >= 2001 && (r.year as number) <= 2011 && (r.un_total as number) > 0)
      .map((r) => r.un_duration_years as number)
      .sort((a, b) => a - b);
    const h = (d.length - 1) * 0.9;
    const p90 = d[Math.floor(h)] + (h - Math.floor(h)) * (d[Math.ceil(h)] - d[Math.floor(h)]);
    expect(p90).toBeLessThan(40);
    // Hosts of observer missions alone (India, Pakistan, Egypt, Israel) have no qualifying deployment.
    for (const c of [750, 770, 651, 666]) expect(at(c, 2005).un_duration_years, String(c)).toBe(0);
  });
});

describe("allocation errors", () => {
  const inputs: AllocationInputs = {
    options: { multiHost: "split", kosovo: "split-2008", locationWindow: 24 },
    crosswalkHosts: () => [530, 531],
    maps: new Map(),
    codes: { matchCountryName: () => null, isCowState: () => true },
  };

  it("splits a two-host mission in halves that conserve personnel", () => {
    const a = allocate(inputs, "UNMEE", 2002, 1, [531]);
    expect(a.basis).toBe("equal-split");
    expect(a.shares.map((s) => s.troops)).toEqual([0.5, 0.5]);
    expect(() => checkConserves(a, "UNMEE", 2002, 1)).not.toThrow();
  });

  it("a table that does not conserve personnel is an error naming the mission and the month", () => {
    const bad = { basis: "located" as const, shares: [{ ccode: 530, place: "Ethiopia", troops: 0.5, police: 1, observers: 1, other: 1 }] };
    expect(() => checkConserves(bad, "UNMEE", 2005, 3)).toThrow(PanelInvariantError);
    expect(() => checkConserves(bad, "UNMEE", 2005, 3)).toThrow(
      "allocation of UNMEE in 2005-03 does not conserve troops: host shares sum to 0.500000, expected 1 (basis located)",
    );
  });
});
