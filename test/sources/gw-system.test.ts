import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { gwSystemSource, parseGwSystem, readGwSystem } from "../../src/sources/gw-system.js";
import { DATA_DIR } from "../util/data.js";

const FILE = gwSystemSource.file;
const lines = readFileSync(join(DATA_DIR, FILE), "utf8").split("\n");
const withLine = (n: number, line: string): string => lines.map((l, i) => (i === n - 1 ? line : l)).join("\n");

describe("isard Gleditsch-Ward system", () => {
  const rows = readGwSystem(DATA_DIR);
  test("239 spells of 225 codes, microstates flagged", () => {
    expect(rows.length).toBe(239);
    expect(new Set(rows.map((r) => r.gwcode)).size).toBe(225);
    expect(rows.some((r) => r.microstate)).toBe(true);
    expect(rows.filter((r) => r.gwcode === 340).map((r) => `${r.start}..${r.end}`)).toEqual(["1878-07-13..1915-10-01", "2006-06-05..2020-12-31"]);
  });
});

describe("malformed copies", () => {
  test("microstate flag not 0/1", () => {
    expect(() => parseGwSystem(withLine(2, '2,"USA","United States of America",2,1816-01-01,2020-12-31'))).toThrow(
      `${FILE} line 2, column microstate: expected 0/1, got "2"`,
    );
  });
  test("missing name", () => {
    expect(() => parseGwSystem(withLine(3, '20,"CAN",,0,1867-07-01,2020-12-31'))).toThrow(
      `${FILE} line 3, column gw_name: expected a value, got a missing value`,
    );
  });
});
