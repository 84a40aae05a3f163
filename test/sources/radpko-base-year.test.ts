import { describe, expect, it } from "vitest";
import { parseRadpko, radpkoBaseYearSource as src, readRadpko } from "../../src/sources/radpko-base-year.js";
import { DATA_DIR } from "../util/data.js";
import { dropColumn, findLine, realText, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readRadpko(DATA_DIR);
const text = realText(src);
const file = "pko/radpko_bases_cc_y.csv";

describe("readRadpko (real file)", () => {
  it("reads every row, one per mission, base and year", () => {
    expect(rows).toHaveLength(2652);
    expect(new Set(rows.map((r) => `${r.mission}|${r.base}|${r.year}`)).size).toBe(2652);
    expect(new Set(rows.map((r) => r.mission)).size).toBe(13);
    const years = rows.map((r) => r.year);
    expect([Math.min(...years), Math.max(...years)]).toEqual([1999, 2019]);
  });

  it("reads the first row", () => {
    expect(rows[0]).toMatchObject({
      mission: "UNAMSIL", country: "Sierra Leone", base: "freetown", year: 1999, date: "1999-10-01",
      latitude: 8.49000000000007, longitude: -13.234167, contributorCount: 1, line: 2,
    });
    expect(rows[0].personnel).toBeCloseTo(410.4167, 4);
    expect(rows[0].troops + rows[0].police + rows[0].observers).toBeCloseTo(rows[0].personnel, 9);
  });

  it("keeps the three rows without a base name as null", () => {
    expect(rows.filter((r) => r.base === null).map((r) => `${r.mission} ${r.year}`)).toEqual(["ONUB 2005", "ONUB 2006", "UNMISS 2014"]);
  });

  it("reads NaN as null in coordinates and regional groups only", () => {
    expect(rows.filter((r) => r.latitude === null && r.longitude === null)).toHaveLength(3);
    const ilebo = rows.find((r) => r.base === "ilebo" && r.year === 2003)!;
    expect(ilebo.african).toEqual({ total: expect.closeTo(13.857, 3), troops: 2, police: null, observers: null });
    expect(rows.filter((r) => [r.african, r.asian, r.western].some((g) => Object.values(g).includes(null)))).toHaveLength(4);
  });

  it("lists contributors present, without the 0 placeholder", () => {
    expect(rows.some((r) => r.contributors.includes("0"))).toBe(false);
    expect(rows.filter((r) => r.contributors.length === 0)).toHaveLength(229);
    const line = findLine(text, (c) => c.cc_present === "0|ghana|india");
    expect(rows.find((r) => r.line === line)?.contributors).toEqual(["ghana", "india"]);
    expect(rows.filter((r) => r.contributors.includes("bangladesh")).length).toBeGreaterThan(500);
  });
});

describe("parseRadpko (malformed copies)", () => {
  const line = findLine(text, (c) => c.mission === "UNMIL" && c.base === "monrovia" && c.year === "2005");

  it("parses the unmodified text like the reader", () => {
    expect(parseRadpko(text)).toEqual(rows);
  });

  it("rejects bad values", () => {
    expect(() => parseRadpko(setCell(text, line, "untrp", "4O"))).toThrow(`${file} line ${line}, column untrp: expected a number, got "4O"`);
    expect(() => parseRadpko(setCell(text, line, "untrp", "NaN"))).toThrow(`${file} line ${line}, column untrp: expected a number, got a missing value`);
    expect(() => parseRadpko(setCell(text, line, "unpol", "-1"))).toThrow(`${file} line ${line}, column unpol: expected a number >= 0, got "-1"`);
    expect(() => parseRadpko(setCell(text, line, "latitude", "96.3"))).toThrow(`${file} line ${line}, column latitude: expected a latitude within +-90, got "96.3"`);
    expect(() => parseRadpko(setCell(text, line, "year", "2006"))).toThrow(`${file} line ${line}, column year: expected 2005 (the year of date 2005-01-01), got "2006"`);
    expect(() => parseRadpko(setCell(text, line, "cc_present", "Ghana, India"))).toThrow(
      `${file} line ${line}, column cc_present: expected lower-case contributor names joined by |, or 0, got "Ghana, India"`,
    );
    expect(() => parseRadpko(setCell(text, line, "f_untrp", ""))).toThrow(`${file} line ${line}, column f_untrp: expected a number, got a missing value`);
  });

  it("rejects a repeated base-year, a missing column and a cut line", () => {
    const next = findLine(text, (c) => c.mission === "UNMIL" && c.base === "monrovia" && c.year === "2006");
    expect(() => parseRadpko(setCell(text, next, "year", "2005"))).toThrow(`${file} line ${next}, column year: expected 2006 (the year of date`);
    expect(() => parseRadpko(setCell(setCell(text, next, "year", "2005"), next, "date", "2005-02-01"))).toThrow(
      `${file} line ${Math.max(line, next)}, column base: expected one row per mission, base and year (already on line ${Math.min(line, next)}), got "monrovia"`,
    );
    expect(() => parseRadpko(dropColumn(text, "cc_present"))).toThrow(`${file} line 1, column cc_present: expected a column named "cc_present" in the header`);
    expect(() => parseRadpko(truncateAt(text, line, 25))).toThrow(
      `${file} line ${line}: expected 377 fields as in the header, got 4`,
    );
  });
});
