import { beforeAll, describe, expect, it } from "vitest";
import { buildCasesFiles, type CasesFile } from "../../src/cases/files.js";
import { casesSection } from "../../src/cases/report-section.js";
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

describe("the cases section of the report", () => {
  it("is a section model the report places before Data and method by id, with a nav link, and no heading text is searched", async () => {
    const { buildReportFiles } = await import("../../src/report/build.js");
    const { syntheticStudy } = await import("../report/synthetic-study.js");
    const { files: report } = await buildReportFiles(syntheticStudy(), { world: [], provenance: [], version: "t", png: false, extraSections: [{ before: "method", section: casesSection(r) }] });
    const md = report.find((f) => f.path === "report.md")!.data as string;
    const html = report.find((f) => f.path === "report.html")!.data as string;
    expect(md.indexOf("## Case studies")).toBeGreaterThan(md.indexOf("## Findings"));
    expect(md.indexOf("## Case studies")).toBeLessThan(md.indexOf("## Data and method"));
    expect(md).toContain("(cases.html)");
    expect(html.indexOf('<section id="cases">')).toBeLessThan(html.indexOf('<section id="method">'));
    expect(html).toContain('<a href="#cases">Case studies</a> · <a href="#method">');
  });
});
