import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildCodeTables, CountryCodes } from "../../src/codes/index.js";
import { parseCountrycodeCodelist } from "../../src/sources/countrycode-codelist.js";
import { parseCowGwStateYear } from "../../src/sources/cow-gw-state-year.js";
import { parseCowSystem } from "../../src/sources/cow-system.js";

const dir = join(import.meta.dirname, "../fixtures/codes");
const read = (f: string): string => readFileSync(join(dir, f), "utf8");
const codes = new CountryCodes(
  buildCodeTables(
    parseCowGwStateYear(read("mini_panel.csv"), "mini_panel.csv"),
    parseCountrycodeCodelist(read("mini_codelist.csv"), "mini_codelist.csv"),
    parseCowSystem(read("mini_system.csv"), "mini_system.csv"),
  ),
);

describe("buildCodeTables on a synthetic state system", () => {
  test("a shared ISO-3 goes to the state that was a member longer that year", () => {
    // 2001: Aland 90 days (to 31 March), United Aland 275 days.
    expect(codes.iso3ToCow("ALN", 2001)).toBe(150);
    expect(codes.cowToIso3(100, 2001)).toBeNull();
    expect(codes.cowToIso3(100, 2000)).toBe("ALN");
    expect(codes.iso3ToCow("aln ", 2000)).toBe(100);
    expect(codes.gwToCow(100, 2001)).toBe(150);
    expect(codes.gwToCow(100, 2000)).toBe(100);
    expect(codes.transitions()).toEqual([
      { kind: "gwcode", code: "100", year: 2001, winner: 150, losers: [100] },
      { kind: "iso3", code: "ALN", year: 2001, winner: 150, losers: [100] },
    ]);
  });

  test("GW-only rows, states with no ISO-3, territories", () => {
    expect(codes.gwToCow(999, 2002)).toBeNull();
    expect(codes.cowToIso3(300, 2002)).toBeNull();
    expect(codes.cowToGw(300, 2002)).toBe(300);
    expect(codes.iso3ToCow("TLD", 2002)).toBeNull();
    expect(codes.matchCountryName("Tland")).toEqual({ ccode: null, iso3: "TLD", name: "Tland" });
    expect(codes.matchCountryName("Cland, Republic of")).toEqual({ ccode: 300, iso3: null, name: "Cland" });
    expect(codes.report().map((u) => `${u.lookup} ${u.value} ${u.year}: ${u.reason}`)).toEqual([
      "cowToIso3 100 2001: COW 100 (Aland) has no ISO-3 in 2001: ALN goes to COW 150, a member for more of that year",
      "cowToIso3 300 2002: COW 300 (Cland) has no ISO-3 code in the code list",
      "gwToCow 999 2002: GW 999 has no COW counterpart in 2002 (not a state that year, or a GW-only state)",
      "iso3ToCow TLD 2002: TLD is not the ISO-3 of any COW state (a territory or non-member)",
    ]);
  });

  test("state-years and names", () => {
    expect(codes.cowStateYears(2000, 2002).map((s) => `${s.ccode}/${s.year}/${s.iso3}`)).toEqual([
      "100/2000/ALN", "100/2001/null", "150/2001/ALN", "150/2002/ALN", "200/2001/BLN", "200/2002/BLN", "300/2002/null",
    ]);
    expect(codes.cowName(150)).toBe("United Aland");
    expect(codes.cowName(100, 2002)).toBeNull();
  });
});
