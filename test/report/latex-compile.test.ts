/**
 * Every .tex table compiles with a real LaTeX (Debian's texlive-latex-base and
 * texlive-latex-recommended, which .ci/run installs) in a minimal document with
 * booktabs, under the default font encoding. Skipped when pdflatex is not installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mainTable } from "../../src/report/build.js";
import { tableToLatex } from "../../src/report/tables/latex.js";
import { robustnessTable } from "../../src/report/tables/robustness.js";
import { syntheticStudy } from "./synthetic-study.js";

function hasPdflatex(): boolean {
  try {
    execFileSync("pdflatex", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const s = syntheticStudy();
const TABLES = { main: tableToLatex(mainTable(s)), robustness: tableToLatex(robustnessTable(s.robustness)) };

describe("LaTeX tables", () => {
  it("say they need booktabs, keep comparisons in math mode and notes in separate paragraphs", () => {
    for (const tex of Object.values(TABLES)) {
      expect(tex.split("\n")[0]).toMatch(/Requires \\usepackage\{booktabs\}/);
      const outsideMath = tex.split("\n").filter((l) => !l.startsWith("%")).join("\n").replace(/\$[^$]*\$/g, "");
      expect(outsideMath, "a text-mode < prints as ¡ under OT1").not.toMatch(/[<>]/);
    }
    const notes = TABLES.robustness.slice(TABLES.robustness.indexOf("{\\footnotesize"));
    expect(notes.match(/\\par$/gm)?.length ?? 0).toBeGreaterThan(5);
    expect(TABLES.robustness).toContain("$^{*}\\,p < 0.05$");
  });

  describe.skipIf(!hasPdflatex())("with pdflatex", () => {
    for (const [name, tex] of Object.entries(TABLES)) {
      it(`${name}.tex compiles without errors`, () => {
        const dir = mkdtempSync(join(tmpdir(), "pkt-latex-"));
        writeFileSync(join(dir, `${name}.tex`), tex);
        writeFileSync(join(dir, "doc.tex"), `\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n\\input{${name}.tex}\n\\end{document}\n`);
        const r = spawnSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
        const log = readFileSync(join(dir, "doc.log"), "utf8");
        expect(r.status, log.split("\n").filter((l) => l.startsWith("!")).join("\n")).toBe(0);
        expect(log).not.toMatch(/^! /m);
        expect(log).not.toMatch(/Missing \$ inserted|Undefined control sequence/);
      });
    }
  });
});
