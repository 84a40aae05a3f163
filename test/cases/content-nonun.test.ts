/** The non-UN tables use the report's stars and p-value style. */
import { describe, expect, it } from "vitest";
import { nonUnBlocks, nonUnReading } from "../../src/cases/content-nonun.js";
import type { NonUnModel } from "../../src/cases/nonun.js";
import type { CasesResults } from "../../src/cases/run.js";
import type { TidyRow } from "../../src/stats/results.js";

function model(id: string, estimate: number, p: number): NonUnModel {
  const key = { term: "x", estimate, std_error: 0.1, statistic: 1, p_value: p, conf_low: 0, conf_high: 0 } as TidyRow;
  return { id, label: id, formula: "", results: {} as NonUnModel["results"], key, interaction: null, nobs: 100, countries: 10, exposedRows: 20, exposedCountries: 6, exposedDestinations: 5, median: 1000, firstDifference: null };
}

describe("non-UN tables and reading", () => {
  const ms = [model("un", 0.2, 0.0001), model("nonun", 0.1, 0.03), model("nato", 0.5, 0.07)];
  const blocks = nonUnBlocks({ nonUn: { polity2: ms, vdem: ms } } as unknown as CasesResults);
  const table = blocks.find((b) => b.kind === "table");

  it("stars at .05, .01 and .001 as in the report, and p < 0.001 instead of p = 0.000", () => {
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.rows[0][1]).toMatch(/^0\.200\*\*\* /);
    expect(table.rows[0][2]).toBe("< 0.001");
    expect(table.rows[1][1]).toMatch(/^0\.100\* /);
    expect(table.rows[2][1]).toMatch(/^0\.500 /);
    expect(table.note).toContain("* p < 0.05, ** p < 0.01, *** p < 0.001");
    const words = nonUnReading(ms).join(" ");
    expect(words).toContain("(p < 0.001)");
    expect(words).not.toMatch(/p = 0\.000/);
  });
});
