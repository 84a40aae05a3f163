import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { htiSource, parseHti, readHti, type HtiRow } from "../../src/sources/hti.js";
import { sha256 } from "../../src/sources/verify.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const FILE = "trafficking/HTI.csv";
let rows: HtiRow[];
let text: string;

beforeAll(() => {
  rows = readHti(DATA_DIR);
  text = readFileSync(join(DATA_DIR, FILE), "latin1");
});

function pdestYesYears(ccode: number, country?: string): number[] {
  return rows
    .filter((r) => r.ccode === ccode && (country === undefined || r.country === country) && r.pdest === "Yes")
    .map((r) => r.year)
    .sort((a, b) => a - b);
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe("readHti on the real file", () => {
  it("reads South Korea's HTI code 730 as COW 732 and keeps the code as written", () => {
    const korea = rows.filter((r) => r.ccodeRaw === 730);
    expect(korea).toHaveLength(11);
    expect(korea.every((r) => r.ccode === 732)).toBe(true);
    expect(rows.some((r) => r.ccode === 730)).toBe(false);
    expect(rows.filter((r) => r.ccode !== r.ccodeRaw).length).toBe(11);
  });

  it("has one row per country-report and the years 2001-2011", () => {
    expect(rows).toHaveLength(1587);
    expect(new Set(rows.map((r) => `${r.ccode} ${r.year}`)).size).toBe(1587);
    expect(Math.min(...rows.map((r) => r.year))).toBe(2001);
    expect(Math.max(...rows.map((r) => r.year))).toBe(2011);
    expect(rows.filter((r) => r.year === 2001)).toHaveLength(82);
    expect(rows.filter((r) => r.year === 2011)).toHaveLength(179);
  });

  it("keeps labels, including the rare explicit No", () => {
    expect(rows.filter((r) => r.pdest === "Yes")).toHaveLength(1101);
    expect(rows.filter((r) => r.pdest === "No mention")).toHaveLength(485);
    expect(rows.filter((r) => r.pdest === "No")).toHaveLength(1);
    expect(rows.filter((r) => r.efforts === "2")).toHaveLength(191);
    expect(rows.filter((r) => r.tier === "Special Case")).toHaveLength(71);
  });

  it("matches the pdest facts in the data README", () => {
    expect(pdestYesYears(346)).toEqual(range(2001, 2011));
    expect(pdestYesYears(345, "Serbia and Montenegro")).toEqual(range(2001, 2006));
    expect(pdestYesYears(345, "Serbia")).toEqual(range(2007, 2011));
    expect(pdestYesYears(347)).toEqual(range(2008, 2011));
    expect(rows.filter((r) => r.ccode === 347).map((r) => r.year)).toEqual(range(2008, 2011));
    expect(pdestYesYears(41)).toEqual(range(2003, 2011));
    expect(pdestYesYears(451)).toEqual(range(2004, 2011));
    const nepal = rows.filter((r) => r.ccode === 790);
    expect(nepal).toHaveLength(11);
    expect(nepal.every((r) => r.pdest !== "Yes" && r.psource === "Yes")).toBe(true);
  });

  it("normalises duplicate spellings and keeps the raw name", () => {
    const names = (c: number) => new Set(rows.filter((r) => r.ccode === c).map((r) => r.country));
    expect(names(437)).toEqual(new Set(["Cote d'Ivoire"]));
    expect(names(411)).toEqual(new Set(["Equatorial Guinea"]));
    expect(new Set(rows.filter((r) => r.ccode === 411).map((r) => r.countryRaw))).toEqual(
      new Set(["Equatorial Guinea", "Equatorial Quinea"]),
    );
  });

  it("reads Bosnia 2001 in full", () => {
    const b = rows.find((r) => r.ccode === 346 && r.year === 2001);
    expect(b).toMatchObject({ country: "Bosnia", tier: "Tier 3", source: "No", transit: "Yes", pdest: "Yes" });
  });
});

describe("parseHti on malformed copies", () => {
  it("names a misspelt pdest label", () => {
    expect(() => parseHti(setCell(text, 485, "pdest", "Yse"))).toThrow(
      'trafficking/HTI.csv line 485, column pdest: expected Yes/No mention/No, got "Yse"',
    );
  });

  it("names an empty label", () => {
    expect(() => parseHti(setCell(text, 485, "ptransit", ""))).toThrow(
      "trafficking/HTI.csv line 485, column ptransit: expected Yes/No mention/No, got a missing value",
    );
  });

  it("names text in a numeric column", () => {
    expect(() => parseHti(setCell(text, 485, "year", "2001a"))).toThrow(
      'trafficking/HTI.csv line 485, column year: expected a number, got "2001a"',
    );
    expect(() => parseHti(setCell(text, 485, "prosnum", "many"))).toThrow(
      'trafficking/HTI.csv line 485, column prosnum: expected a number, got "many"',
    );
  });

  it("names a renamed column", () => {
    const bad = renameColumn(text, "pdest", "p_dest");
    expect(() => parseHti(bad)).toThrow(
      `trafficking/HTI.csv line 1, column pdest: expected a column named "pdest" in the header, got columns ${headerList(bad)}`,
    );
  });

  it("names a truncated line", () => {
    expect(() => parseHti(truncateLine(text, 485))).toThrow(
      "trafficking/HTI.csv line 485: expected 67 fields as in the header, got 66",
    );
  });

  it("rejects a second row for the same (ccode, year)", () => {
    expect(() => parseHti(setCell(text, 486, "year", "2001"))).toThrow(
      "trafficking/HTI.csv line 486, column ccode: expected one row per (ccode, year), got a second row for ccode 346 in 2001 (first on line 485)",
    );
  });

  it("rejects a year outside the TIP reports", () => {
    expect(() => parseHti(setCell(text, 485, "year", "1999"))).toThrow(
      'trafficking/HTI.csv line 485, column year: expected a TIP report year 2001-2011, got "1999"',
    );
  });

  it("reports a missing file by its path", () => {
    expect(() => readHti("/nonexistent")).toThrow(/trafficking\/HTI.csv: expected the file in \/nonexistent/);
  });
});

describe("readHti on a tampered copy", () => {
  it("names the file and both hashes", () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-hti-"));
    try {
      const bytes = readFileSync(join(DATA_DIR, FILE));
      bytes[100] ^= 1;
      mkdirSync(join(dir, "trafficking"));
      writeFileSync(join(dir, FILE), bytes);
      expect(() => readHti(dir)).toThrow(
        `trafficking/HTI.csv: expected SHA-256 ${htiSource.sha256}, got ${sha256(bytes)} (the file differs from the published one)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
