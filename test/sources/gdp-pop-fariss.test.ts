import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseGdpPopFariss, readGdpPopFariss, type GdpPopFarissRow } from "../../src/sources/gdp-pop-fariss.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "controls/isard_cw_gdppop_fariss.csv";
let rows: GdpPopFarissRow[];
let text: string;

beforeAll(() => {
  rows = readGdpPopFariss(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readGdpPopFariss on the real file", () => {
  it("reads every state-year once, 1816-2019", () => {
    expect(rows).toHaveLength(16536);
    expect(rows.filter((r) => r.mrgdppc === null)).toHaveLength(43);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2019);
  });
  it("gives population in millions and GDP in millions", () => {
    const us = rows.find((r) => r.ccode === 2 && r.year === 2019);
    expect(us?.pwtpop).toBeCloseTo(330.69, 2);
    expect(us?.mrgdppc).toBeCloseTo(61805.59, 2);
    expect(us?.pwtrgdp).toBeCloseTo(23109512.46, 2);
  });
});

describe("parseGdpPopFariss on malformed copies", () => {
  it("names text, a non-positive value, a renamed column and a truncated line", () => {
    expect(() => parseGdpPopFariss(setCell(text, 205, "pwtpop", "330,7"))).toThrow(`${F} line 205, column pwtpop: expected a number, got "330,7"`);
    expect(() => parseGdpPopFariss(setCell(text, 205, "mrgdppc", "0"))).toThrow(`${F} line 205, column mrgdppc: expected a positive number or empty, got "0"`);
    const bad = renameColumn(text, "pwtpop", "pop");
    expect(() => parseGdpPopFariss(bad)).toThrow(`${F} line 1, column pwtpop: expected a column named "pwtpop" in the header, got columns ${headerList(bad)}`);
    expect(() => parseGdpPopFariss(truncateLine(text, 205))).toThrow(
      `${F} line 205: expected 8 fields as in the header, got 7`,
    );
  });
});
