import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseWdiGdp, readWdiGdp, type WdiGdpRow } from "../../src/sources/wdi-gdp.js";
import { DATA_DIR } from "../util/data.js";
import { setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "controls/wdi_gdp_current_usd.csv";
let rows: WdiGdpRow[];
let text: string;

beforeAll(() => {
  rows = readWdiGdp(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readWdiGdp on the real (long) file", () => {
  it("reads every economy-year once and flags aggregates", () => {
    expect(rows).toHaveLength(13979);
    expect(new Set(rows.map((r) => r.iso3)).size).toBe(262);
    const aggregates = new Set(rows.filter((r) => r.isAggregate).map((r) => r.iso3));
    expect(aggregates.has("WLD") && aggregates.has("EUU") && aggregates.has("SSF")).toBe(true);
    expect(aggregates.has("USA") || aggregates.has("XKX") || aggregates.has("SRB")).toBe(false);
    expect(rows.filter((r) => !r.isAggregate).every((r) => !/ income|World|&|area|states|dividend|IDA|IBRD|OECD|Union|countries/.test(r.country))).toBe(true);
  });
  it("gives GDP in current US dollars", () => {
    expect(rows.find((r) => r.iso3 === "USA" && r.year === 2019)).toEqual({
      country: "United States", iso3: "USA", year: 2019, gdpUsd: 21521395000000, isAggregate: false,
    });
    expect(rows.find((r) => r.iso3 === "XKX" && r.year === 2010)?.gdpUsd).toBeCloseTo(5343950556.07, 1);
  });
});

describe("parseWdiGdp on other layouts and malformed copies", () => {
  it("reads the World Bank's wide layout, skipping empty cells", () => {
    const wide = 'Country Name,Country Code,Indicator Name,Indicator Code,2000,2001\nKosovo,XKX,GDP (current US$),NY.GDP.MKTP.CD,,2.5e9\nWorld,WLD,GDP (current US$),NY.GDP.MKTP.CD,3.4e13,3.3e13\n';
    expect(parseWdiGdp(wide, "wide.csv")).toEqual([
      { country: "Kosovo", iso3: "XKX", year: 2001, gdpUsd: 2.5e9, isAggregate: false },
      { country: "World", iso3: "WLD", year: 2000, gdpUsd: 3.4e13, isAggregate: true },
      { country: "World", iso3: "WLD", year: 2001, gdpUsd: 3.3e13, isAggregate: true },
    ]);
  });
  it("names text in the value column, a missing value, a bad year and a truncated line", () => {
    expect(() => parseWdiGdp(setCell(text, 13401, "Value", "21.5 tn"))).toThrow(`${F} line 13401, column Value: expected a number, got "21.5 tn"`);
    expect(() => parseWdiGdp(setCell(text, 13401, "Value", ""))).toThrow(`${F} line 13401, column Value: expected a number, got a missing value`);
    expect(() => parseWdiGdp(setCell(text, 13401, "Value", "-1"))).toThrow(`${F} line 13401, column Value: expected a positive number, got "-1"`);
    expect(() => parseWdiGdp(setCell(text, 13401, "Year", "2019.5"))).toThrow(`${F} line 13401, column Year: expected an integer, got "2019.5"`);
    expect(() => parseWdiGdp(truncateLine(text, 13401))).toThrow(
      `${F} line 13401: expected 4 fields as in the header, got 3`,
    );
  });
  it("names a renamed column", () => {
    const bad = "Country Name,Country Code,Year,Val\nWorld,WLD,2000,1\n";
    expect(() => parseWdiGdp(bad, "gdp.csv")).toThrow(
      'gdp.csv line 1, column Value: expected a column named "Value" in the header (long layout: Country Name, Country Code, Year, Value; or wide: one column per year), got columns "Country Name", "Country Code", "Year", "Val"',
    );
  });
  it("rejects a duplicate economy-year", () => {
    expect(() => parseWdiGdp(setCell(text, 13402, "Year", "2019"))).toThrow(
      `${F} line 13402, column Year: expected one value per (Country Code, Year), got a second value for USA in 2019 (first on line 13401)`,
    );
  });
});
