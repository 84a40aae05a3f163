import { describe, expect, it } from "vitest";
import { mainTable } from "../../src/report/build.js";
import { tableToCsv } from "../../src/report/tables/csv.js";
import { tableToHtml } from "../../src/report/tables/html.js";
import { escapeLatex, tableToLatex } from "../../src/report/tables/latex.js";
import { tableToMarkdown } from "../../src/report/tables/markdown.js";
import { num, stars } from "../../src/report/tables/model.js";
import { regressionTable } from "../../src/report/tables/regression.js";
import { robustnessTable } from "../../src/report/tables/robustness.js";
import { fakeResults } from "../study/fake-results.js";
import { expectGolden } from "./golden.js";
import { syntheticStudy } from "./synthetic-study.js";

describe("regression tables", () => {
  it("stars and numbers", () => {
    expect([0.0009, 0.009, 0.049, 0.05, NaN].map(stars)).toEqual(["***", "**", "*", "", ""]);
    expect(num(-0.0001)).toBe("0.000");
    expect(num(null)).toBe("");
    expect(escapeLatex("log1p(un_total) & 5% _x")).toBe("log1p(un\\_total) \\& 5\\% \\_x");
  });

  it("coefficient rows, SEs in parentheses, N, clusters, log-likelihood, AIC", () => {
    const t = regressionTable("t", "T", [
      { id: "a", title: "A", results: fakeResults({ "(Intercept)": [1, 0.5], x: [0.25, 0.1] }) },
      { id: "b", title: "B", results: fakeResults({ x: [0.5, 0.5], z: [2, 0.1] }) },
    ]);
    expect(t.rows.map((r) => r.label)).toEqual(["x", "", "z", "", "Constant", "", "N", "Clusters", "Log-likelihood", "AIC"]);
    expect(t.rows[0].cells).toEqual(["0.250*", "0.500"]);
    expect(t.rows[1].cells).toEqual(["(0.100)", "(0.500)"]);
    expect(t.rows[2].cells).toEqual(["", "2.000***"]);
    expect(t.rows.at(-1)?.cells).toEqual(["124.00", "124.00"]);
  });

  const s = syntheticStudy();
  const main = mainTable(s);
  const robust = robustnessTable(s.robustness);
  for (const [name, t] of [
    ["main", main],
    ["robustness", robust],
  ] as const) {
    it(`${name} table matches the golden files in four formats`, () => {
      expectGolden(`tables/${name}.md`, tableToMarkdown(t));
      expectGolden(`tables/${name}.html`, tableToHtml(t));
      expectGolden(`tables/${name}.tex`, tableToLatex(t));
      expectGolden(`tables/${name}.csv`, tableToCsv(t));
    });
  }

  it("the table shows the same numbers as the fitted models", () => {
    const m1 = s.models[0].results;
    const row = m1.tidy.find((r) => r.term === "log1p(un_total)")!;
    const csv = tableToCsv(main).split("\n");
    expect(csv.find((l) => l.startsWith("UN personnel (log 1+),"))).toContain(`${row.estimate.toFixed(3)}${stars(row.p_value)}`);
    expect(csv.find((l) => l.startsWith("N,"))).toContain(String(m1.glance.nobs));
  });
});
