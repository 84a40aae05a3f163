import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseUcdpAcd, readUcdpAcd, ucdpConflictYears, type UcdpAcdRow } from "../../src/sources/ucdp-acd.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "controls/ucdp_acd_v25_1.csv";
let rows: UcdpAcdRow[];
let text: string;

beforeAll(() => {
  rows = readUcdpAcd(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readUcdpAcd on the real file", () => {
  it("reads every row and maps the type labels", () => {
    expect(rows).toHaveLength(5652);
    const n = (t: string) => rows.filter((r) => r.typeOfConflict === t).length;
    expect([n("internationalized intrastate"), n("intrastate"), n("interstate"), n("extrasystemic")]).toEqual([3168, 2004, 355, 125]);
    expect(rows.filter((r) => r.isCivil)).toHaveLength(5172);
    expect(rows.filter((r) => r.intensityLevel === 2)).toHaveLength(1777);
    expect(Math.min(...rows.map((r) => r.year))).toBe(1946);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2024);
  });
  it("collapses the per-side repeats to conflict-years", () => {
    const cy = ucdpConflictYears(rows);
    expect(cy).toHaveLength(2752);
    const mali = cy.find((r) => r.conflictId === 11347 && r.year === 2013);
    expect(mali?.gwnoA).toEqual([432]);
    expect(mali?.gwnoA2nd).toHaveLength(34);
    expect(mali?.gwnoA2nd.slice(0, 3)).toEqual([2, 200, 211]);
  });
  it("reads dates and the first row in full", () => {
    expect(rows[0]).toEqual({
      conflictId: 11342, year: 2012, gwnoA: [750], gwnoA2nd: [], gwnoB: [], gwnoB2nd: [], incompatibility: "territory",
      intensityLevel: 1, typeOfConflict: "intrastate", isCivil: true, startDate: "1997-05-29", startPrec: 1,
      startDate2: "2012-11-15", startPrec2: 1, epEnd: true, epEndDate: "2012-12-21",
    });
  });
  it("splits several codes in one cell", () => {
    const parsed = parseUcdpAcd(setCell(text, 2, "gwno_a_2nd", "2, 200"));
    expect(parsed[0].gwnoA2nd).toEqual([2, 200]);
  });
});

describe("parseUcdpAcd on malformed copies", () => {
  it("names bad labels, codes, dates and numbers", () => {
    expect(() => parseUcdpAcd(setCell(text, 2, "type_of_conflict", "civil"))).toThrow(
      `${F} line 2, column type_of_conflict: expected extrasystemic/interstate/intrastate/II, got "civil"`,
    );
    expect(() => parseUcdpAcd(setCell(text, 2, "intensity_level", "3"))).toThrow(`${F} line 2, column intensity_level: expected 1 or 2, got "3"`);
    expect(() => parseUcdpAcd(setCell(text, 2, "gwno_a", "750; 771"))).toThrow(`${F} line 2, column gwno_a: expected GW codes separated by ", ", got "750; 771"`);
    expect(() => parseUcdpAcd(setCell(text, 2, "gwno_a", ""))).toThrow(`${F} line 2, column gwno_a: expected one or more GW codes, got a missing value`);
    expect(() => parseUcdpAcd(setCell(text, 2, "start_date", "29/05/1997"))).toThrow(`${F} line 2, column start_date: expected a date YYYY-MM-DD, got "29/05/1997"`);
    expect(() => parseUcdpAcd(setCell(text, 2, "year", "twenty"))).toThrow(`${F} line 2, column year: expected a number, got "twenty"`);
  });
  it("names a renamed column and a truncated line", () => {
    const bad = renameColumn(text, "gwno_a", "side_a");
    expect(() => parseUcdpAcd(bad)).toThrow(`${F} line 1, column gwno_a: expected a column named "gwno_a" in the header, got columns ${headerList(bad)}`);
    expect(() => parseUcdpAcd(truncateLine(text, 2))).toThrow(
      `${F} line 2: expected 15 fields as in the header, got 14`,
    );
  });
});
