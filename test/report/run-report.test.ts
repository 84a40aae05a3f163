import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runReport } from "../../src/report/run-report.js";
import { sourceById } from "../../src/sources/registry.js";
import { DEFAULT_OPTIONS } from "../../src/study/options.js";
import { DATA_DIR } from "../util/data.js";

describe("runReport on the real data", async () => {
  const dirA = mkdtempSync(join(tmpdir(), "pkt-report-a-"));
  const dirB = mkdtempSync(join(tmpdir(), "pkt-report-b-"));
  const a = await runReport({ dataDir: DATA_DIR, outDir: dirA, options: DEFAULT_OPTIONS, version: "test", png: false });
  const html = readFileSync(join(dirA, "report.html"), "utf8");
  const md = readFileSync(join(dirA, "report.md"), "utf8");

  it("writes the report, tables in four formats, figures as spec and SVG, panel, results and provenance", () => {
    const files = readdirSync(dirA, { recursive: true }).map(String).sort();
    for (const f of ["report.html", "report.md", "panel.csv", "results.json", "provenance.json", "tables/main.tex", "tables/main.csv", "tables/robustness.md", "figures/map.svg", "figures/prediction.vl.json", "figures/me-duration.svg", "figures/me-tcc.svg"]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("names every source file used, with its SHA-256 and citation", () => {
    const ids = [...a.study.sources, ...a.study.robustnessSources];
    expect(ids).toContain("hti");
    expect(ids).toContain("ipi_mission_month");
    expect(ids).toContain("kathman_mission_month_csv");
    for (const id of ids) {
      const src = sourceById(id)!;
      for (const text of [html, md]) {
        expect(text).toContain(src.file);
        expect(text).toContain(src.sha256);
      }
      expect(md).toContain(src.citation.replace(/\|/g, "\\|"));
    }
    expect(md).toContain("countries-110m.json");
  });

  it("shows every finding and every option, and is self-contained", () => {
    for (const f of a.study.findings) expect(html).toContain(f.plain.replace(/&/g, "&amp;").slice(0, 40));
    for (const k of Object.keys(DEFAULT_OPTIONS)) expect(md).toContain(`${k} = `);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(4);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has the section 'Who keeps the peace' before the method, one figure and table per moderator, and findings that state N, years and MDE", () => {
    const section = md.slice(md.indexOf("## Who keeps the peace"), md.indexOf("## Data and method"));
    expect(md.indexOf("## Who keeps the peace")).toBeGreaterThan(md.indexOf("## Case studies"));
    expect(section).toMatch(/simulated samples per candidate value \(seed 20180601\)/);
    expect(html).toContain('<section id="contributors"><h2>Who keeps the peace</h2>');
    const files = readdirSync(join(dirA, "figures/contributors")).sort();
    for (const id of ["female", "pdest", "low_tier", "democracy", "income", "nato_oecd"]) {
      expect(section).toContain(`](figures/contributors/size-by-${id}.svg)`);
      expect(files).toContain(`size-by-${id}.svg`);
      expect(files).toContain(`size-by-${id}.vl.json`);
      expect(html).toContain(`id="fig-contributors-size-by-${id}"`);
    }
    expect(section.match(/^\| outcome \| interaction \| 95% interval \| N \(host-years\) \| calendar years \|/gm)?.length).toBe(6);
    const findings = section.split("\n").filter((l) => /^- .* x .*: interaction /.test(l));
    expect(findings.length).toBe(24);
    for (const f of findings) {
      expect(f).toMatch(/interaction -?\d+\.\d{3} \[-?\d+\.\d{3}, -?\d+\.\d{3}\]/);
      expect(f).toMatch(/N = \d+, \d+ host-years/);
      expect(f).toMatch(/calendar years 20\d\d-20\d\d/);
      expect(f).toMatch(/minimum detectable interaction at 80% power/);
      expect(f).toMatch(/verdict: \*\*/);
    }
    // The verdict rule's words where the interval spans both meaningful directions.
    expect(findings.filter((f) => f.includes("verdict: **the data cannot tell**")).length).toBeGreaterThan(0);
  });

  it("the same inputs give byte-identical outputs", async () => {
    await runReport({ dataDir: DATA_DIR, outDir: dirB, options: DEFAULT_OPTIONS, version: "test", png: false });
    for (const f of ["report.html", "report.md", "panel.csv", "results.json", "tables/main.tex", "figures/map.svg"]) {
      expect(readFileSync(join(dirB, f), "utf8"), f).toBe(readFileSync(join(dirA, f), "utf8"));
    }
  });
});
