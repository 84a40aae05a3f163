import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseMaddison, readMaddison, type MaddisonRow } from "../../src/sources/maddison.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "controls/maddison2023_gdppc_pop.csv";
let rows: MaddisonRow[];
let text: string;

beforeAll(() => {
  rows = readMaddison(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readMaddison on the real file", () => {
  it("reads every country-year once, 1946-2022", () => {
    expect(rows).toHaveLength(12624);
    expect(new Set(rows.map((r) => r.iso3)).size).toBe(169);
    expect(rows.filter((r) => r.gdppc === null)).toHaveLength(566);
    expect(rows.filter((r) => r.pop === null)).toHaveLength(29);
    expect(Math.min(...rows.map((r) => r.year))).toBe(1946);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2022);
  });
  it("gives population in thousands", () => {
    expect(rows.find((r) => r.iso3 === "USA" && r.year === 2019)).toEqual({ iso3: "USA", year: 2019, gdppc: 56469.2636592551, pop: 328330 });
  });
});

describe("parseMaddison on malformed copies", () => {
  it("names a bad code, text in a number, a renamed column and a truncated line", () => {
    expect(() => parseMaddison(setCell(text, 12019, "ISO", "US"))).toThrow(`${F} line 12019, column ISO: expected a three-letter ISO code, got "US"`);
    expect(() => parseMaddison(setCell(text, 12019, "pop", "328 330"))).toThrow(`${F} line 12019, column pop: expected a number, got "328 330"`);
    const bad = renameColumn(text, "ISO", "iso3c");
    expect(() => parseMaddison(bad)).toThrow(`${F} line 1, column ISO: expected a column named "ISO" in the header, got columns ${headerList(bad)}`);
    expect(() => parseMaddison(truncateLine(text, 12019))).toThrow(
      `${F} line 12019: expected 4 fields as in the header, got 3`,
    );
  });
});
