import { describe, expect, it } from "vitest";
import { SourceLoader } from "../../src/panel/index.js";
import { droppedSentence, methodParagraphs } from "../../src/report/prose.js";
import { sampleAccount, sampleFor, type PanelRow } from "../../src/study/data.js";
import { studyFit } from "../../src/study/engine.js";
import { DEFAULT_OPTIONS, resolveOptions } from "../../src/study/options.js";
import { studyPanel } from "../../src/study/real-panel.js";
import { runStudy } from "../../src/study/run.js";
import { studyModels } from "../../src/study/spec.js";
import { DATA_DIR } from "../util/data.js";

const loader = new SourceLoader(DATA_DIR);
const engine = { fit: studyFit, panel: (o: typeof DEFAULT_OPTIONS) => studyPanel(DATA_DIR, o, loader) };

describe("the default M1 sample keeps the paper's key cases", () => {
  const study = runStudy(DEFAULT_OPTIONS, engine, []);
  const m1 = study.models.find((m) => m.spec.id === "M1")!;
  const sample = sampleFor(m1.spec, study.rows);

  it("includes Serbia (345) and Bosnia (346) in every report year HTI lists them", () => {
    for (const ccode of [345, 346]) {
      const listed = study.rows.filter((r) => r.ccode === ccode && r.pdest !== null).map((r) => r.report_year);
      const kept = sample.filter((r) => r.ccode === ccode).map((r) => r.report_year);
      expect(listed.length, String(ccode)).toBeGreaterThanOrEqual(10);
      expect(kept, String(ccode)).toEqual(listed);
    }
  });

  it("accounts for every row with a known outcome, and the report says which countries were dropped and why", () => {
    const a = m1.account;
    expect(a.kept).toBe(m1.results.glance.nobs);
    expect(a.kept + a.dropped.reduce((t, d) => t + d.rows, 0)).toBe(a.withOutcome);
    for (const d of a.dropped) expect(d.countries.reduce((t, c) => t + c.rows, 0)).toBe(d.rows);
    const text = methodParagraphs(study).join("\n");
    expect(text).toContain(droppedSentence(a));
    expect(text).toMatch(/country-years with a known outcome, \d+ are left out: \d+ for (missing|undefined) /);
  });

  it("under Polity2 Serbia, Bosnia and Kosovo are dropped, and the account names them", () => {
    const o = resolveOptions({ democracy: "polity2" });
    const p = runStudy(o, engine, []);
    const a = p.models.find((m) => m.spec.id === "M1")!.account;
    const polity = a.dropped.find((d) => d.variable === "polity2")!;
    const names = polity.countries.map((c) => c.country);
    expect(names).toEqual(expect.arrayContaining(["Bosnia and Herzegovina", "Kosovo"]));
    expect(names.some((n) => /Serbia|Yugoslavia/.test(n))).toBe(true);
  });
});

describe("sampleAccount", () => {
  it("charges each dropped row to the first missing or undefined variable", () => {
    const m = studyModels(DEFAULT_OPTIONS)[0];
    const full = { pdest: 1, un_total: 10, gdppc: 1000, pop: 5, v2x_polyarchy: 0.5, civil_conflict: 0, trend: 1 };
    const rows: PanelRow[] = [
      { ccode: 1, country: "A", ...full },
      { ccode: 2, country: "B", ...full, gdppc: null },
      { ccode: 2, country: "B", ...full, gdppc: 0 },
      { ccode: 3, country: "C", ...full, v2x_polyarchy: null, gdppc: null },
      { ccode: 4, country: "D", ...full, pdest: null, gdppc: null },
    ];
    const a = sampleAccount(m, rows);
    expect(a).toEqual({
      withOutcome: 4,
      kept: 1,
      dropped: [
        { variable: "gdppc", rows: 2, countries: [{ country: "B", rows: 1 }, { country: "C", rows: 1 }] },
        { variable: "log(gdppc)", rows: 1, countries: [{ country: "B", rows: 1 }] },
      ],
    });
    expect(droppedSentence(a)).toBe("Of the 4 country-years with a known outcome, 3 are left out: 2 for missing gdppc (B 1, C 1); 1 for undefined log(gdppc) (B 1).");
  });
});
