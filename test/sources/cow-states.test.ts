import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cowStatesSource, parseCowStates, readCowStates } from "../../src/sources/cow-states.js";
import { DATA_DIR } from "../util/data.js";

const FILE = cowStatesSource.file;
const lines = readFileSync(join(DATA_DIR, FILE), "utf8").split("\n");
const withLine = (n: number, line: string): string => lines.map((l, i) => (i === n - 1 ? line : l)).join("\n");

describe("COW states v2016", () => {
  const rows = readCowStates(DATA_DIR);
  test("243 spells of 217 states", () => {
    expect(rows.length).toBe(243);
    expect(new Set(rows.map((r) => r.ccode)).size).toBe(217);
    expect(rows.every((r) => r.version === 2016)).toBe(true);
  });
  test("German unification: 260 to 1990-10-02, 265 to 1990-10-02, 255 from 1990-10-03", () => {
    const gfr = rows.find((r) => r.ccode === 260)!;
    expect([gfr.styear, gfr.stmonth, gfr.stday, gfr.endyear, gfr.endmonth, gfr.endday]).toEqual([1955, 5, 5, 1990, 10, 2]);
    expect(rows.filter((r) => r.ccode === 255).map((r) => `${r.styear}-${r.stmonth}-${r.stday}`)).toEqual(["1816-1-1", "1990-10-3"]);
    const kos = rows.find((r) => r.ccode === 347)!;
    expect([kos.styear, kos.stmonth, kos.stday]).toEqual([2008, 2, 20]);
  });
});

describe("malformed copies", () => {
  test("month out of range", () => {
    expect(() => parseCowStates(withLine(2, '"USA",2,"United States of America",1816,13,1,2016,12,31,2016'))).toThrow(
      `${FILE} line 2, column stmonth: expected an integer from 1 to 12, got "13"`,
    );
  });
  test("exit before entry", () => {
    expect(() => parseCowStates(withLine(3, '"CAN",20,"Canada",1920,1,10,1919,12,31,2016'))).toThrow(
      `${FILE} line 3, column endyear: expected an exit on or after the entry 1920-1-10, got 1919-12-31`,
    );
  });
  test("missing code", () => {
    expect(() => parseCowStates(withLine(3, '"CAN",,"Canada",1920,1,10,2016,12,31,2016'))).toThrow(
      `${FILE} line 3, column ccode: expected an integer, got a missing value`,
    );
  });
  test("missing column", () => {
    expect(() => parseCowStates(withLine(1, '"stateabb","ccode","statenme","styear","stmonth","stday","endyear","endmonth","endday","vers"'))).toThrow(
      `${FILE} line 1, column version: expected a column named "version" in the header`,
    );
  });
});
