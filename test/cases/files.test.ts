import { beforeAll, describe, expect, it } from "vitest";
import { buildCasesFiles, type CasesFile } from "../../src/cases/files.js";
import { withCases } from "../../src/cases/report-section.js";
import { runCases, type CasesResults } from "../../src/cases/run.js";
import { OptionError } from "../../src/core/errors.js";
import { DATA_DIR } from "../util/data.js";

let r: CasesResults;
let files: CasesFile[];
const text = (p: string) => files.find((f) => f.path === p)!.data as string;

beforeAll(async () => {
  r = runCases({ dataDir: DATA_DIR, synth: false, reps: 49 });
  files = await buildCasesFiles(r, { png: false });
});

describe("cases pages", () => {
  it("writes cases.md, cases.html, cases.json and a timeline per case", () => {
    const paths = files.map((f) => f.path);
    for (const p of ["cases.md", "cases.html", "cases.json", "figures/cases/relation.svg", "figures/cases/event-study.svg"]) expect(paths).toContain(p);
    for (const slug of ["kosovo", "haiti", "sierra-leone", "nepal"]) {
      expect(paths).toContain(`figures/cases/${slug}-timeline.svg`);
      expect(paths).toContain(`figures/cases/${slug}-timeline.vl.json`);
    }
  });
  it("the page is self-contained, links back to the report, and has unique ids", () => {
    const html = text("cases.html");
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('href="report.html"');
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(6);
  });
  it("the Markdown has every section and the JSON parses with the case timelines", () => {
    const md = text("cases.md");
    for (const h of ["## Summary", "## Kosovo", "## Haiti", "## Sierra Leone", "## Nepal", "## Deployment size and the change", "## Beyond the chapter", "## Non-UN deployments", "## Sources"]) expect(md).toContain(h);
    const json = JSON.parse(text("cases.json"));
    expect(json.cases).toHaveLength(4);
    expect(json.cases[0].timeline.years[0].year).toBe(1995);
    expect(json.nonUn.vdem.length).toBeGreaterThanOrEqual(8);
    expect(json.relationWide.points.length).toBeGreaterThan(json.relation.points.length);
    expect(json.otherHosts.map((h: { country: { name: string } }) => h.country.name)).toContain("Liberia");
  });
  it("the same inputs give byte-identical outputs", async () => {
    const again = await buildCasesFiles(runCases({ dataDir: DATA_DIR, synth: false, reps: 49 }), { png: false });
    for (const f of again) expect(f.data, f.path).toEqual(files.find((g) => g.path === f.path)!.data);
  });
  it("rejects bad options with a clear message", () => {
    expect(() => runCases({ dataDir: DATA_DIR, from: 2010, to: 2000 })).toThrow(OptionError);
    expect(() => runCases({ dataDir: DATA_DIR, countries: ["Atlantis"], synth: false })).toThrow(/Atlantis/);
  });
});

describe("withCases (the report hook)", () => {
  it("inserts a Case studies section before Data and method, adds the nav link and the case files", async () => {
    const report = [
      { path: "report.md", data: "# R\n\n## Findings\n\n## Data and method\n\ntext\n" },
      { path: "report.html", data: '<main><nav><a href="#findings">F</a> · <a href="#method">M</a></nav><section id="method"></section></main>' },
      { path: "figures/map.svg", data: "<svg/>" },
    ];
    const out = await withCases(report, { dataDir: DATA_DIR, png: false });
    const md = out.find((f) => f.path === "report.md")!.data as string;
    const html = out.find((f) => f.path === "report.html")!.data as string;
    expect(md.indexOf("## Case studies")).toBeGreaterThan(md.indexOf("## Findings"));
    expect(md.indexOf("## Case studies")).toBeLessThan(md.indexOf("## Data and method"));
    expect(md).toContain("(cases.html)");
    expect(html.indexOf('<section id="cases">')).toBeLessThan(html.indexOf('<section id="method">'));
    expect(html).toContain('<a href="#cases">Case studies</a> · <a href="#method">');
    expect(out.map((f) => f.path)).toContain("cases.html");
    expect(out.find((f) => f.path === "figures/map.svg")!.data).toBe("<svg/>");
  });
});
