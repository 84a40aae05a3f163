import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDemocracy, readDemocracy, type DemocracyRow } from "../../src/sources/democracy.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "controls/isard_cw_democracy.csv";
let rows: DemocracyRow[];
let text: string;

beforeAll(() => {
  rows = readDemocracy(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readDemocracy on the real file", () => {
  it("reads every state-year once", () => {
    expect(rows).toHaveLength(17706);
    expect(new Set(rows.map((r) => `${r.ccode} ${r.year}`)).size).toBe(17706);
    expect(rows.filter((r) => r.polity2 === null)).toHaveLength(3271);
  });
  it("has polity2 to 2018 (one state beyond) and V-Dem to 2025", () => {
    expect(rows.filter((r) => r.polity2 !== null && r.year > 2018)).toHaveLength(2);
    expect(rows.filter((r) => r.polity2 !== null && r.year === 2018)).toHaveLength(161);
    expect(Math.max(...rows.filter((r) => r.v2xPolyarchy !== null).map((r) => r.year))).toBe(2025);
    expect(rows.find((r) => r.ccode === 2 && r.year === 2019)).toEqual({
      ccode: 2, year: 2019, euds: 1.15692473886879, aeuds: 0.863769203753072, polity2: 7, v2xPolyarchy: 0.818,
    });
  });
});

describe("parseDemocracy on malformed copies", () => {
  it("names values out of range or not numbers", () => {
    expect(() => parseDemocracy(setCell(text, 205, "polity2", "11"))).toThrow(`${F} line 205, column polity2: expected an integer -10..10, got "11"`);
    expect(() => parseDemocracy(setCell(text, 205, "polity2", "7.5"))).toThrow(`${F} line 205, column polity2: expected an integer, got "7.5"`);
    expect(() => parseDemocracy(setCell(text, 205, "v2x_polyarchy", "1.2"))).toThrow(`${F} line 205, column v2x_polyarchy: expected a number 0..1, got "1.2"`);
    expect(() => parseDemocracy(setCell(text, 205, "euds", "high"))).toThrow(`${F} line 205, column euds: expected a number, got "high"`);
  });
  it("names a renamed column", () => {
    const bad = renameColumn(text, "polity2", "polity");
    expect(() => parseDemocracy(bad)).toThrow(`${F} line 1, column polity2: expected a column named "polity2" in the header, got columns ${headerList(bad)}`);
  });
  it("names a truncated line and a duplicate key", () => {
    expect(() => parseDemocracy(truncateLine(text, 205))).toThrow(
      `${F} line 205: expected 6 fields as in the header, got 5`,
    );
    expect(() => parseDemocracy(setCell(text, 206, "year", "2019"))).toThrow(
      `${F} line 206, column ccode: expected one row per (ccode, year), got a second row for ccode 2 in 2019 (first on line 205)`,
    );
  });
});
