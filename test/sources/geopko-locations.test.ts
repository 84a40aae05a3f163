import { describe, expect, it } from "vitest";
import { geopkoLocationsSource as src, parseGeopko, readGeopko } from "../../src/sources/geopko-locations.js";
import { DATA_DIR } from "../util/data.js";
import { findLine, realText, renameColumn, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readGeopko(DATA_DIR);
const text = realText(src);
const file = "pko/geopko_raw.csv";

/** Estimated troops summed over a mission's locations by country (the data README's facts). */
function troopsByCountry(mission: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.mission === mission && r.troops !== null) out[r.country] = (out[r.country] ?? 0) + r.troops;
  return out;
}

describe("readGeopko (real file)", () => {
  it("reads every row: 52 missions, 1994-2020", () => {
    expect(rows).toHaveLength(18699);
    expect(new Set(rows.map((r) => r.mission)).size).toBe(52);
    const years = rows.map((r) => r.year);
    expect([Math.min(...years), Math.max(...years)]).toEqual([1994, 2020]);
  });

  it("reads the first row with its three contributors", () => {
    expect(rows[0]).toMatchObject({
      map: "Map no. 2916 Rev. 100", mission: "UNDOF", year: 2017, month: 6, location: "Camp Faouar", country: "Syria",
      countryCow: [652], troops: 225, contributorCount: 3, hq: 0, line: 2,
    });
    expect(rows[0].contributors).toEqual([
      { name: "Fiji", troops: 150, cow: 950 },
      { name: "Nepal", troops: 70, cow: 790 },
      { name: "India", troops: 35, cow: 750 },
    ]);
  });

  it("matches the data README's allocation facts", () => {
    expect(troopsByCountry("UNMEE")).toEqual({ Eritrea: 9310, Ethiopia: 3400, "Ethiopia/Eritrea": 105 });
    expect(Object.keys(troopsByCountry("UNPROFOR")).sort()).toEqual(["Bosnia and Herzegovina", "Croatia", "North Macedonia"]);
    expect(new Set(rows.filter((r) => r.mission === "MINURCAT").map((r) => r.country))).toEqual(new Set(["Chad", "Central African Republic"]));
    expect(new Set(rows.filter((r) => r.mission === "UNDOF").map((r) => r.country))).toEqual(new Set(["Syria"]));
    expect(new Set(rows.filter((r) => r.mission === "UNISFA").map((r) => r.country))).toEqual(new Set(["Sudan"]));
  });

  it("reads 'unknown' troop numbers and contributors as missing, and two codes for border locations", () => {
    expect(rows.filter((r) => r.troops === null)).toHaveLength(502);
    expect(rows.filter((r) => r.countryCow.length === 2).map((r) => r.country)).toEqual(new Array(8).fill("Ethiopia/Eritrea"));
    expect(rows.filter((r) => r.countryCow.length === 2)[0].countryCow).toEqual([531, 530]);
    expect(rows.some((r) => r.contributors.some((c) => c.name === null))).toBe(true);
    expect(rows.filter((r) => r.latitude === null)).toHaveLength(1);
  });
});

describe("parseGeopko (malformed copies)", () => {
  const line = findLine(text, (c) => c.mission === "UNMIL" && c.location === "Monrovia");

  it("parses the unmodified text like the reader", () => {
    expect(parseGeopko(text)).toEqual(rows);
  });

  it("rejects bad values", () => {
    expect(() => parseGeopko(setCell(text, line, "no.troops", "12O"))).toThrow(`${file} line ${line}, column no.troops: expected a number, got "12O"`);
    expect(() => parseGeopko(setCell(text, line, "no.troops", "-5"))).toThrow(`${file} line ${line}, column no.troops: expected a number >= 0, got "-5"`);
    expect(() => parseGeopko(setCell(text, line, "month", "13"))).toThrow(`${file} line ${line}, column month: expected a month 1-12, got "13"`);
    expect(() => parseGeopko(setCell(text, line, "hq", "4"))).toThrow(`${file} line ${line}, column hq: expected a headquarters code 0-3, got "4"`);
    expect(() => parseGeopko(setCell(text, line, "unmo.dummy", "2"))).toThrow(`${file} line ${line}, column unmo.dummy: expected 0 or 1, got "2"`);
    expect(() => parseGeopko(setCell(text, line, "cow_code", "Liberia"))).toThrow(
      `${file} line ${line}, column cow_code: expected a COW code or codes joined by commas, got "Liberia"`,
    );
    expect(() => parseGeopko(setCell(text, line, "country", ""))).toThrow(`${file} line ${line}, column country: expected a value, got a missing value`);
  });

  it("rejects a missing column and a cut line", () => {
    expect(() => parseGeopko(renameColumn(text, "country", "land"))).toThrow(`${file} line 1, column country: expected a column named "country" in the header`);
    const firstField = text.split("\n")[line - 1].indexOf('",') + 1;
    expect(() => parseGeopko(truncateAt(text, line, firstField))).toThrow(`${file} line ${line}: expected 113 fields as in the header, got 1`);
  });
});
