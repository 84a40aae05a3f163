import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseWdiPopulation, readWdiPopulation, type WdiPopulationRow } from "../../src/sources/wdi-population.js";
import { DATA_DIR } from "../util/data.js";
import { renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "controls/wdi_population.csv";
let rows: WdiPopulationRow[];
let text: string;

beforeAll(() => {
  rows = readWdiPopulation(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readWdiPopulation on the real (long) file", () => {
  it("reads every economy-year once", () => {
    expect(rows).toHaveLength(17195);
    expect(new Set(rows.map((r) => r.iso3)).size).toBe(265);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2024);
  });
  it("gives population in persons", () => {
    expect(rows.find((r) => r.iso3 === "USA" && r.year === 2019)).toEqual({
      country: "United States", iso3: "USA", year: 2019, population: 330226227, isAggregate: false,
    });
    expect(rows.find((r) => r.iso3 === "WLD" && r.year === 2019)?.isAggregate).toBe(true);
  });
});

describe("parseWdiPopulation on malformed copies", () => {
  it("names text in the value column, a renamed column and a truncated line", () => {
    expect(() => parseWdiPopulation(setCell(text, 16281, "Value", "330m"))).toThrow(`${F} line 16281, column Value: expected a number, got "330m"`);
    expect(() => parseWdiPopulation(setCell(text, 16281, "Country Code", "US"))).toThrow(
      `${F} line 16281, column Country Code: expected a three-character World Bank code, got "US"`,
    );
    expect(() => parseWdiPopulation(renameColumn(text, "Year", "Jahr"))).toThrow(
      `${F} line 1, column Year: expected a column named "Year" in the header (long layout: Country Name, Country Code, Year, Value; or wide: one column per year), got columns "Country Name", "Country Code", "Jahr", "Value"`,
    );
    expect(() => parseWdiPopulation(truncateLine(text, 16281))).toThrow(
      `${F} line 16281: expected 4 fields as in the header, got 3`,
    );
  });
});
