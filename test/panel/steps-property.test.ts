import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPanelFrom, PANEL_STEPS } from "../../src/panel/build.js";
import { columnNames, toRows, type Panel, type PanelRow } from "../../src/panel/panel.js";
import { runSteps, SourceLoader } from "../../src/panel/pipeline.js";
import { findDuplicates } from "../../src/panel/validate.js";
import { sourceById } from "../../src/sources/registry.js";
import { DATA_DIR } from "../util/data.js";
import { smallPanel } from "./helpers.js";

// Every real step, run on small generated panels (random subsets of the real country-years):
// rows and keys never change, and each row gets the same values as in the full panel, so a
// step's result for a country-year does not depend on which other rows are present.
let loader: SourceLoader;
let full: Panel;
let fullRows: Map<string, PanelRow>;

beforeAll(() => {
  loader = new SourceLoader(DATA_DIR);
  full = buildPanelFrom(loader);
  fullRows = new Map(toRows(full).map((r) => [`${r.ccode}:${r.year}`, r]));
});

describe("real steps on generated small panels", () => {
  it("keep rows and keys and give each row its full-panel values", () => {
    const keys = [...fullRows.values()].map((r) => [r.ccode as number, r.year as number] as const);
    fc.assert(
      fc.property(fc.subarray(keys, { minLength: 1, maxLength: 25 }), (subset) => {
        const p = runSteps(smallPanel(subset), PANEL_STEPS, loader);
        expect(p.nrows).toBe(subset.length);
        expect(findDuplicates(p)).toEqual([]);
        expect(columnNames(p)).toEqual(columnNames(full));
        for (const r of toRows(p)) {
          const want = fullRows.get(`${r.ccode}:${r.year}`)!;
          for (const c of columnNames(p)) if (c !== "iso3" && c !== "country") expect(r[c], `${c} at ${r.ccode}:${r.year}`).toEqual(want[c]);
        }
      }),
      { seed: 4242, numRuns: 15 },
    );
  });

  it("document every column with its sources in the registry", () => {
    for (const [name, c] of full.columns) {
      expect(c.doc.name).toBe(name);
      for (const field of [c.doc.description, c.doc.unit, c.doc.derivation]) expect(field.length, name).toBeGreaterThan(2);
      for (const s of c.doc.sources) expect(sourceById(s), `${name}: ${s}`).toBeDefined();
    }
    for (const s of full.meta.sources) expect(sourceById(s)).toBeDefined();
  });
});
