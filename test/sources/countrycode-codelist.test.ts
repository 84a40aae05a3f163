import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { countrycodeCodelistSource, parseCountrycodeCodelist, readCountrycodeCodelist } from "../../src/sources/countrycode-codelist.js";
import { DATA_DIR } from "../util/data.js";

const FILE = countrycodeCodelistSource.file;
const lines = readFileSync(join(DATA_DIR, FILE), "utf8").split("\n");
const withLine = (n: number, line: string): string => lines.map((l, i) => (i === n - 1 ? line : l)).join("\n");

describe("countrycode code list", () => {
  const rows = readCountrycodeCodelist(DATA_DIR);
  test("292 countries, 215 with a COW code", () => {
    expect(rows.length).toBe(292);
    expect(rows.filter((r) => r.cown !== null).length).toBe(215);
  });
  test("Namibia's ISO-2 is the string NA, not missing", () => {
    expect(rows.find((r) => r.iso3c === "NAM")?.iso2c).toBe("NA");
  });
  test("no ISO-3 for COW 265, 315, 345, 347, 678, 680, 817; 260 is absent, 255 is DEU", () => {
    for (const c of [265, 315, 345, 347, 678, 680, 817]) expect(rows.find((r) => r.cown === c)?.iso3c).toBeNull();
    expect(rows.find((r) => r.cown === 260)).toBeUndefined();
    expect(rows.find((r) => r.cown === 255)?.iso3c).toBe("DEU");
    expect(rows.find((r) => r.countryName === "Serbia")).toMatchObject({ cown: null, iso3c: "SRB", gwn: 340 });
    expect(rows.find((r) => r.countryName === "Kosovo")).toMatchObject({ cown: 347, iso3c: null, wb: "XKX" });
  });
});

describe("malformed copies", () => {
  test("text in a numeric code", () => {
    const bad = lines[1].replace(',700,"AFG",4,', ',"7OO","AFG",4,');
    expect(bad).not.toBe(lines[1]);
    expect(() => parseCountrycodeCodelist(withLine(2, bad))).toThrow(`${FILE} line 2, column cown: expected a number, got "7OO"`);
  });
  test("a row with a field missing", () => {
    const bad = lines[2].replace(',"Europe",', ",");
    expect(() => parseCountrycodeCodelist(withLine(3, bad))).toThrow(`${FILE} line 3: expected 20 fields as in the header, got 19`);
  });
});
