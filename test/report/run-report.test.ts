import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { requestJson } from "../../src/multiverse/multiverse.js";
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
    // Read only by "Who keeps the peace" (the 3P index as an outcome): listed with its use.
    expect(md).toMatch(/\| `trafficking\/policy_index_3p\.csv` \| `[0-9a-f]{64}` \| who keeps the peace \|/);
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
    const files = readdirSync(join(dirA, "multiverse-sample"), { recursive: true }).map(String);
    expect(files).toEqual(expect.arrayContaining(["specs.csv", "specs.parquet", "summary.json", "figures/curve-size.svg"]));
    expect(readFileSync(join(dirA, "multiverse-sample", "specs.csv"), "utf8").trim().split("\n")).toHaveLength(9);
  });

  it("reuses a matching full run inside the output directory, keeps it byte for byte, and says so", async () => {
    // A stand-in for `pkt multiverse --out <out>/multiverse` over the whole default grid: the
    // sample's files with a summary.json that records the full default request.
    const out = mkdtempSync(join(tmpdir(), "pkt-report-c-"));
    const run = join(out, "multiverse");
    for (const f of a.multiverse!.files) {
      mkdirSync(dirname(join(run, f.path)), { recursive: true });
      writeFileSync(join(run, f.path), f.data);
    }
    const summary = JSON.parse(readFileSync(join(run, "summary.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(run, "summary.json"), JSON.stringify({ ...summary, request: requestJson({ grid: "default" }) }));
    const before = readFileSync(join(run, "specs.csv"));
    const staging = mkdtempSync(join(tmpdir(), "pkt-report-c-staging-"));
    const c = await runReport({ dataDir: DATA_DIR, outDir: staging, options: DEFAULT_OPTIONS, version: "test", png: false, multiverse: { reuseDir: run, perClaim: 2, seed: 1, carryDir: run } });
    expect(c.multiverse?.mode).toBe("reused");
    expect(readFileSync(join(staging, "multiverse", "specs.csv")).equals(before)).toBe(true);
    expect(existsSync(join(staging, "multiverse-sample"))).toBe(false);
    const cmd = readFileSync(join(staging, "report.md"), "utf8");
    expect(cmd).toContain(`reused from ${run} because its program version, request and data hashes match`);
    expect(cmd).toMatch(/Across the multiverse: a positive estimate with p < 0\.05 in \d+% of 2 estimated specifications\./);
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
    await runReport({ dataDir: DATA_DIR, outDir: dirB, options: DEFAULT_OPTIONS, version: "test", png: false, multiverse });
    for (const f of ["report.html", "report.md", "panel.csv", "results.json", "tables/main.tex", "figures/map.svg", "multiverse-sample/specs.csv", "multiverse-sample/summary.json"]) {
      expect(readFileSync(join(dirB, f), "utf8"), f).toBe(readFileSync(join(dirA, f), "utf8"));
    }
  });
});
