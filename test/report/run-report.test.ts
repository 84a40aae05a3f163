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
  // A tiny multiverse sample (2 specifications per claim) so the cards and the section are exercised.
  const multiverse = { reuseDir: null, perClaim: 2, seed: 1 };
  const a = await runReport({ dataDir: DATA_DIR, outDir: dirA, options: DEFAULT_OPTIONS, version: "test", png: false, multiverse });
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

  it("shows each claim's multiverse share on its card and a multiverse section right after the findings, with the sample's files", () => {
    expect(a.multiverse?.mode).toBe("sample");
    expect(a.multiverse?.fitted).toBe(8);
    const cards = html.slice(html.indexOf('<div class="findings">'), html.indexOf("</div>", html.indexOf('<div class="findings">')));
    expect(cards.match(/<p class="multiverse">/g)).toHaveLength(4);
    expect(cards).toMatch(/specifications drawn at random from 5,184 \(\d+%; 95% interval \d+%-\d+%\)/);
    const order = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(["findings", "multiverse", "results"]);
    expect(md).toContain("the report fitted a random sample of 2 specifications per claim (seed 1)");
    const files = readdirSync(join(dirA, "multiverse"), { recursive: true }).map(String);
    expect(files).toEqual(expect.arrayContaining(["specs.csv", "summary.json", "figures/curve-size.svg"]));
    expect(readFileSync(join(dirA, "multiverse", "specs.csv"), "utf8").trim().split("\n")).toHaveLength(9);
  });

  it("the same inputs give byte-identical outputs", async () => {
    await runReport({ dataDir: DATA_DIR, outDir: dirB, options: DEFAULT_OPTIONS, version: "test", png: false, multiverse });
    for (const f of ["report.html", "report.md", "panel.csv", "results.json", "tables/main.tex", "figures/map.svg", "multiverse/specs.csv", "multiverse/summary.json"]) {
      expect(readFileSync(join(dirB, f), "utf8"), f).toBe(readFileSync(join(dirA, f), "utf8"));
    }
  });
});
