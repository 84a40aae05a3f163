import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTipTiers, readTipTiers, type TipTierRow } from "../../src/sources/tip-tiers.js";
import { readHti } from "../../src/sources/hti.js";
import { DATA_DIR } from "../util/data.js";
import { headerList, renameColumn, setCell, truncateLine } from "../fixtures/sources-other/csv-edit.js";

let rows: TipTierRow[];
let text: string;

beforeAll(() => {
  rows = readTipTiers(DATA_DIR);
  text = readFileSync(join(DATA_DIR, "trafficking/tip_tiers_orig.csv"), "utf8");
});

describe("readTipTiers on the real file", () => {
  it("reads every country-year", () => {
    expect(rows).toHaveLength(3208);
    const count = (t: number | null) => rows.filter((r) => r.tier === t).length;
    expect([count(1), count(2), count(2.5), count(3), count(null)]).toEqual([387, 1113, 494, 257, 957]);
    expect(rows.filter((r) => r.watchList)).toHaveLength(494);
    expect(rows.filter((r) => r.year < 2001).every((r) => r.tier === null)).toBe(true);
  });

  it("trims labels and separates the Watch List", () => {
    const mne2004 = rows.find((r) => r.iso === "MNE" && r.year === 2004);
    expect(mne2004).toMatchObject({ ccode: 341, tierLabel: "Watchlist", tier: 2.5, watchList: true });
    const nzl = rows.find((r) => r.iso === "NZL" && r.year === 2010);
    expect(nzl).toMatchObject({ tierLabel: "Tier 1", tier: 1, watchList: false });
  });

  it("maps the non-standard Serbia and Kosovo codes", () => {
    const srb = rows.filter((r) => r.iso === "SRB");
    expect(new Set(srb.map((r) => r.ccode))).toEqual(new Set([345]));
    expect(srb.find((r) => r.year === 2015)?.ccodeRaw).toBeNull();
    const kos = rows.filter((r) => r.iso === "KOS");
    expect(new Set(kos.map((r) => r.ccode))).toEqual(new Set([347]));
    expect(rows.find((r) => r.iso === "HKG" && r.year === 2010)).toMatchObject({ ccode: null, ccodeRaw: 1000 });
    const keyed = rows.filter((r) => r.ccode !== null).map((r) => `${r.ccode} ${r.year}`);
    expect(new Set(keyed).size).toBe(keyed.length);
  });
});

describe("TIP tiers and HTI share the report-year key", () => {
  it("agree on the tier in all ranked HTI rows but Luxembourg 2011", () => {
    const tiers = new Map(rows.filter((r) => r.ccode !== null).map((r) => [`${r.ccode} ${r.year}`, r.tier]));
    const differ: string[] = [];
    let both = 0;
    for (const h of readHti(DATA_DIR)) {
      const t = tiers.get(`${h.ccode} ${h.year}`);
      if (t === undefined || t === null || h.tier === "Special Case") continue;
      both++;
      const asHti = t === 1 ? "Tier 1" : t === 3 ? "Tier 3" : "Tier 2/2 Watch List";
      if (asHti !== h.tier) differ.push(`${h.country} ${h.year}`);
    }
    // 1,493 since the HTI reader reads South Korea as 732 (two ranked reports more match the tier file).
    expect(both).toBe(1493);
    expect(differ).toEqual(["Luxembourg 2011"]);
  });
});

describe("parseTipTiers on malformed copies", () => {
  const F = "trafficking/tip_tiers_orig.csv";
  it("names an unknown tier label", () => {
    expect(() => parseTipTiers(setCell(text, 342, "tier", "Tier 2 Watch"))).toThrow(
      `${F} line 342, column tier: expected Tier 1/Tier 2/Watchlist/Tier 3, got "Tier 2 Watch"`,
    );
  });
  it("names text in a numeric column", () => {
    expect(() => parseTipTiers(setCell(text, 342, "ccode", "BIH"))).toThrow(
      `${F} line 342, column ccode: expected a number, got "BIH"`,
    );
  });
  it("names a renamed column", () => {
    const bad = renameColumn(text, "tier", "tier_label");
    expect(() => parseTipTiers(bad)).toThrow(
      `${F} line 1, column tier: expected a column named "tier" in the header, got columns ${headerList(bad)}`,
    );
  });
  it("names a truncated line", () => {
    expect(() => parseTipTiers(truncateLine(text, 342))).toThrow(
      `${F} line 342: expected 5 fields as in the header, got 4`,
    );
  });
  it("rejects a duplicate country-year", () => {
    expect(() => parseTipTiers(setCell(text, 343, "year", "2015"))).toThrow(
      `${F} line 343, column iso: expected one row per (iso, year), got a second row for BIH in 2015 (first on line 342)`,
    );
  });
});
