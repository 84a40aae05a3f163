import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCowNmc, readCowNmc, type CowNmcRow } from "../../src/sources/cow-nmc.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "controls/cow_nmc_v7.csv";
let rows: CowNmcRow[];
let text: string;

beforeAll(() => {
  rows = readCowNmc(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readCowNmc on the real file", () => {
  it("reads every state-year once, 1816-2022", () => {
    expect(rows).toHaveLength(17121);
    expect(rows.filter((r) => r.milex === null)).toHaveLength(2360);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2022);
  });
  it("gives population in thousands", () => {
    expect(rows.find((r) => r.ccode === 2 && r.year === 2019)).toEqual({
      ccode: 2, year: 2019, milex: 745732000, milper: 1359, irst: 87761, pec: 3452671, tpop: 341078, upop: 115331, cinc: 0.12605037,
    });
  });
  it("reads -9 as missing", () => {
    expect(parseCowNmc(setCell(text, 205, "milex", "-9")).find((r) => r.ccode === 2 && r.year === 2019)?.milex).toBeNull();
  });
});

describe("parseCowNmc on malformed copies", () => {
  it("names text, a negative value, a renamed column and a truncated line", () => {
    expect(() => parseCowNmc(setCell(text, 205, "tpop", "341k"))).toThrow(`${F} line 205, column tpop: expected a number, got "341k"`);
    expect(() => parseCowNmc(setCell(text, 205, "milper", "-5"))).toThrow(`${F} line 205, column milper: expected a number >= 0, -9 or empty, got "-5"`);
    expect(() => parseCowNmc(setCell(text, 205, "cinc", "1.5"))).toThrow(`${F} line 205, column cinc: expected a share 0..1, got "1.5"`);
    const bad = renameColumn(text, "tpop", "pop");
    expect(() => parseCowNmc(bad)).toThrow(`${F} line 1, column tpop: expected a column named "tpop" in the header, got columns ${headerList(bad)}`);
    expect(() => parseCowNmc(truncateLine(text, 205))).toThrow(
      `${F} line 205: expected 9 fields as in the header, got 8`,
    );
  });
});
