import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codebookMarkdown } from "../../src/panel/codebook.js";
import { toJson, toRows, type ColumnDoc } from "../../src/panel/panel.js";
import { provenance } from "../../src/panel/write.js";
import { applyStep, checkPipeline, PipelineError, type PanelStep } from "../../src/panel/pipeline.js";
import { checkInvariants, findDuplicates, PanelInvariantError } from "../../src/panel/validate.js";
import { smallPanel } from "./helpers.js";

const doc = (name: string, type: ColumnDoc["type"] = "number"): ColumnDoc => ({
  name, type, description: name, unit: "u", sources: [], derivation: "test",
});

function step(name: string, requires: string[], produces: string[], compute: PanelStep["compute"]): PanelStep {
  return { name, requires, produces, docs: () => produces.map((p) => doc(p)), compute };
}

const noData = "/nonexistent-data-dir";

describe("pipeline", () => {
  it("checks order and clashes before running", () => {
    const a = step("addA", ["ccode"], ["a"], () => ({}));
    const b = step("addB", ["a"], ["b"], () => ({}));
    const a2 = step("addA2", [], ["a"], () => ({}));
    expect(() => checkPipeline([a, b], ["ccode", "year"])).not.toThrow();
    expect(() => checkPipeline([b, a], ["ccode", "year"])).toThrow(new PipelineError("addB requires column a, which no earlier step produces"));
    expect(() => checkPipeline([a, a2], ["ccode", "year"])).toThrow("addA2 produces column a, already produced by addA");
    expect(() => checkPipeline([step("addYear", [], ["year"], () => ({}))], ["ccode", "year"])).toThrow(/already produced by createCountryYears/);
  });

  it("adds columns, records the step and keeps the keys", () => {
    const p = smallPanel([[2, 2000], [2, 2001], [20, 2000]]);
    const q = applyStep(p, step("addX", ["year"], ["x"], (panel) => ({ x: (panel.columns.get("year")!.values as number[]).map((y) => y - 2000) })), noData);
    expect(q.meta.steps).toEqual(["createCountryYears", "addX"]);
    expect(toRows(q)).toEqual([
      { ccode: 2, iso3: "C2", country: "Country 2", year: 2000, x: 0 },
      { ccode: 2, iso3: "C2", country: "Country 2", year: 2001, x: 1 },
      { ccode: 20, iso3: "C20", country: "Country 20", year: 2000, x: 0 },
    ]);
    expect(toJson(q).data.x).toEqual([0, 1, 0]);
    expect(JSON.parse(JSON.stringify(toJson(q))).columns.map((c: ColumnDoc) => c.name)).toEqual(["ccode", "iso3", "country", "year", "x"]);
    expect(p.columns.has("x")).toBe(false);
  });

  it("rejects a step that changes the row count", () => {
    const p = smallPanel([[2, 2000], [2, 2001]]);
    const bad = step("addLong", [], ["x"], () => ({ x: [1, 2, 3] }));
    expect(() => applyStep(p, bad, noData)).toThrow(new PanelInvariantError("after addLong: column x has 3 values for 2 rows"));
  });

  it("rejects undeclared, undocumented or mistyped columns", () => {
    const p = smallPanel([[2, 2000]]);
    expect(() => applyStep(p, step("addX", [], ["x"], () => ({ x: [1], y: [2] })), noData)).toThrow(/undeclared column\(s\) y/);
    expect(() => applyStep(p, step("addX", [], ["x"], () => ({})), noData)).toThrow(/declares column x but did not compute it/);
    const binary: PanelStep = { name: "addB", requires: [], produces: ["b"], docs: () => [doc("b", "binary")], compute: () => ({ b: [2] }) };
    expect(() => applyStep(p, binary, noData)).toThrow(/column b \(binary\) row 0 holds 2/);
  });

  it("takes per-step option overrides, but not years", () => {
    const p = smallPanel([[2, 2000]]);
    const s = step("addX", [], ["x"], (_panel, ctx) => ({ x: [ctx.options.unSource === "kathman" ? 1 : 0] }));
    expect(applyStep(p, s, noData).columns.get("x")!.values).toEqual([0]);
    const q = applyStep(p, s, noData, { unSource: "kathman" });
    expect(q.columns.get("x")!.values).toEqual([1]);
    expect(q.meta.options.unSource).toBe("kathman");
    expect(() => applyStep(p, s, noData, { unSource: "nope" as never })).toThrow(/--un-source: expected one of ipi, kathman/);
    expect(() => applyStep(p, s, noData, { years: [1995, 2000] })).toThrow(/years option is fixed when the panel is created/);
  });

  it("keeps step warnings on the panel, in the codebook and in provenance", () => {
    const p = smallPanel([[2, 2000]]);
    const s = step("addW", [], ["w"], (_panel, ctx) => {
      ctx.warn?.("3 rows left out");
      return { w: [1] };
    });
    const q = applyStep(p, s, noData);
    expect(q.meta.warnings).toEqual(["addW: 3 rows left out"]);
    expect(codebookMarkdown(q)).toContain("## Warnings\n\nWhat the steps left out or could not place:\n\n- addW: 3 rows left out\n");
    expect(provenance(q, "0", "x").warnings).toEqual(["addW: 3 rows left out"]);
  });

  it("finds duplicated keys", () => {
    const p = smallPanel([[2, 2000], [20, 2000], [2, 2000]]);
    expect(findDuplicates(p)).toEqual([{ ccode: 2, year: 2000, rows: [0, 2] }]);
    expect(() => checkInvariants(p)).toThrow(/1 duplicated \(ccode, year\) key\(s\), first \(2, 2000\) on rows 0, 2/);
    expect(findDuplicates(smallPanel([[2, 2000], [2, 2001]]))).toEqual([]);
  });

  it("keeps the row count and keys for any panel and any well-formed step (property)", () => {
    const keys = fc.uniqueArray(fc.tuple(fc.integer({ min: 2, max: 990 }), fc.integer({ min: 1990, max: 2019 })), {
      selector: (k) => k[0] * 10000 + k[1],
      maxLength: 40,
    });
    fc.assert(
      fc.property(keys, fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 40 }), (ks, vals) => {
        const p = smallPanel(ks);
        const s = step("addV", ["ccode"], ["v"], (panel) => ({ v: Array.from({ length: panel.nrows }, (_, i) => vals[i % Math.max(1, vals.length)] ?? null) }));
        const q = applyStep(p, s, noData);
        expect(q.nrows).toBe(p.nrows);
        expect(findDuplicates(q)).toEqual([]);
        expect(q.columns.get("ccode")!.values).toEqual(p.columns.get("ccode")!.values);
        expect(toRows(q)).toHaveLength(ks.length);
      }),
      { seed: 20260101, numRuns: 100 },
    );
  });
});
