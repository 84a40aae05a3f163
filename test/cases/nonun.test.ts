import { beforeAll, describe, expect, it } from "vitest";
import { loadCaseData } from "../../src/cases/data.js";
import { nonUnModels, nonUnRows, withNonUnDuration, type NonUnModel } from "../../src/cases/nonun.js";
import type { PanelRow } from "../../src/panel/panel.js";
import { fit } from "../../src/stats/index.js";
import { resolveOptions } from "../../src/study/options.js";
import { DATA_DIR } from "../util/data.js";

let rows: PanelRow[];
let models: NonUnModel[];
let vdem: NonUnModel[];

beforeAll(() => {
  rows = nonUnRows(loadCaseData(DATA_DIR).rows);
  // Polity2 as the R reference and the paper; V-Dem is the study's default (it covers Serbia, Bosnia and Kosovo).
  models = nonUnModels(rows, resolveOptions({ democracy: "polity2" }));
  vdem = nonUnModels(rows);
});

const complete = (cols: readonly string[], positive: readonly string[]) => (r: PanelRow) =>
  cols.every((c) => typeof r[c] === "number" && Number.isFinite(r[c])) && positive.every((c) => (r[c] as number) > 0);

describe("non-UN size models", () => {
  it("uses TIP report years 2001-2011 (calendar 2000-2010) and the study's controls", () => {
    const years = new Set(rows.map((r) => r.year));
    expect(Math.min(...(years as Set<number>))).toBe(2000);
    expect(Math.max(...(years as Set<number>))).toBe(2010);
    expect(models.find((m) => m.id === "nato")!.formula).toBe("pdest ~ log1p(nonun_nato) + log(gdppc) + log(pop) + polity2 + civil_conflict + trend");
  });

  it.each(["un", "nonun", "nato", "eu", "regional", "single_state"])("%s: equals fit() run directly on the same complete rows", (id) => {
    const col = { un: "un_total", nonun: "nonun_total", nato: "nonun_nato", eu: "nonun_eu", regional: "nonun_regional", single_state: "nonun_single_state" }[id]!;
    const sample = rows.filter(complete(["pdest", col, "gdppc", "pop", "polity2", "civil_conflict", "trend"], ["gdppc", "pop"]));
    const direct = fit(`pdest ~ log1p(${col}) + log(gdppc) + log(pop) + polity2 + civil_conflict + trend`, sample, { model: "logit", vcov: { type: "cluster", by: ["ccode"] } });
    const m = models.find((x) => x.id === id)!;
    expect(m.nobs).toBe(sample.length);
    expect(m.results.coef.length).toBe(direct.coef.length);
    m.results.coef.forEach((b, i) => expect(b).toBeCloseTo(direct.coef[i], 10));
    m.results.tidy.forEach((t, i) => expect(t.std_error).toBeCloseTo(direct.tidy[i].std_error, 10));
    expect(m.key!.estimate).toBe(direct.tidy[1].estimate);
  });

  it("the interaction model and the V-Dem variant equal fit() too", () => {
    const cols = ["pdest", "nonun_total", "nonun_duration", "gdppc", "pop", "polity2", "civil_conflict", "trend"];
    const sample = rows.filter(complete(cols, ["gdppc", "pop"]));
    const f = "pdest ~ log1p(nonun_total) + nonun_duration + log(gdppc) + log(pop) + polity2 + civil_conflict + trend + log1p(nonun_total):nonun_duration";
    const direct = fit(f, sample, { model: "logit", vcov: { type: "cluster", by: ["ccode"] } });
    const m = models.find((x) => x.id === "nonun-x-duration")!;
    expect(m.formula).toBe(f);
    expect(m.interaction!.estimate).toBeCloseTo(direct.tidy.find((t) => t.term === "log1p(nonun_total):nonun_duration")!.estimate, 10);
    const vs = rows.filter(complete(["pdest", "nonun_nato", "gdppc", "pop", "v2x_polyarchy", "civil_conflict", "trend"], ["gdppc", "pop"]));
    const dv = fit("pdest ~ log1p(nonun_nato) + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend", vs, { model: "logit", vcov: { type: "cluster", by: ["ccode"] } });
    expect(vdem.find((x) => x.id === "nato")!.key!.estimate).toBeCloseTo(dv.tidy[1].estimate, 10);
  });

  it("counts exposed host-years and countries", () => {
    const nato = models.find((m) => m.id === "nato")!;
    expect(nato.exposedCountries).toBeLessThan(vdem.find((m) => m.id === "nato")!.exposedCountries);
    expect(vdem.find((m) => m.id === "nato")!.exposedCountries).toBeGreaterThanOrEqual(4);
  });
});

describe("withNonUnDuration", () => {
  it("counts years of continuous presence, 0 without, missing where presence is missing", () => {
    const r = (ccode: number, year: number, any: number | null): PanelRow => ({ ccode, year, nonun_any: any });
    const out = withNonUnDuration([r(1, 2000, 0), r(1, 2001, 1), r(1, 2002, 1), r(1, 2003, 0), r(1, 2004, 1), r(2, 2000, 1), r(2, 2001, null), r(2, 2002, 1)]);
    expect(out.map((x) => x.nonun_duration)).toEqual([0, 0, 1, 0, 0, 0, null, 0]);
  });
});
