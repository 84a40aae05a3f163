import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isUsTroopsState, parseUsTroopsLegacy, readUsTroopsLegacy, type UsTroopsLegacyRow } from "../../src/sources/us-troops-legacy.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "us_troops/troopdata_legacy_country_year.csv";
let rows: UsTroopsLegacyRow[];
let text: string;

beforeAll(() => {
  rows = readUsTroopsLegacy(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

const troops = (ccode: number, year: number) => rows.find((r) => r.ccode === ccode && r.year === year)?.troops;

describe("readUsTroopsLegacy on the real file", () => {
  it("reads every host-year once", () => {
    expect(rows).toHaveLength(14792);
    expect(new Set(rows.map((r) => `${r.ccode} ${r.year}`)).size).toBe(14792);
    expect(Math.min(...rows.map((r) => r.year))).toBe(1950);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2023);
  });

  it("matches the troop facts in the data README", () => {
    expect(troops(255, 2000)).toBe(69203);
    expect(troops(740, 2000)).toBe(40159);
    expect(troops(732, 2000)).toBe(36565);
    expect(troops(345, 1999)).toBe(6410);
    expect(troops(345, 2000)).toBe(5427);
  });

  it("keeps the Germany and Kosovo codings of this series", () => {
    expect(Math.max(...rows.filter((r) => r.ccode === 260).map((r) => r.year))).toBe(1990);
    expect(troops(260, 1990)).toBe(227586);
    expect(troops(255, 1990)).toBe(0);
    expect(Math.min(...rows.filter((r) => r.ccode === 347).map((r) => r.year))).toBe(2008);
  });

  it("flags codes that are not states and keeps missing branches as null", () => {
    expect(isUsTroopsState(6)).toBe(false);
    expect(isUsTroopsState(327)).toBe(false);
    expect(isUsTroopsState(1003)).toBe(false);
    expect(isUsTroopsState(2)).toBe(true);
    expect(rows.find((r) => r.country === "Afloat")?.isState).toBe(false);
    expect(rows.filter((r) => r.army === null)).toHaveLength(11767);
    expect(rows.find((r) => r.ccode === 255 && r.year === 2000)?.army).toBeNull();
  });
});

describe("parseUsTroopsLegacy on malformed copies", () => {
  it("names text in a numeric column", () => {
    expect(() => parseUsTroopsLegacy(setCell(text, 3238, "troops", "69,203"))).toThrow(
      `${F} line 3238, column troops: expected a number, got "69,203"`,
    );
  });
  it("names a negative count", () => {
    expect(() => parseUsTroopsLegacy(setCell(text, 3238, "troops", "-5"))).toThrow(
      `${F} line 3238, column troops: expected a count >= 0, got "-5"`,
    );
  });
  it("names a missing total", () => {
    expect(() => parseUsTroopsLegacy(setCell(text, 3238, "troops", "NA"))).toThrow(
      `${F} line 3238, column troops: expected a count >= 0, got a missing value`,
    );
  });
  it("names a renamed column", () => {
    const bad = renameColumn(text, "troops", "Troops");
    expect(() => parseUsTroopsLegacy(bad)).toThrow(
      `${F} line 1, column troops: expected a column named "troops" in the header, got columns ${headerList(bad)}`,
    );
  });
  it("names a truncated line", () => {
    expect(() => parseUsTroopsLegacy(truncateLine(text, 3238))).toThrow(
      `${F} line 3238: expected 12 fields as in the header, got 11`,
    );
  });
  it("rejects a duplicate host-year", () => {
    expect(() => parseUsTroopsLegacy(setCell(text, 3239, "year", "2000"))).toThrow(
      `${F} line 3239, column ccode: expected one row per (ccode, year), got a second row for ccode 255 in 2000 (first on line 3238)`,
    );
  });
});
