import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  foldKosovoIntoSerbia,
  parseUsTroopsRebuild,
  readUsTroopsRebuild,
  usTroopsRebuildYearly,
  type UsTroopsRebuildRow,
  type UsTroopsRebuildYear,
} from "../../src/sources/us-troops-rebuild.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "us_troops/troopdata_rebuild_country_quarter.csv";
let rows: UsTroopsRebuildRow[];
let yearly: UsTroopsRebuildYear[];
let text: string;

beforeAll(() => {
  rows = readUsTroopsRebuild(DATA_DIR);
  yearly = usTroopsRebuildYearly(rows);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

const ad = (ys: readonly UsTroopsRebuildYear[], ccode: number, year: number) => ys.find((r) => r.ccode === ccode && r.year === year)?.troopsAd;

describe("readUsTroopsRebuild on the real file", () => {
  it("reads every host-report once", () => {
    expect(rows).toHaveLength(20858);
    expect(rows.filter((r) => r.troopsAd === null)).toHaveLength(196);
    expect(Math.min(...rows.map((r) => r.year))).toBe(1950);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2025);
  });

  it("relabels 571 as Botswana and flags non-states", () => {
    const b = rows.filter((r) => r.ccode === 571);
    expect(new Set(b.map((r) => r.country))).toEqual(new Set(["Botswana"]));
    expect(new Set(b.map((r) => r.countryRaw))).toEqual(new Set(["Swaziland"]));
    expect(rows.filter((r) => r.ccode === 572).every((r) => r.country !== "Botswana")).toBe(true);
    expect(rows.filter((r) => r.ccode === 6 || r.ccode === 327 || r.ccode >= 1000).every((r) => !r.isState)).toBe(true);
    expect(rows.filter((r) => r.ccode === 2).every((r) => r.isState)).toBe(true);
  });

  it("codes Germany 255 in all years", () => {
    expect(rows.some((r) => r.ccode === 260)).toBe(false);
    expect(ad(yearly, 255, 1960)).toBeGreaterThan(200000);
    expect(ad(yearly, 255, 2000)).toBe(69203);
  });

  it("takes the yearly maximum over the year's reports", () => {
    expect(yearly.find((r) => r.ccode === 255 && r.year === 2015)).toMatchObject({ reports: 4, troopsAd: 36799, troopsAll: 37190 });
    expect(new Set(yearly.map((r) => `${r.ccode} ${r.year}`)).size).toBe(yearly.length);
  });

  it("folds Kosovo into 345 before 2008 to match the legacy series", () => {
    expect(ad(yearly, 347, 1999)).toBe(6410);
    expect(ad(yearly, 345, 1999)).toBe(0);
    const folded = foldKosovoIntoSerbia(yearly);
    expect(ad(folded, 345, 1999)).toBe(6410);
    expect(ad(folded, 345, 2000)).toBe(5427);
    expect(folded.some((r) => r.ccode === 347 && r.year < 2008)).toBe(false);
    expect(ad(folded, 347, 2008)).toBe(1);
    expect(ad(folded, 345, 2008)).toBe(13);
    expect(folded).toHaveLength(yearly.length - yearly.filter((r) => r.ccode === 347 && r.year < 2008).length);
  });

  it("creates a 345 row when a year has only Kosovo", () => {
    const only: UsTroopsRebuildYear[] = [{ ccode: 347, country: "Kosovo", year: 2001, troopsAd: 5, troopsAll: 6, reports: 1, isState: true }];
    expect(foldKosovoIntoSerbia(only)).toEqual([{ ccode: 345, country: "Serbia", year: 2001, troopsAd: 5, troopsAll: 6, reports: 1, isState: true }]);
  });
});

describe("parseUsTroopsRebuild on malformed copies", () => {
  it("names text in a numeric column", () => {
    expect(() => parseUsTroopsRebuild(setCell(text, 5096, "troops_all", "lots"))).toThrow(
      `${F} line 5096, column troops_all: expected a number, got "lots"`,
    );
  });
  it("names an unknown month and a quarter that does not match it", () => {
    expect(() => parseUsTroopsRebuild(setCell(text, 5096, "month", "Sept"))).toThrow(
      `${F} line 5096, column month: expected March/June/September/December, got "Sept"`,
    );
    expect(() => parseUsTroopsRebuild(setCell(text, 5096, "quarter", "2"))).toThrow(
      `${F} line 5096, column quarter: expected 3 (the quarter of September), got "2"`,
    );
  });
  it("names a renamed column", () => {
    const bad = renameColumn(text, "troops_ad", "troops");
    expect(() => parseUsTroopsRebuild(bad)).toThrow(
      `${F} line 1, column troops_ad: expected a column named "troops_ad" in the header, got columns ${headerList(bad)}`,
    );
  });
  it("names a truncated line", () => {
    expect(() => parseUsTroopsRebuild(truncateLine(text, 5096))).toThrow(
      `${F} line 5096: expected 30 fields as in the header, got 29`,
    );
  });
  it("rejects a duplicate host-report", () => {
    expect(() => parseUsTroopsRebuild(setCell(setCell(text, 5116, "month", "December"), 5116, "quarter", "4"))).toThrow(
      `${F} line 5116, column ccode: expected one row per (ccode, year, quarter), got a second row for ccode 255 in 2015 Q4 (first on line 5115)`,
    );
  });
});
