import { beforeAll, describe, expect, it } from "vitest";
import { buildPanelFrom, PANEL_STEPS } from "../../src/panel/build.js";
import { createCountryYears } from "../../src/panel/create-country-years.js";
import { toRows, type Panel, type PanelRow } from "../../src/panel/panel.js";
import { applyStep, SourceLoader } from "../../src/panel/pipeline.js";
import { findDuplicates } from "../../src/panel/validate.js";
import { DATA_DIR } from "../util/data.js";

// Facts from the data README ("Facts to check a build against") and the raw files.
let loader: SourceLoader;
let panel: Panel;
let rows: PanelRow[];
/** The panel with report year t on calendar year t, for facts stated in TIP report years. */
let rowsT: PanelRow[];
const find = (rs: PanelRow[], ccode: number, year: number): PanelRow => {
  const r = rs.find((x) => x.ccode === ccode && x.year === year);
  if (r === undefined) throw new Error(`no row (${ccode}, ${year})`);
  return r;
};
const at = (ccode: number, year: number): PanelRow => find(rows, ccode, year);
const atT = (ccode: number, year: number): PanelRow => find(rowsT, ccode, year);

beforeAll(() => {
  loader = new SourceLoader(DATA_DIR);
  panel = buildPanelFrom(loader);
  rows = toRows(panel);
  rowsT = toRows(buildPanelFrom(loader, { reportAlignment: "t" }));
});

describe("default panel: shape and invariants", () => {
  it("has one row per COW state-year 1990-2019 and no duplicate key", () => {
    expect(panel.nrows).toBe(5707);
    expect(findDuplicates(panel)).toEqual([]);
    expect(panel.meta).toMatchObject({ unit: "country-year", system: "cow", years: [1990, 2019] });
    expect(at(260, 1990).iso3).toBe("DEU");
    expect(at(347, 2008).iso3).toBe("XKX");
    expect(rows.some((r) => r.ccode === 347 && r.year === 2007)).toBe(false);
  });

  it("keeps the row count and keys through every step on its own", () => {
    const base = createCountryYears(loader);
    for (const s of PANEL_STEPS) {
      const p = applyStep(base, s, loader);
      expect(p.nrows).toBe(base.nrows);
      expect(findDuplicates(p)).toEqual([]);
      expect(p.columns.get("ccode")!.values).toEqual(base.columns.get("ccode")!.values);
    }
  });

  it("codes binary columns 0/1 with null for missing", () => {
    for (const [name, c] of panel.columns) {
      if (c.doc.type !== "binary") continue;
      expect(c.values.filter((v) => !(v === null || v === 0 || v === 1)), name).toEqual([]);
    }
  });
});

describe("internal consistency", () => {
  it("holds on every row", () => {
    const bad: string[] = [];
    for (const r of rows) {
      const k = `${r.ccode}:${r.year}`;
      const n = (c: string) => r[c] as number | null;
      if (n("un_months") !== null && (n("un_months")! < 0 || n("un_months")! > 12)) bad.push(`${k} un_months`);
      if (n("un_total") !== null && n("un_total")! > n("un_peak")! + 1e-9) bad.push(`${k} un_total > un_peak`);
      if (n("un_any") !== null && (n("un_any") === 1) !== (n("un_months")! > 0)) bad.push(`${k} un_any`);
      if (n("un_total") !== null && Math.abs(n("un_total")! - n("un_troops")! - n("un_police")! - n("un_observers")!) > 1e-6) bad.push(`${k} un parts`);
      if (n("un_total") !== null && (n("un_duration_months") !== null) !== (n("un_any") === 1)) bad.push(`${k} duration without personnel`);
      if (n("un_duration_years") !== null && n("un_duration_years")! * 12 > n("un_duration_months")! + 11) bad.push(`${k} duration units`);
      if ((n("un_duration_main_years") !== null) !== (n("un_duration_years") !== null)) bad.push(`${k} main duration without personnel`);
      if (n("un_duration_main_years") !== null && (n("un_duration_main_years")! < 0 || n("un_duration_main_months")! < 0)) bad.push(`${k} main duration < 0`);
      // Months 0 only for years with nothing but small observer missions (no qualifying deployment).
      if (n("un_duration_months") === 0 && (n("un_duration_years") !== 0 || n("un_duration_main_months") !== 0)) bad.push(`${k} observer-only duration`);
      if (n("un_duration_any_years") !== null && n("un_duration_years") !== null && n("un_duration_any_years")! < 0) bad.push(`${k} any duration < 0`);
      // With one mission, its run lies inside the host's (with several, the host's run may restart after the main mission left).
      if (n("un_missions") === 1 && n("un_duration_main_months")! > n("un_duration_months")!) bad.push(`${k} main months > host months`);
      if (n("un_duration_main_years") !== null && n("un_duration_main_years")! * 12 > n("un_duration_main_months")! + 11) bad.push(`${k} main duration units`);
      if (n("un_female_share") !== null && (n("un_female_share")! < 0 || n("un_female_share")! > 1)) bad.push(`${k} share`);
      if (n("pdest") !== null && n("hti_in_report") !== 1) bad.push(`${k} pdest without HTI row`);
      const parts = ["nonun_nato", "nonun_eu", "nonun_regional", "nonun_single_state"].reduce((a, c) => a + (n(c) ?? 0), 0);
      if (n("nonun_total") !== null && Math.abs(parts - n("nonun_total")!) > 1e-6) bad.push(`${k} nonun parts`);
      if (n("civil_war") === 1 && n("civil_conflict") !== 1) bad.push(`${k} war without conflict`);
      if (n("civil_conflict") === 1 && n("years_since_civil_conflict") !== 0) bad.push(`${k} years since`);
    }
    expect(bad).toEqual([]);
  });
});

describe("UN peacekeeping facts", () => {
  it("UNAMSIL, Sierra Leone 2001: 37 contributors, peak month 17,105 troops (2001-12, 17,420 uniformed)", () => {
    const r = at(451, 2001);
    expect(r.un_tcc).toBe(37);
    expect(r.un_peak).toBe(17105 + 54 + 261);
    expect(r.un_months).toBe(12);
    expect(r.un_missions).toBe(1);
    expect(r.un_tcc_basis).toBe("single-mission");
    expect(r.un_allocation).toBe("located");
    expect(at(451, 2002).un_peak as number).toBeGreaterThanOrEqual(17126);
  });

  it("MINUSTAH, Haiti: starts 2004-05, so 8 months in 2004, 41 contributors, a new deployment", () => {
    const r = at(41, 2004);
    expect(r.un_months).toBe(8);
    expect(r.un_tcc).toBe(41);
    expect(r.un_duration_years).toBe(0);
    expect(r.un_duration_months).toBe(8);
    expect(r.un_peak as number).toBeGreaterThanOrEqual(6008 + 1398);
    expect(at(41, 2003).un_any).toBe(0);
    expect(at(41, 2003).un_duration_years).toBeNull();
    expect(at(41, 2005).un_duration_years).toBe(1);
  });

  it("UNMIK is in Serbia (345) in 1999, mostly police, and in Kosovo (347) from 2008", () => {
    const r = at(345, 1999);
    expect(r.un_any).toBe(1);
    expect(r.un_police as number).toBeGreaterThan(r.un_troops as number);
    expect(at(347, 2008).un_any).toBe(1);
    expect(at(347, 2008).un_months).toBe(12);
  });

  it("dates deployments under way in 1990 from the mission's start (UNFICYP, Cyprus, 1964)", () => {
    expect(at(352, 1990).un_duration_years).toBe(1990 - 1964);
    expect(at(352, 2000).un_duration_years).toBe(2000 - 1964);
  });

  it("times the largest mission line from its start: UNIFIL 1978 in Lebanon, UNFICYP 1964, MINUSTAH 2004, UNOMSIL 1998", () => {
    // Lebanon also hosts UNTSO observers (since 1948): they date only the any-mission rule.
    expect(at(660, 2008)).toMatchObject({ un_duration_main_years: 2008 - 1978, un_duration_years: 2008 - 1978, un_duration_any_years: 2008 - 1948 });
    expect(at(352, 1990).un_duration_main_years).toBe(1990 - 1964);
    expect(at(352, 2008).un_duration_main_years).toBe(2008 - 1964);
    expect(at(41, 2004)).toMatchObject({ un_duration_main_years: 0, un_duration_main_months: 8 });
    expect(at(41, 2008).un_duration_main_years).toBe(2008 - 2004);
    // UNAMSIL (1999-10) replaced UNOMSIL (1998-07): one line, so both durations date from 1998.
    expect(at(451, 2001)).toMatchObject({ un_duration_main_years: 2001 - 1998, un_duration_years: 2001 - 1998, un_main_lineage: "UNOMSIL" });
    expect(at(41, 2003).un_duration_main_years).toBeNull();
    expect(at(451, 2018).un_duration_main_years).toBeNull();
    // Haiti 2000: MIPONUH left in March and MICAH followed in May: the two-month gap is bridged, so the 1990s line
    // (IPI's first Haiti month is UNMIH's 1994-09) runs on; the any-mission rule restarts after the gap.
    expect(at(41, 2000)).toMatchObject({ un_duration_main_years: 2000 - 1994, un_duration_years: 2000 - 1994, un_duration_any_years: 0, un_main_lineage: "UNMIH" });
  });

  it("leaves UN columns missing where IPI has no data (2018-2019)", () => {
    expect(at(451, 2018).un_total).toBeNull();
    expect(at(451, 2018).un_any).toBeNull();
    expect(at(20, 2010).un_total).toBe(0);
  });
});

describe("trafficking facts (report year t -> calendar year t)", () => {
  it("Bosnia (346) is a destination for forced prostitution 2001-2011", () => {
    for (let y = 2001; y <= 2011; y++) expect(atT(346, y).pdest).toBe(1);
  });
  it("Serbia and Montenegro / Serbia (345) 2001-2011 and Kosovo (347) 2008-2011", () => {
    for (let y = 2001; y <= 2011; y++) expect(atT(345, y).pdest).toBe(1);
    for (let y = 2008; y <= 2011; y++) expect(atT(347, y).pdest).toBe(1);
  });
  it("Haiti from 2003, Sierra Leone from 2004", () => {
    expect(atT(41, 2003).pdest).toBe(1);
    expect(atT(451, 2004).pdest).toBe(1);
  });
  it("South Korea (HTI code 730) is read as COW 732", () => {
    for (let y = 2001; y <= 2011; y++) expect(atT(732, y).hti_in_report).toBe(1);
  });
  it("Nepal (790) never", () => {
    for (let y = 2001; y <= 2011; y++) {
      const v = atT(790, y).pdest;
      expect(v === 0 || v === null).toBe(true);
    }
    expect(rowsT.filter((r) => r.ccode === 790 && r.pdest === 0).length).toBeGreaterThan(5);
  });
  it("is missing outside the HTI years and for countries without an HTI row", () => {
    expect(atT(346, 2000).pdest).toBeNull();
    expect(atT(346, 2012).pdest).toBeNull();
    const missingInReportYears = rowsT.filter((r) => (r.year as number) >= 2001 && (r.year as number) <= 2011 && r.hti_in_report === 0);
    expect(missingInReportYears.length).toBeGreaterThan(0);
    for (const r of missingInReportYears) expect(r.pdest).toBeNull();
  });
});

describe("US troops facts (legacy series)", () => {
  it("matches the README", () => {
    expect(at(255, 2000).us_troops).toBe(69203);
    expect(at(740, 2000).us_troops).toBe(40159);
    expect(at(732, 2000).us_troops).toBe(36565);
    expect(at(345, 1999).us_troops).toBe(6410);
    expect(at(345, 2000).us_troops).toBe(5427);
  });
});

describe("controls and other sources", () => {
  it("joins GDP, population, regime and conflict", () => {
    const r = at(2, 2000);
    expect(r.gdppc as number).toBeGreaterThan(30000);
    expect(r.pop as number).toBeGreaterThan(250);
    expect(r.polity2).toBe(10);
    expect(at(20, 2019).polity2).toBeNull();
    expect(at(451, 1995).civil_conflict).toBe(1);
    expect(at(451, 2001).years_since_civil_conflict).toBe(0);
    expect(at(20, 2000).civil_conflict).toBe(0);
  });
  it("separates NATO from EU operations in Bosnia and Kosovo", () => {
    expect(at(346, 2001).nonun_nato as number).toBeGreaterThan(10000);
    expect(at(346, 2001).nonun_nato as number).toBeLessThan(25000);
    expect(at(346, 2006).nonun_eu as number).toBeGreaterThan(1000);
    expect(at(347, 2009).nonun_nato as number).toBeGreaterThan(1000);
    expect(at(345, 2009).nonun_nato).toBe(0);
    expect(at(346, 2017).nonun_total).toBeNull();
  });
  it("gives a female share of UN personnel 2009-2014 only", () => {
    const s = at(41, 2012).un_female_share as number;
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(0.2);
    expect(at(41, 2008).un_female_share).toBeNull();
    expect(at(41, 2015).un_female_share).toBeNull();
    expect(at(20, 2012).un_female_share).toBeNull();
  });
  it("reports what it left out", () => {
    // Membership is checked on each month's last day: UNPROFOR's Macedonia command before Macedonia's
    // COW entry (1993-04-08), UNTAET and UNMISET in East Timor before its entry (2002-09-27).
    expect(panel.meta.warnings).toContain(
      "addUnPeacekeeping: UN personnel serving where no COW state existed that month are left out of every host: UNTAET (no host) (UNTAET: 245,206 person-months); Western Sahara (MINURSO: 74,461 person-months); Timor-Leste (UNMISET: 23,108 person-months); North Macedonia (UNPROFOR: 10,933 person-months); UNAMET (no host) (UNAMET: 662 person-months)",
    );
    expect(panel.meta.warnings.some((w) => w.startsWith("addUsTroops: ") && w.includes("1002"))).toBe(true);
    // Under report year t -> calendar year t-1, Kosovo's first report (2008) would sit on 2007, before Kosovo is a state.
    expect(panel.meta.warnings).toContain(
      "addTrafficking: 1 rows of trafficking/HTI.csv have no country-year in the panel (after report-year alignment), by code and name: 347 Kosovo (1)",
    );
  });
  it("records the sources read", () => {
    expect(panel.meta.sources).toEqual(expect.arrayContaining(["hti", "ipi_mission_month", "us_troops_legacy", "tip_tiers", "ucdp_acd"]));
    expect(panel.meta.sources).not.toContain("us_troops_rebuild");
  });
});
