/**
 * Facts: a host's contributors as the dashboard shows them equal the rows of the raw IPI
 * contributor-by-sex file, read here with csv-parse (not the project's reader or placer).
 * Liberia (COW 450) hosts one mission, UNMIL, which serves nowhere else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { geopkoByHostYear, geopkoHostContributors } from "../../src/contributors/geopko-host-contributors.js";
import { contributorsByHostYear, hostContributors } from "../../src/contributors/host-contributors.js";
import { DEFAULT_OPTIONS, SourceLoader } from "../../src/panel/index.js";
import { hostContributorMonths } from "../../src/panel/steps/add-contributor-profile.js";
import { createApi } from "../../src/server/routes.js";
import { readGeopko } from "../../src/sources/geopko-locations.js";
import type { DashboardData } from "../../src/server/data.js";
import { DATA_DIR } from "../util/data.js";

type Raw = Record<string, string>;
const raw = parse(readFileSync(join(DATA_DIR, "pko/ipi_tcc_gender_2009-11_2014-02.csv"), "utf8"), { columns: true }) as Raw[];
/** Per contributor ISO-3: [all uniformed personnel, of whom women] in UNMIL in the months given (YYYY-MM prefixes). */
function unmil(months: readonly string[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const r of raw) {
    if (r.Mission !== "UNMIL" || !months.some((m) => r.Date.startsWith(m))) continue;
    const cur = out.get(r["Contributor ISO-3"]) ?? [0, 0];
    out.set(r["Contributor ISO-3"], [cur[0] + Number(r["Total Total"]), cur[1] + Number(r["Total Female"])]);
  }
  for (const [k, [p]] of out) if (p === 0) out.delete(k);
  return out;
}

describe("Liberia's contributors equal the raw IPI file's UNMIL rows", () => {
  const loader = new SourceLoader(DATA_DIR);

  it("one host-month (2012-06): the same contributors, personnel and women", () => {
    const want = unmil(["2012-06"]);
    expect(want.size).toBeGreaterThan(40);
    const got = hostContributorMonths({ options: DEFAULT_OPTIONS, sources: loader }).filter((m) => m.host === 450 && m.year === 2012 && m.month === 6);
    expect(new Set(got.map((m) => m.contributorIso3))).toEqual(new Set(want.keys()));
    for (const m of got) {
      const [p, f] = want.get(m.contributorIso3)!;
      expect(m.personnel, m.contributorIso3).toBeCloseTo(p, 9);
      expect(m.female, m.contributorIso3).toBeCloseTo(f, 9);
    }
  });

  it("the year the dashboard shows (2012, 12 months): each contributor's mean per month and women, and the totals", () => {
    const months = Array.from({ length: 12 }, (_, i) => `2012-${String(i + 1).padStart(2, "0")}`);
    const want = unmil(months);
    const year = hostContributors(loader).byHost(450).find((y) => y.year === 2012)!;
    expect(year.months).toBe(12);
    expect(year.contributors.map((c) => c.iso3).sort()).toEqual([...want.keys()].sort());
    for (const c of year.contributors) {
      const [p, f] = want.get(c.iso3)!;
      expect(c.personnel, c.iso3).toBeCloseTo(Math.round((p / 12) * 10) / 10, 9);
      expect(c.women, c.iso3).toBeCloseTo(Math.round((f / 12) * 10) / 10, 9);
    }
    const tp = [...want.values()].reduce((a, [p]) => a + p, 0) / 12;
    const tf = [...want.values()].reduce((a, [, f]) => a + f, 0) / 12;
    expect(year.personnel).toBeCloseTo(Math.round(tp * 10) / 10, 9);
    expect(year.women).toBeCloseTo(Math.round(tf * 10) / 10, 9);
    // The largest contributor that year, by name as the file writes it.
    const largest = [...want.entries()].sort((a, b) => b[1][0] - a[1][0])[0][0];
    expect(year.contributors[0].iso3).toBe(largest);
    expect(year.contributors[0].name).toBe(raw.find((r) => r["Contributor ISO-3"] === largest)!.Contributor);
  });

  it("2009 covers two months (November, December); the share of UNMIL placed in Sierra Leone that year is not Liberia's", () => {
    const want = unmil(["2009-11", "2009-12"]).get("PAK")![0];
    const year = hostContributors(loader).byHost(450).find((y) => y.year === 2009)!;
    expect(year.months).toBe(2);
    // Geo-PKO's 2009 map has an UNMIL location in Sierra Leone: the allocator gives it a share
    // of every UNMIL row (about 1.4%), so Liberia's figure is below the file's UNMIL rows, and
    // Liberia plus Sierra Leone equal them (Pakistan serves in no other mission there).
    const pak = hostContributorMonths({ options: DEFAULT_OPTIONS, sources: loader }).filter((m) => m.year === 2009 && m.contributorIso3 === "PAK" && (m.host === 450 || m.host === 451));
    const inLiberia = pak.filter((m) => m.host === 450).reduce((a, m) => a + m.personnel, 0);
    expect(inLiberia).toBeLessThan(want);
    expect(pak.reduce((a, m) => a + m.personnel, 0)).toBeCloseTo(want, 6);
    expect(year.contributors.find((c) => c.iso3 === "PAK")!.personnel).toBeCloseTo(Math.round((inLiberia / 2) * 10) / 10, 9);
  });
});

describe("contributorsByHostYear and the /api/country/ISO3/contributors route", () => {
  it("a contributor absent in a covered month counts 0 in that year's mean; years without rows are absent", () => {
    const months = [
      { host: 1, year: 2010, month: 1, contributorIso3: "AAA", contributor: 1, personnel: 12, female: 2 },
      { host: 1, year: 2010, month: 2, contributorIso3: "AAA", contributor: 1, personnel: 12, female: 2 },
      { host: 1, year: 2010, month: 2, contributorIso3: "BBB", contributor: 2, personnel: 6, female: 6 },
    ];
    const got = contributorsByHostYear(months, new Map([["AAA", "A-land"]]), new Map([[2010, 12], [2011, 12]])).get(1)!;
    expect(got).toEqual([{ year: 2010, months: 12, personnel: 2.5, women: 0.8, contributors: [{ iso3: "AAA", name: "A-land", personnel: 2, women: 0.3 }, { iso3: "BBB", name: "BBB", personnel: 0.5, women: 0.5 }] }]);
  });

  it("the route answers with the data's contributors, the panel years and the source; unknown country 404", async () => {
    const years = [{ year: 2010, months: 12, personnel: 5, women: 1, contributors: [{ iso3: "NPL", name: "Nepal", personnel: 5, women: 1 }] }];
    const source = { id: "ipi_tcc_gender", file: "f.csv", from: "2009-11", to: "2014-02", years: [2009, 2010], what: "w" };
    const data = {
      origin: "test", sources: [], panelOptions: {}, columns: [], years: [2000, 2015], isoNumeric: {},
      panel: async () => [{ iso3: "LBR", ccode: 450, country: "Liberia", year: 2010 }],
      missions: () => [],
      contributors: (iso3: string) => ({ source, years: iso3 === "LBR" ? years : [] }),
    } as unknown as DashboardData;
    const api = createApi(data, { name: "pkt", version: "t" });
    const body = JSON.parse((await api.handle("/api/country/LBR/contributors", "")).toString("utf8")) as Record<string, unknown>;
    expect(body).toEqual({ iso3: "LBR", country: "Liberia", panelYears: [2000, 2015], source, years, geopko: null });
    await expect(api.handle("/api/country/XXX/contributors", "")).rejects.toThrow();
  });

  it("the route passes Geo-PKO's unknown troops on as null with their location counts, not as 0", async () => {
    const geoSource = { id: "geopko_locations", file: "g.csv", years: [1994, 2020], what: "w" };
    const geoYears = [{ year: 2010, missions: ["MINURSO"], maps: 1, troops: null, unknownAt: 4, contributors: [{ name: "Malaysia", troops: null, unknownAt: 3 }, { name: "Bangladesh", troops: null, unknownAt: 1 }] }];
    const data = {
      origin: "test", sources: [], panelOptions: {}, columns: [], years: [2000, 2015], isoNumeric: {},
      panel: async () => [{ iso3: "MAR", ccode: 600, country: "Morocco", year: 2010 }],
      missions: () => [],
      geopkoContributors: () => ({ source: geoSource, years: geoYears }),
    } as unknown as DashboardData;
    const body = JSON.parse((await createApi(data, { name: "pkt", version: "t" }).handle("/api/country/MAR/contributors", "")).toString("utf8")) as { geopko: unknown };
    expect(body.geopko).toEqual({ source: geoSource, years: geoYears });
  });
});

describe("geopkoByHostYear: Geo-PKO's contributors per host-year", () => {
  const loc = (map: string, month: number, country: number[], contributors: { name: string | null; troops: number | null }[]) =>
    ({ map, mission: "UNX", year: 2005, month, location: "L", country: "C", countryCow: country, latitude: null, longitude: null, troops: null, contributorCount: contributors.length, contributors: contributors.map((c) => ({ ...c, cow: null })), hq: 0, police: false, observers: false, line: 1 });

  it("averages a mission-year's maps and splits border locations equally", () => {
    const rows = [
      loc("m1", 3, [500], [{ name: "Nepal", troops: 800 }, { name: "Ghana", troops: 100 }]),
      loc("m2", 9, [500], [{ name: "Nepal", troops: 600 }]),
      loc("m2", 9, [500, 501], [{ name: null, troops: 200 }]),
    ];
    const got = geopkoByHostYear(rows);
    expect(got.get(500)).toEqual([{ year: 2005, missions: ["UNX"], maps: 2, troops: 800, unknownAt: 0, contributors: [{ name: "Nepal", troops: 700, unknownAt: 0 }, { name: "Ghana", troops: 50, unknownAt: 0 }, { name: "unknown", troops: 50, unknownAt: 0 }] }]);
    expect(got.get(501)![0].troops).toBe(50);
  });

  it("a count the map does not give is unknown, not 0: known counts summed, unknown locations counted", () => {
    const rows = [
      loc("m1", 3, [500], [{ name: "Nepal", troops: 800 }, { name: "Ghana", troops: null }]),
      loc("m1", 3, [500], [{ name: "Ghana", troops: 150 }, { name: "Nepal", troops: null }, { name: "Nepal", troops: 50 }]),
      loc("m1", 3, [500], [{ name: "Ghana", troops: null }, { name: null, troops: null }]),
    ];
    const [y] = geopkoByHostYear(rows).get(500)!;
    expect(y.contributors).toEqual([
      { name: "Nepal", troops: 850, unknownAt: 1 },
      { name: "Ghana", troops: 150, unknownAt: 2 },
      { name: "unknown", troops: null, unknownAt: 1 },
    ]);
    // Known counts only, a lower bound; all three locations have an unknown count.
    expect(y.troops).toBe(1000);
    expect(y.unknownAt).toBe(3);
  });

  it("a contributor or host-year whose every count is unknown has troops null, not 0", () => {
    const rows = [
      loc("m1", 3, [600], [{ name: "Ghana", troops: null }, { name: "Egypt", troops: null }]),
      loc("m1", 3, [600], [{ name: "Ghana", troops: null }]),
      // A map of the same year with no contributor listed (observers only) adds no unknown.
      loc("m1", 3, [600], []),
    ];
    const [y] = geopkoByHostYear(rows).get(600)!;
    expect(y.troops).toBeNull();
    expect(y.unknownAt).toBe(2);
    expect(y.contributors).toEqual([{ name: "Egypt", troops: null, unknownAt: 1 }, { name: "Ghana", troops: null, unknownAt: 2 }]);
    // Where no contributor is listed at all, 0 troops drawn is what the maps say.
    expect(geopkoByHostYear([loc("m1", 3, [601], [])]).get(601)![0]).toMatchObject({ troops: 0, unknownAt: 0 });
  });

  it("the real maps: every contributor entry without a troop number is counted in its host-year", () => {
    // Read with csv-parse, not the project's reader: entries `nameoftcc_k` given, `notroopspertcc_k` unknown/NA/empty.
    const geo = parse(readFileSync(join(DATA_DIR, "pko/geopko_raw.csv"), "utf8"), { columns: true }) as Raw[];
    const want = new Map<string, number>();
    for (const r of geo) {
      for (let k = 1; k <= 17; k++) {
        const name = r[`nameoftcc_${k}`].trim();
        if (name === "" || name === "NA") continue;
        if (!["", "NA", "unknown", "Unknown"].includes(r[`notroopspertcc_${k}`].trim())) continue;
        for (const host of r.cow_code.split(",")) want.set(`${host}|${r.year}`, (want.get(`${host}|${r.year}`) ?? 0) + 1);
      }
    }
    const byHost = geopkoByHostYear(readGeopko(DATA_DIR));
    const got = new Map<string, number>();
    for (const [host, years] of byHost) {
      for (const y of years) {
        const n = y.contributors.reduce((s, c) => s + c.unknownAt, 0);
        if (n > 0) got.set(`${host}|${y.year}`, n);
        // A year with an unknown count never reports a contributor's troops as 0 for it.
        for (const c of y.contributors) if (c.troops === 0) expect(c.unknownAt).toBe(0);
      }
    }
    expect(got).toEqual(want);
    expect(want.size).toBe(144);
    expect([...want.values()].reduce((s, n) => s + n, 0)).toBe(1598);
    // MINURSO (Western Sahara, COW 600): the maps name contributors but give no troop numbers.
    const wsh = byHost.get(600)!.find((y) => y.year === 2010)!;
    expect(wsh.troops).toBeNull();
    expect(wsh.unknownAt).toBe(want.get("600|2010"));
  });

  it("Liberia on the real maps: UNMIL years 2003-2018, Pakistan named", () => {
    const years = geopkoHostContributors(new SourceLoader(DATA_DIR)).byHost(450);
    const unmil = years.filter((y) => y.missions.includes("UNMIL"));
    expect(unmil[0].year).toBe(2003);
    expect(unmil[unmil.length - 1].year).toBe(2018);
    expect(unmil.find((y) => y.year === 2010)!.contributors.map((c) => c.name)).toContain("Pakistan");
  });
});
