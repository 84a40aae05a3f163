import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePolicyIndex3p, readPolicyIndex3p, type PolicyIndex3pRow } from "../../src/sources/policy-index-3p.js";
import { readTipTiers } from "../../src/sources/tip-tiers.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

const F = "trafficking/policy_index_3p.csv";
let rows: PolicyIndex3pRow[];
let text: string;

beforeAll(() => {
  rows = readPolicyIndex3p(DATA_DIR);
  text = readFileSync(join(DATA_DIR, F), "utf8");
});

describe("readPolicyIndex3p on the real file", () => {
  it("reads every country-year", () => {
    expect(rows).toHaveLength(3021);
    expect(rows.filter((r) => r.p !== null)).toHaveLength(3021 - 896);
    expect(rows.filter((r) => r.tier === 2.5)).toHaveLength(450);
  });

  it("maps Serbia's cow 1003 to 345 and keeps the raw code", () => {
    const srb = rows.filter((r) => r.country === "Serbia");
    expect(srb.length).toBeGreaterThan(0);
    expect(srb.every((r) => r.ccode === 345 && r.cowRaw === 1003)).toBe(true);
    expect(rows.filter((r) => r.cowRaw === 1000 || r.cowRaw === 1002).every((r) => r.ccode === null)).toBe(true);
    const keyed = rows.filter((r) => r.ccode !== null).map((r) => `${r.ccode} ${r.year}`);
    expect(new Set(keyed).size).toBe(keyed.length);
  });

  it("is keyed by TIP report year: its tier equals the tier file's in every ranked row", () => {
    const tiers = new Map(readTipTiers(DATA_DIR).map((t) => [`${t.ccode} ${t.year}`, t.tier]));
    let both = 0;
    for (const r of rows) {
      const t = tiers.get(`${r.ccode} ${r.year}`);
      if (r.ccode === null || r.tier === null || t === undefined || t === null) continue;
      both++;
      expect(r.tier, `${r.country} ${r.year}`).toBe(t);
    }
    expect(both).toBe(2042);
  });

  it("reads Bosnia 2001 in full", () => {
    expect(rows.find((r) => r.ccode === 346 && r.year === 2001)).toEqual({
      country: "BosniaandHerz", year: 2001, ccode: 346, cowRaw: 346, iso: "BIH", tier: 3,
      p: 7, prosecution: 2, prevention: 2, protection: 3, inReport: true,
    });
  });
});

describe("parsePolicyIndex3p on malformed copies", () => {
  it("names a score out of range", () => {
    expect(() => parsePolicyIndex3p(setCell(text, 884, "prosecution", "6"))).toThrow(
      `${F} line 884, column prosecution: expected an integer 1-5 or NA, got "6"`,
    );
  });
  it("names a total that is not the sum of its parts", () => {
    expect(() => parsePolicyIndex3p(setCell(text, 884, "p", "8"))).toThrow(
      `${F} line 884, column p: expected the sum of the three components (7), got "8"`,
    );
  });
  it("names text in a numeric column and an unknown tier", () => {
    expect(() => parsePolicyIndex3p(setCell(text, 884, "protection", "high"))).toThrow(
      `${F} line 884, column protection: expected a number, got "high"`,
    );
    expect(() => parsePolicyIndex3p(setCell(text, 884, "tier", "4"))).toThrow(`${F} line 884, column tier: expected 1, 2, 2.5, 3 or NA, got "4"`);
  });
  it("names a renamed column", () => {
    const bad = renameColumn(text, "cow", "ccode");
    expect(() => parsePolicyIndex3p(bad)).toThrow(
      `${F} line 1, column cow: expected a column named "cow" in the header, got columns ${headerList(bad)}`,
    );
  });
  it("names a truncated line", () => {
    expect(() => parsePolicyIndex3p(truncateLine(text, 884))).toThrow(
      `${F} line 884: expected 15 fields as in the header, got 14`,
    );
  });
});
