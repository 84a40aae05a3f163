import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createCountryYears } from "../../src/panel/create-country-years.js";
import { resolveOptions } from "../../src/panel/options.js";
import { toRows, type PanelRow } from "../../src/panel/panel.js";
import { applyStep, SourceLoader } from "../../src/panel/pipeline.js";
import { contributorProfileStep, hostContributorMonths, type HostContributorMonth } from "../../src/panel/steps/add-contributor-profile.js";
import { natoOrOecd } from "../../src/panel/steps/contributor-traits.js";
import { womenInMissionsStep } from "../../src/panel/steps/add-women-in-missions.js";
import { DATA_DIR } from "../util/data.js";

const COLS = ["un_contrib_hti_share", "un_contrib_democracy_share", "un_contrib_high_income_share", "un_contrib_nato_oecd_share"] as const;

/** The gender file's rows, split by hand (no project reader): contributor ISO-3, mission, YYYY-MM, total, female. */
function rawGender(): { iso: string; mission: string; ym: string; total: number; female: number }[] {
  const lines = readFileSync(join(DATA_DIR, "pko/ipi_tcc_gender_2009-11_2014-02.csv"), "latin1").split(/\r?\n/).filter((l) => l !== "");
  return lines.slice(1).map((l) => {
    const f = l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, "").replace(/^"|"$/g, ""));
    return { iso: f[3], mission: f[4], ym: f[1].slice(0, 7), total: Number(f[19]), female: Number(f[18]) };
  });
}

let rows: PanelRow[];
let months: HostContributorMonth[];
const at = (ccode: number, year: number): PanelRow => rows.find((r) => r.ccode === ccode && r.year === year)!;

beforeAll(() => {
  const loader = new SourceLoader(DATA_DIR);
  let p = createCountryYears(loader, { years: [2007, 2016] });
  p = applyStep(p, womenInMissionsStep, loader);
  p = applyStep(p, contributorProfileStep, loader);
  rows = toRows(p);
  months = hostContributorMonths({ options: resolveOptions({}), sources: loader });
});

describe("contributor profile: facts from the raw file", () => {
  it("Haiti 2012-06 (MINUSTAH only): contributors and female personnel equal the file's rows", () => {
    const file = rawGender().filter((r) => r.mission === "MINUSTAH" && r.ym === "2012-06" && r.total > 0);
    const mine = months.filter((m) => m.host === 41 && m.year === 2012 && m.month === 6);
    expect(new Set(mine.map((m) => m.contributorIso3))).toEqual(new Set(file.map((r) => r.iso)));
    expect(mine.reduce((s, m) => s + m.female, 0)).toBeCloseTo(file.reduce((s, r) => s + r.female, 0), 9);
    expect(mine.reduce((s, m) => s + m.personnel, 0)).toBeCloseTo(file.reduce((s, r) => s + r.total, 0), 9);
    const arg = mine.find((m) => m.contributorIso3 === "ARG")!;
    expect([arg.personnel, arg.female]).toEqual([743, 51]);
  });

  it("conserves personnel: every month's placed total is the file's, less at most MINURSO's (Western Sahara is no state)", () => {
    const file = rawGender();
    for (const ym of ["2009-11", "2011-06", "2014-02"]) {
      const [y, m] = ym.split("-").map(Number);
      const all = file.filter((r) => r.ym === ym).reduce((s, r) => s + r.total, 0);
      const minurso = file.filter((r) => r.ym === ym && r.mission === "MINURSO").reduce((s, r) => s + r.total, 0);
      const placed = months.filter((h) => h.year === y && h.month === m).reduce((s, h) => s + h.personnel, 0);
      expect(placed).toBeLessThanOrEqual(all + 1e-6);
      expect(placed).toBeGreaterThanOrEqual(all - minurso - 1e-6);
    }
  });

  it("Haiti 2012's NATO/OECD share is the personnel-weighted mean over its contributor-months", () => {
    const hm = months.filter((m) => m.host === 41 && m.year === 2012);
    const w = hm.reduce((s, m) => s + m.personnel * (natoOrOecd(m.contributorIso3, 2012) ? 1 : 0), 0);
    const t = hm.reduce((s, m) => s + m.personnel, 0);
    expect(at(41, 2012).un_contrib_nato_oecd_share as number).toBeCloseTo(w / t, 12);
  });
});

describe("contributor profile: coverage", () => {
  it("is missing outside 2009-2014 and the HTI share outside 2009-2010 (reports 2010-2011, t-1)", () => {
    for (const r of rows) {
      const y = r.year as number;
      for (const c of COLS) {
        const v = r[c];
        if (y < 2009 || y > 2014) expect(v).toBeNull();
        if (c === "un_contrib_hti_share" && y > 2010) expect(v).toBeNull();
        if (v !== null) expect((v as number) >= 0 && (v as number) <= 1).toBe(true);
      }
    }
  });

  it("covers every host with personnel in the file, 2009-2014", () => {
    const counts: Record<number, number> = {};
    for (const r of rows) {
      const y = r.year as number;
      if ((r.un_gender_personnel as number | null) === null || (r.un_gender_personnel as number) <= 0) continue;
      expect(r.un_contrib_nato_oecd_share).not.toBeNull();
      expect(r.un_contrib_democracy_share).not.toBeNull();
      if (y <= 2010) expect(r.un_contrib_hti_share).not.toBeNull();
      counts[y] = (counts[y] ?? 0) + 1;
    }
    expect(Object.keys(counts).map(Number)).toEqual([2009, 2010, 2011, 2012, 2013, 2014]);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThanOrEqual(19);
  });

  it("tells European-heavy UNIFIL from South Asian-heavy MONUSCO", () => {
    expect(at(660, 2011).un_contrib_nato_oecd_share as number).toBeGreaterThan(0.3);
    expect(at(490, 2011).un_contrib_nato_oecd_share as number).toBeLessThan(0.05);
    expect(at(660, 2011).un_contrib_high_income_share as number).toBeGreaterThan(0.3);
    expect(at(490, 2011).un_contrib_high_income_share as number).toBeLessThan(0.05);
  });
});
