import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cowSystemSource, parseCowSystem, readCowSystem } from "../../src/sources/cow-system.js";
import { DATA_DIR } from "../util/data.js";

const FILE = cowSystemSource.file;
const lines = readFileSync(join(DATA_DIR, FILE), "utf8").split("\n");
const withLine = (n: number, line: string): string => lines.map((l, i) => (i === n - 1 ? line : l)).join("\n");

describe("isard COW system", () => {
  const rows = readCowSystem(DATA_DIR);
  test("243 spells, dates to 2016-12-31", () => {
    expect(rows.length).toBe(243);
    expect(rows.map((r) => r.end).sort().at(-1)).toBe("2016-12-31");
    expect(rows.filter((r) => r.ccode === 678)).toEqual([{ ccode: 678, abb: "YAR", name: "Yemen Arab Republic", start: "1926-09-02", end: "1990-05-21" }]);
  });
});

describe("malformed copies", () => {
  test("a date that is not YYYY-MM-DD", () => {
    expect(() => parseCowSystem(withLine(2, '2,"USA","United States of America",1816-1-1,2016-12-31'))).toThrow(
      `${FILE} line 2, column start: expected a date YYYY-MM-DD, got "1816-1-1"`,
    );
  });
  test("end before start", () => {
    expect(() => parseCowSystem(withLine(3, '20,"CAN","Canada",1920-01-10,1920-01-09'))).toThrow(
      `${FILE} line 3, column end: expected a date on or after start 1920-01-10, got "1920-01-09"`,
    );
  });
  test("text code", () => {
    expect(() => parseCowSystem(withLine(3, 'CAN,"CAN","Canada",1920-01-10,2016-12-31'))).toThrow(
      `${FILE} line 3, column ccode: expected a number, got "CAN"`,
    );
  });
});
