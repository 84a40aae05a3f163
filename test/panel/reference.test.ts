import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPanel } from "../../src/panel/build.js";
import { toRows, type Panel, type PanelRow } from "../../src/panel/panel.js";
import { DATA_DIR } from "../util/data.js";

// Compared with an independent readr/dplyr build (scripts/reference/panel_reference.R) of version
// 0.1's rules: every multi-host mission in full in every crosswalk host, report year t on calendar
// year t, contributor counts summed over missions. Those rules remain as options
// (multiHost = full, reportAlignment = t; un_tcc_sum), so the R build still checks every column
// whose rule did not change; the new rules (allocation, distinct contributors, durations) are
// checked against scripts/reference/un_allocation_reference.R in un-allocation-reference.test.ts.
const V01 = { multiHost: "full", reportAlignment: "t" } as const;
/** Columns renamed since the R build: its un_tcc (summed over missions) is now un_tcc_sum. */
const RENAMED: Record<string, string | null> = { un_tcc: "un_tcc_sum", un_tcc_double_count: null };
interface Reference {
  source: string;
  rows: number;
  columns: Record<string, { nonMissing: number; sum: number }>;
  cells: Array<{ ccode: number; year: number; column: string; value: number | null }>;
}
const ref = JSON.parse(readFileSync(resolve(import.meta.dirname, "../fixtures/reference/panel_build.json"), "utf8")) as Reference;

let panel: Panel;
let rows: PanelRow[];
beforeAll(() => {
  panel = buildPanel(DATA_DIR, V01);
  rows = toRows(panel);
});

describe("panel against the R/dplyr reference build", () => {
  it("has the same rows", () => {
    expect(ref.source).toMatch(/R version .*dplyr .*readr/);
    expect(panel.nrows).toBe(ref.rows);
  });

  it.each(Object.keys(ref.columns).filter((c) => RENAMED[c] !== null))("%s: same non-missing count and sum", (name) => {
    const values = panel.columns.get(RENAMED[name] ?? name)!.values as readonly (number | null)[];
    const present = values.filter((v): v is number => v !== null);
    expect(present.length).toBe(ref.columns[name].nonMissing);
    const sum = present.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - ref.columns[name].sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref.columns[name].sum)));
  });

  it("has the same single cells", () => {
    for (const c of ref.cells) {
      const r = rows.find((x) => x.ccode === c.ccode && x.year === c.year)!;
      expect(r[c.column] as number, `${c.column} ${c.ccode} ${c.year}`).toBeCloseTo(c.value as number, 9);
    }
  });
});
