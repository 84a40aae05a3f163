import { describe, expect, it } from "vitest";
import { OptionError } from "../../src/core/errors.js";
import { prepareRows } from "../../src/study/data.js";
import { panelOptionsFor } from "../../src/study/engine.js";
import { DEFAULT_OPTIONS, resolveOptions } from "../../src/study/options.js";
import { formulaOf, studyModels } from "../../src/study/spec.js";

describe("study options and specs", () => {
  it("defaults give the four models as formulas", () => {
    expect(studyModels(DEFAULT_OPTIONS).map(formulaOf)).toEqual([
      "pdest ~ log1p(un_total) + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend",
      "pdest ~ log1p(un_total) + un_duration + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend + log1p(un_total):un_duration",
      "pdest ~ log1p(un_total) + un_tcc + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend + log1p(un_total):un_tcc",
      "pdest ~ log1p(us_troops_foreign) + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend",
    ]);
    for (const m of studyModels(DEFAULT_OPTIONS)) {
      expect(m.estimator).toBe("logit");
      expect(m.vcov).toEqual({ type: "cluster", by: ["ccode"] });
    }
  });

  it("each option changes what it says", () => {
    const o = resolveOptions({ outcome: "destination", size: "un_peak", democracy: "v2x_polyarchy", trend: false, tier: true });
    expect(formulaOf(studyModels(o)[0])).toBe("destination ~ log1p(un_peak) + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + tip_tier_lag");
  });

  it("duration = main-lineage moderates M2 by the largest mission line's duration; presence-log by log(1 + years)", () => {
    expect(DEFAULT_OPTIONS.duration).toBe("presence");
    expect(formulaOf(studyModels(resolveOptions({ duration: "presence-log" }))[1])).toBe(
      "pdest ~ log1p(un_total) + log1p(un_duration) + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend + log1p(un_total):log1p(un_duration)",
    );
    expect(formulaOf(studyModels(resolveOptions({ duration: "any-mission" }))[1])).toContain("log1p(un_total):un_duration_any");
    expect(formulaOf(studyModels(resolveOptions({ duration: "main-lineage" }))[1])).toBe(
      "pdest ~ log1p(un_total) + un_duration_main + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend + log1p(un_total):un_duration_main",
    );
    expect(() => resolveOptions({ duration: "mission" })).toThrow(/--duration: expected one of presence, presence-log, main-lineage, any-mission, got "mission"/);
  });

  it("fills both durations with 0 where no UN personnel are present, and keeps them missing where only the duration is", () => {
    const base = { ccode: 100, year: 2005, pdest: 1 };
    const rows = prepareRows(
      [
        { ...base, un_total: 0, un_duration_years: null, un_duration_main_years: null },
        { ...base, ccode: 101, un_total: 500, un_duration_years: 60, un_duration_main_years: 30 },
        { ...base, ccode: 102, un_total: null, un_duration_years: null, un_duration_main_years: null },
      ],
      DEFAULT_OPTIONS,
    );
    expect(rows.map((r) => [r.un_duration, r.un_duration_main])).toEqual([[0, 0], [60, 30], [null, null]]);
  });

  it("year effects replace the trend with report-year dummies", () => {
    expect(formulaOf(studyModels(resolveOptions({ yearEffects: true }))[0])).toBe(
      "pdest ~ log1p(un_total) + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + factor(report_year)",
    );
  });

  it("maps onto the panel's options", () => {
    expect(panelOptionsFor(DEFAULT_OPTIONS)).toEqual({ years: [1999, 2011], unSource: "ipi", reportAlignment: "t-1", multiHost: "located", kosovo: "split-2008", usTroops: "legacy" });
    expect(panelOptionsFor(resolveOptions({ reportAlignment: "t", unSource: "kathman", multiHost: "split" }))).toMatchObject({
      unSource: "kathman",
      reportAlignment: "t",
      multiHost: "split",
    });
  });

  it("bad options are errors naming the option and the choices", () => {
    expect(() => resolveOptions({ unSource: "sipri" })).toThrow(OptionError);
    expect(() => resolveOptions({ unSource: "sipri" })).toThrow(/^--un-source: expected one of ipi, kathman, got "sipri"$/);
    expect(() => resolveOptions({ duration: "host" })).toThrow(/^--duration: expected one of presence, presence-log, main-lineage, any-mission, got "host"$/);
    expect(() => resolveOptions({ colour: "red" } as never)).toThrow(/unknown study option "colour"/);
    expect(() => resolveOptions({ yearFrom: 1995 })).toThrow(/2001-2011/);
    expect(() => resolveOptions({ yearFrom: 2009, yearTo: 2005 })).toThrow(/after/);
  });
});
