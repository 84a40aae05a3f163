import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cowGwStateYearSource, parseCowGwStateYear, readCowGwStateYear } from "../../src/sources/cow-gw-state-year.js";
import { DATA_DIR } from "../util/data.js";

const FILE = cowGwStateYearSource.file;
const text = readFileSync(join(DATA_DIR, FILE), "utf8");
const lines = text.split("\n");
/** The real file with line `n` (1-based) replaced. */
const withLine = (n: number, line: string): string => lines.map((l, i) => (i === n - 1 ? line : l)).join("\n");

describe("isard COW/GW state-year panel", () => {
  const rows = readCowGwStateYear(DATA_DIR);

  test("row counts", () => {
    expect(rows.length).toBe(17916);
    expect(rows.filter((r) => r.ccode === null).length).toBe(210);
    expect(rows.filter((r) => r.gwcode === null).length).toBe(43);
    expect(Math.min(...rows.map((r) => r.year))).toBe(1816);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2025);
  });

  test("1990 holds 255, 260 and 265; GW 340 is Serbia under COW 345 from 2006", () => {
    const cow1990 = rows.filter((r) => r.year === 1990 && r.ccode !== null).map((r) => r.ccode);
    expect(cow1990).toEqual(expect.arrayContaining([255, 260, 265]));
    expect(rows.find((r) => r.year === 2006 && r.ccode === 345)).toEqual({
      stateabb: "YUG", year: 2006, gwcode: 340, ccode: 345, gwName: "Serbia", cowName: "Yugoslavia",
    });
    expect(rows.find((r) => r.year === 1991 && r.gwcode === 260 && r.ccode === null)?.gwName).toBe("German Federal Republic");
  });

  test("COW state-years are unique", () => {
    const keys = rows.filter((r) => r.ccode !== null).map((r) => `${r.ccode}:${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("malformed copies", () => {
  test("text in a numeric column", () => {
    expect(() => parseCowGwStateYear(withLine(3, '"USA",18x7,2,2,"United States of America","United States of America"'))).toThrow(
      `${FILE} line 3, column year: expected a number, got "18x7"`,
    );
  });
  test("a fractional code", () => {
    expect(() => parseCowGwStateYear(withLine(3, '"USA",1817,2,2.5,"United States of America","United States of America"'))).toThrow(
      `${FILE} line 3, column ccode: expected an integer, got "2.5"`,
    );
  });
  test("neither code", () => {
    expect(() => parseCowGwStateYear(withLine(4, '"USA",1818,,,"United States of America","United States of America"'))).toThrow(
      `${FILE} line 4, column ccode: expected a COW code or a Gleditsch-Ward code, got neither`,
    );
  });
  test("a renamed column", () => {
    expect(() => parseCowGwStateYear(withLine(1, '"stateabb","year","gwcode","cowcode","gw_name","cw_name"'))).toThrow(
      `${FILE} line 1, column ccode: expected a column named "ccode" in the header, got columns "stateabb", "year", "gwcode", "cowcode", "gw_name", "cw_name"`,
    );
  });
  test("a truncated file", () => {
    const cut = `${lines.slice(0, 100).join("\n")}\n${lines[100].slice(0, 12)}`;
    expect(lines[100].slice(0, 12)).toBe('"USA",1915,2');
    expect(() => parseCowGwStateYear(cut)).toThrow(`${FILE} line 101: expected 6 fields as in the header, got 3`);
  });
  test("an unclosed quote", () => {
    expect(() => parseCowGwStateYear(withLine(5, '"USA,1819,2,2,"United States of America","United States of America"'))).toThrow(
      `${FILE} line 5: expected a delimiter or end of line after a closing quote, got "United Sta"`,
    );
    expect(() => parseCowGwStateYear(`${lines[0]}\n"USA",1816,2,2,"United States`)).toThrow(
      `${FILE} line 2: expected well-formed CSV (balanced quotes), got a quote that is never closed`,
    );
  });
  test("an empty file", () => {
    expect(() => parseCowGwStateYear("")).toThrow(`${FILE} line 1: expected a header line, got an empty file`);
  });
});

describe("verification", () => {
  const dir = mkdtempSync(join(tmpdir(), "pkt-states-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test("one changed byte is caught before parsing", () => {
    mkdirSync(join(dir, "states"), { recursive: true });
    writeFileSync(join(dir, FILE), text.replace("1817", "1818"));
    expect(() => readCowGwStateYear(dir)).toThrow(`${FILE}: expected SHA-256 ${cowGwStateYearSource.sha256}, got`);
  });
});
