import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { countrycodePanelSource, parseCountrycodePanel, readCountrycodePanel } from "../../src/sources/countrycode-panel.js";
import { DATA_DIR } from "../util/data.js";

const FILE = countrycodePanelSource.file;
const lines = readFileSync(join(DATA_DIR, FILE), "utf8").split("\n");
const withLine = (n: number, line: string): string => lines.map((l, i) => (i === n - 1 ? line : l)).join("\n");

describe("countrycode panel", () => {
  const rows = readCountrycodePanel(DATA_DIR);
  test("29,574 country-years of 235 countries, 1776-2024", () => {
    expect(rows.length).toBe(29574);
    expect(new Set(rows.map((r) => r.countryName)).size).toBe(235);
    expect(Math.min(...rows.map((r) => r.year))).toBe(1776);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2024);
  });
  test("country-years are unique", () => {
    const keys = rows.map((r) => `${r.countryName}:${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("malformed copies", () => {
  test("text in the year", () => {
    expect(() => parseCountrycodePanel(withLine(2, '"Afghanistan",17B9,,,"AFG",4,,,,,36,"AFG","Asia","South Asia"'))).toThrow(
      `${FILE} line 2, column year: expected a number, got "17B9"`,
    );
  });
  test("missing year", () => {
    expect(() => parseCountrycodePanel(withLine(2, '"Afghanistan",,,,"AFG",4,,,,,36,"AFG","Asia","South Asia"'))).toThrow(
      `${FILE} line 2, column year: expected an integer, got a missing value`,
    );
  });
});
