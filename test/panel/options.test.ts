import { describe, expect, it } from "vitest";
import { OptionError } from "../../src/core/errors.js";
import { buildPanel, panelColumnNames } from "../../src/panel/build.js";
import { DEFAULT_OPTIONS, parseYearRange, resolveOptions } from "../../src/panel/options.js";
import { panelOptionsFromFlags } from "../../src/cli/panel.js";

describe("panel options", () => {
  it("fills the documented defaults", () => {
    const o = resolveOptions();
    expect(o).toEqual({
      years: [1990, 2019],
      unSource: "ipi",
      multiHost: "located",
      locationWindow: 24,
      durationGap: 24,
      observerThreshold: 500,
      kosovo: "split-2008",
      htiNoMention: "zero",
      reportAlignment: "t-1",
      usTroops: "legacy",
      gdp: "fariss-maddison",
      columns: null,
    });
    expect(o).toEqual(DEFAULT_OPTIONS);
    expect(resolveOptions({ unSource: undefined }).unSource).toBe("ipi");
  });

  it("rejects an unknown source or value, naming the option and the choices", () => {
    expect(() => resolveOptions({ unSource: "acled" as never })).toThrow(OptionError);
    expect(() => resolveOptions({ unSource: "acled" as never })).toThrow('--un-source: expected one of ipi, kathman, got "acled"');
    expect(() => resolveOptions({ multiHost: "crosswalk" as never })).toThrow('--multi-host: expected one of located, split, hq, full, got "crosswalk"');
    expect(() => resolveOptions({ durationGap: 0 })).toThrow("--duration-gap: expected a whole number from 1 to 600, got 0");
    expect(() => resolveOptions({ observerThreshold: 2.5 })).toThrow("--observer-threshold: expected a whole number from 0 to 100000, got 2.5");
    expect(() => resolveOptions({ htiNoMention: "missing" as never })).toThrow(/^--hti-no-mention missing is refused: HTI says "No" for pdest once/);
    expect(() => resolveOptions({ usTroops: "both" as never })).toThrow(/--us-troops: expected one of legacy, rebuild/);
    expect(() => resolveOptions({ reportAlignment: "t+1" as never })).toThrow(/--report-alignment/);
  });

  it("rejects an unknown option", () => {
    expect(() => resolveOptions({ unsource: "ipi" } as never)).toThrow(/unknown panel option "unsource"; known options: years, unSource/);
  });

  it("rejects years outside the data or reversed", () => {
    expect(() => resolveOptions({ years: [1800, 2000] })).toThrow(/outside the state-system data \(1816-2025\)/);
    expect(() => resolveOptions({ years: [1990, 2030] })).toThrow(OptionError);
    expect(() => resolveOptions({ years: [2010, 2000] })).toThrow(/first year 2010 is after last year 2000/);
    expect(() => resolveOptions({ years: [1990.5, 2000] as never })).toThrow(/two whole years/);
  });

  it("rejects an unknown column before reading any file", () => {
    expect(() => buildPanel("/nonexistent", { columns: ["pdest", "pdset"] })).toThrow(/unknown panel column "pdset"; available: ccode, iso3/);
  });

  it("lists the contract columns", () => {
    const names = panelColumnNames();
    const contract = "ccode, iso3, country, year, un_troops, un_police, un_observers, un_total, un_peak, un_months, un_tcc, un_tcc_basis, un_missions, un_allocation, un_duration_years, nonun_total, pdest, destination, tip_tier, p3_total, us_troops, gdppc, pop, polity2, v2x_polyarchy, civil_conflict, civil_war, un_female_share";
    for (const c of contract.split(", ")) expect(names).toContain(c);
    expect(new Set(names).size).toBe(names.length);
  });

  it("parses CLI flags", () => {
    expect(parseYearRange("1995-2005")).toEqual([1995, 2005]);
    expect(parseYearRange("2001")).toEqual([2001, 2001]);
    expect(() => parseYearRange("90-95")).toThrow(/--years: expected a year or a range like 1990-2019, got "90-95"/);
    expect(panelOptionsFromFlags({ years: "2000-2010", unSource: "kathman", columns: "pdest, un_total", durationGap: "36" })).toEqual({
      years: [2000, 2010],
      unSource: "kathman",
      durationGap: 36,
      columns: ["pdest", "un_total"],
    });
    expect(() => panelOptionsFromFlags({ observerThreshold: "many" })).toThrow('--observer-threshold: expected a whole number, got "many"');
  });
});
