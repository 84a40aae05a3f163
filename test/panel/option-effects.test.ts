import { beforeAll, describe, expect, it } from "vitest";
import { buildPanelFrom } from "../../src/panel/build.js";
import type { PanelOptions } from "../../src/panel/options.js";
import { toRows, type PanelRow } from "../../src/panel/panel.js";
import { SourceLoader } from "../../src/panel/pipeline.js";
import { DATA_DIR } from "../util/data.js";

// Each option changes what it should, and only that. Builds share one loader (files read once).
let loader: SourceLoader;
let base: PanelRow[];
const build = (o: PanelOptions): PanelRow[] => toRows(buildPanelFrom(loader, o));
const at = (rows: PanelRow[], ccode: number, year: number): PanelRow => rows.find((r) => r.ccode === ccode && r.year === year)!;
const col = (rows: PanelRow[], name: string) => rows.map((r) => r[name]);

beforeAll(() => {
  loader = new SourceLoader(DATA_DIR);
  base = build({});
});

describe("panel options change what they should", () => {
  it("unSource = kathman: no contributor counts, coverage to 2019", () => {
    const k = build({ unSource: "kathman" });
    expect(k.every((r) => r.un_tcc === null && r.un_tcc_basis === null && r.un_tcc_sum === null)).toBe(true);
    expect(at(base, 41, 2018).un_total).toBeNull();
    expect(at(k, 41, 2018).un_any).toBe(1);
    expect(at(k, 451, 2001).un_peak).toBe(at(base, 451, 2001).un_peak);
    expect(at(k, 451, 2001).un_source).toBe("kathman");
    expect(col(k, "pdest")).toEqual(col(base, "pdest"));
  });

  it("multiHost = hq: UNMEE only in Eritrea, not Ethiopia", () => {
    const h = build({ multiHost: "hq" });
    expect(at(base, 530, 2002).un_any).toBe(1);
    expect(at(h, 530, 2002).un_any).toBe(0);
    expect(at(h, 531, 2002).un_any).toBe(1);
    const un = (r: PanelRow) => [r.un_total, r.un_tcc, r.un_duration_years];
    expect(un(at(h, 451, 2001))).toEqual(un(at(base, 451, 2001)));
    expect(at(h, 451, 2001).un_allocation).toBe("hq");
  });

  it("multiHost = split divides a multi-host mission's personnel equally; full counts it in every host", () => {
    const s = build({ multiHost: "split" });
    const f = build({ multiHost: "full" });
    // UNMEE 2002: located puts it in Eritrea by its area of operations, except for months within 24 of its first map.
    expect(at(base, 530, 2002).un_total as number).toBeLessThan(0.01 * (at(s, 530, 2002).un_total as number));
    expect(at(s, 530, 2002).un_total as number).toBeCloseTo((at(f, 530, 2002).un_total as number) / 2, 9);
    expect(at(s, 530, 2002).un_tcc).toBe(at(f, 530, 2002).un_tcc);
    expect(at(s, 451, 2001).un_total).toBe(at(base, 451, 2001).un_total);
    const total = (rows: PanelRow[]) => rows.reduce((a, r) => a + ((r.un_total as number | null) ?? 0), 0);
    // Both conserve personnel; they differ only in what falls in territories that are not states (Western Sahara).
    expect(Math.abs(total(s) - total(base)) / total(base)).toBeLessThan(0.01);
    expect(total(f)).toBeGreaterThan(total(base) * 1.05);
  });

  it("kosovo = serbia / kosovo moves UNMIK (and KFOR)", () => {
    const s = build({ kosovo: "serbia" });
    expect(at(s, 345, 2008).un_any).toBe(1);
    expect(at(s, 347, 2008).un_any).toBe(0);
    expect(at(s, 345, 2009).nonun_nato as number).toBeGreaterThan(1000);
    const k = build({ kosovo: "kosovo" });
    expect(at(k, 345, 2001).un_police as number).toBeLessThan(at(base, 345, 2001).un_police as number);
  });

  it("htiNoMention = missing is refused with the reason", () => {
    expect(() => build({ htiNoMention: "missing" as never })).toThrow(/--hti-no-mention missing is refused: .*1,100/);
  });

  it("reportAlignment = t-1 moves report year t to calendar year t-1", () => {
    const a = build({ reportAlignment: "t-1" });
    expect(at(a, 346, 2000).pdest).toBe(1);
    expect(at(a, 346, 2011).pdest).toBeNull();
    expect(at(a, 41, 2002).pdest).toBe(at(base, 41, 2003).pdest);
    expect(at(a, 347, 2008).pdest).toBe(1);
    expect(at(a, 2, 2004).tip_tier).toBe(at(base, 2, 2005).tip_tier);
    expect(col(a, "p3_total")).toEqual(col(base, "p3_total"));
  });

  it("usTroops = rebuild uses the quarterly series (yearly max), Kosovo folded into 345 before 2008", () => {
    const r = build({ usTroops: "rebuild" });
    expect(at(r, 255, 2000).us_troops).toBe(69203);
    expect(at(r, 255, 2000).us_troops_source).toBe("rebuild");
    expect(at(r, 260, 1990).us_troops).not.toBeNull();
    const differ = r.filter((x, i) => x.us_troops !== base[i].us_troops).length;
    expect(differ).toBeGreaterThan(100);
  });

  it("gdp: Maddison continues Fariss after 2019; fariss alone stops; maddison alone replaces it", () => {
    const years: [number, number] = [2015, 2022];
    const fm = build({ years });
    const f = build({ years, gdp: "fariss" });
    const m = build({ years, gdp: "maddison" });
    expect(at(f, 2, 2021).gdppc).toBeNull();
    expect(at(fm, 2, 2021).gdppc_source).toBe("maddison");
    expect(at(fm, 2, 2021).gdppc as number).toBeGreaterThan(at(fm, 2, 2019).gdppc as number * 0.9);
    expect(at(fm, 2, 2019)).toMatchObject({ gdppc: at(f, 2, 2019).gdppc, gdppc_source: "fariss" });
    expect(m.filter((x) => x.gdppc_source === "fariss")).toEqual([]);
    expect(at(m, 2, 2019).pop as number).toBeGreaterThan(300);
  });

  it("years and columns select rows and columns", () => {
    const y = build({ years: [2000, 2001], columns: ["pdest", "un_total"] });
    expect(new Set(y.map((r) => r.year))).toEqual(new Set([2000, 2001]));
    expect(Object.keys(y[0])).toEqual(["ccode", "iso3", "country", "year", "un_total", "pdest"]);
    expect(y.length).toBe(base.filter((r) => r.year === 2000 || r.year === 2001).length);
  });
});
