import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../src/study/options.js";
import { runStudy } from "../../src/study/run.js";
import { syntheticEngine } from "./helpers.js";

describe("runStudy on a synthetic panel", () => {
  const engine = syntheticEngine();
  const s = runStudy(DEFAULT_OPTIONS, engine);

  it("builds each distinct panel once (the robustness checks that change only the model reuse it)", () => {
    expect(engine.panelCalls).toBe(3);
  });

  it("fits M1-M4 with clustered errors on the sample years", () => {
    expect(s.models.map((m) => m.spec.id)).toEqual(["M1", "M2", "M3", "M4"]);
    for (const m of s.models) {
      expect(m.results.vcov_type).toBe("cluster:ccode");
      expect(m.results.glance.converged).toBe(true);
    }
    expect(s.rows.every((r) => (r.report_year as number) >= 2001 && (r.report_year as number) <= 2011)).toBe(true);
  });

  it("re-estimates M2 on the largest mission's duration; the models that do not read it repeat the main row", () => {
    const v = s.robustness.find((r) => r.variant.id === "main-mission-duration")!;
    expect(v.options.duration).toBe("main-lineage");
    expect(v.cells.map((c) => c.term)).toEqual(["log1p(un_total)", "log1p(un_total):un_duration_main", "log1p(un_total):un_tcc", "log1p(us_troops_foreign)"]);
    const main = s.robustness[0];
    for (const i of [0, 2, 3]) expect(v.cells[i].coefficient?.estimate).toBe(main.cells[i].coefficient?.estimate);
    expect(v.cells[1].coefficient?.estimate).not.toBe(main.cells[1].coefficient?.estimate);
    expect(v.cells[1].nobs).toBe(main.cells[1].nobs);
  });

  it("derives a finding per claim and the curves", () => {
    expect(s.findings.map((f) => f.id)).toEqual(["size", "duration", "tcc", "placebo"]);
    expect(s.curves.prediction.length).toBeGreaterThan(10);
    expect(s.curves.duration.length).toBeGreaterThan(1);
    expect(s.curves.tcc.length).toBeGreaterThan(1);
    for (const p of s.curves.prediction) expect(p.conf_low).toBeLessThanOrEqual(p.estimate);
    expect(s.robustness.map((r) => r.variant.id)).toEqual(["main", "probit", "firth", "relogit", "clogit", "alignment", "year-effects", "destination", "kathman", "main-mission-duration"]);
    const main = s.robustness[0].cells[0].coefficient;
    expect(main?.estimate).toBe(s.models[0].results.tidy.find((t) => t.term === "log1p(un_total)")?.estimate);
  });
});

describe("a main model that cannot be estimated with the chosen options", () => {
  it("is reported as not estimable instead of stopping the run", () => {
    const base = syntheticEngine();
    const engine = { ...base, panel: () => ({ rows: base.panel(DEFAULT_OPTIONS).rows.map((r) => ({ ...r, un_tcc: null })), sources: [] }) };
    const s = runStudy(DEFAULT_OPTIONS, engine, []);
    expect(s.models.map((m) => m.spec.id)).toEqual(["M1", "M2", "M4"]);
    expect(s.failed.map((f) => f.id)).toEqual(["M3"]);
    const tcc = s.findings.find((f) => f.id === "tcc")!;
    expect(tcc.verdict).toBe("not-estimable");
    expect(tcc.text).toMatch(/^Not estimable with these options/);
    expect(s.curves.tcc).toEqual([]);
  });
});

describe("a robustness check that changes the report years", () => {
  it("gets rows prepared for its own years (the prepared-rows cache is keyed by them)", () => {
    const engine = syntheticEngine();
    const variant = { id: "late", label: "2005-2011", note: "later years only", options: { yearFrom: 2005 } };
    const s = runStudy(DEFAULT_OPTIONS, engine, [variant]);
    const alone = runStudy({ ...DEFAULT_OPTIONS, yearFrom: 2005 }, syntheticEngine(), []);
    const cell = s.robustness.find((r) => r.variant.id === "late")!.cells[0];
    expect(cell.nobs).toBe(alone.models[0].results.glance.nobs);
    expect(cell.nobs).toBeLessThan(s.models[0].results.glance.nobs);
  });
});
