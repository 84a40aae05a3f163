import { describe, expect, test } from "vitest";
import { DataError, PktError } from "../../src/core/errors.js";
import { loadCountryCodes } from "../../src/codes/index.js";
import { DATA_DIR } from "../util/data.js";

const codes = loadCountryCodes(DATA_DIR);

describe("data README rules", () => {
  test("Serbia and Montenegro / Serbia are COW 345 = SRB", () => {
    expect(codes.iso3ToCow("SRB", 2005)).toBe(345);
    expect(codes.iso3ToCow("SRB", 2010)).toBe(345);
    expect(codes.cowToIso3(345, 1992)).toBe("SRB");
    expect(codes.cowToIso3(345, 2005)).toBe("SRB");
    expect(codes.cowToIso3(345, 2010)).toBe("SRB");
    expect(codes.cowToIso3(345, 1991)).toBe("YUG");
    expect(codes.iso3ToCow("SCG", 2005)).toBe(345);
    expect(codes.iso3ToCow("YUG", 1999)).toBe(345);
    expect(codes.iso3ToCow("SUN", 1989)).toBe(365);
    expect(codes.iso3ToCow("rus", 2000)).toBe(365);
  });

  test("Kosovo 347 = XKX from 2008, not a state before", () => {
    expect(codes.iso3ToCow("XKX", 2008)).toBe(347);
    expect(codes.cowToIso3(347, 2008)).toBe("XKX");
    expect(codes.iso3ToCow("XKX", 2007)).toBeNull();
    expect(codes.isCowState(347, 2007)).toBe(false);
    expect(codes.isCowState(347, 2008)).toBe(true);
    expect(codes.cowToIso3(347, 2007)).toBeNull();
    expect(codes.iso3ToCow("KSV", 2010)).toBe(347);
    expect(codes.iso3ToCow("KOS", 2010)).toBe(347);
  });

  test("Germany: DEU is 260 through 1990 and 255 from 1991; GDR = DDR", () => {
    expect(codes.iso3ToCow("DEU", 1990)).toBe(260);
    expect(codes.iso3ToCow("DEU", 1991)).toBe(255);
    expect(codes.iso3ToCow("DEU", 1980)).toBe(260);
    expect(codes.cowToIso3(260, 1990)).toBe("DEU");
    expect(codes.cowToIso3(255, 1991)).toBe("DEU");
    expect(codes.cowToIso3(255, 1990)).toBeNull();
    expect(codes.cowToIso3(265, 1990)).toBe("DDR");
    expect(codes.iso3ToCow("DDR", 1985)).toBe(265);
    for (const c of [255, 260, 265]) expect(codes.isCowState(c, 1990)).toBe(true);
    expect(codes.isCowState(260, 1991)).toBe(false);
    expect(codes.isCowState(265, 1991)).toBe(false);
  });

  test("Yemen: 678 = YEM to 1989, 679 = YEM from 1990, 680 = YMD", () => {
    expect(codes.cowToIso3(678, 1989)).toBe("YEM");
    expect(codes.cowToIso3(678, 1990)).toBeNull();
    expect(codes.cowToIso3(679, 1990)).toBe("YEM");
    expect(codes.cowToIso3(680, 1989)).toBe("YMD");
    expect(codes.iso3ToCow("YEM", 1989)).toBe(678);
    expect(codes.iso3ToCow("YEM", 1990)).toBe(679);
    expect(codes.iso3ToCow("YEM", 2010)).toBe(679);
  });

  test("Czechoslovakia CSK, South Vietnam none", () => {
    expect(codes.cowToIso3(315, 1990)).toBe("CSK");
    expect(codes.isCowState(315, 1993)).toBe(false);
    expect(codes.cowToIso3(316, 1993)).toBe("CZE");
    expect(codes.cowToIso3(817, 1970)).toBeNull();
    expect(codes.cowToIso3(816, 1970)).toBe("VNM");
  });

  test("Gleditsch-Ward: 340 (Serbia) -> 345, 260 -> 255 from 1991", () => {
    expect(codes.gwToCow(340, 2010)).toBe(345);
    expect(codes.gwToCow(340, 2006)).toBe(345);
    expect(codes.gwToCow(345, 2005)).toBe(345);
    expect(codes.gwToCow(340, 2005)).toBeNull();
    expect(codes.cowToGw(345, 2005)).toBe(345);
    expect(codes.cowToGw(345, 2006)).toBe(340);
    expect(codes.gwToCow(260, 1990)).toBe(260);
    expect(codes.gwToCow(260, 1991)).toBe(255);
    expect(codes.cowToGw(255, 2000)).toBe(260);
    expect(codes.gwToCow(678, 1990)).toBe(679);
    expect(codes.gwToCow(678, 2000)).toBe(679);
    expect(codes.cowToGw(347, 2010)).toBe(347);
  });

  test("transition years are listed", () => {
    expect(codes.transitions().map((t) => `${t.kind} ${t.code} ${t.year}: ${t.winner} over ${t.losers.join(",")}`)).toEqual([
      "gwcode 260 1990: 260 over 255",
      "gwcode 678 1990: 679 over 678",
      "iso3 DEU 1990: 260 over 255",
      "iso3 YEM 1990: 679 over 678",
    ]);
  });

  test("names", () => {
    expect(codes.cowName(345)).toBe("Yugoslavia");
    expect(codes.cowName(255, 2000)).toBe("Germany");
    expect(codes.cowName(260, 2000)).toBeNull();
    expect(codes.cowName(99999)).toBeNull();
  });
});

describe("state-years", () => {
  test("1990 holds 255, 260 and 265; counts by year", () => {
    const y1990 = codes.cowStateYears(1990, 1990).map((s) => s.ccode);
    expect(y1990).toEqual(expect.arrayContaining([255, 260, 265, 678, 679, 680]));
    const all = codes.cowStateYears(1990, 2019);
    expect(all.length).toBe(new Set(all.map((s) => `${s.ccode}:${s.year}`)).size);
    const sorted = [...all].sort((a, b) => a.ccode - b.ccode || a.year - b.year);
    expect(all).toEqual(sorted);
  });
});

describe("unknowns are reported, never dropped", () => {
  test("report and strict", () => {
    const c = loadCountryCodes(DATA_DIR);
    c.clearReport();
    expect(c.iso3ToCow("HKG", 2005)).toBeNull();
    expect(c.iso3ToCow("HKG", 2005)).toBeNull();
    expect(c.matchCountryName("Atlantis", 2005, { file: "x.csv", line: 3, column: "country" })).toBeNull();
    const report = c.report();
    expect(report.map((u) => [u.lookup, u.value, u.year, u.count])).toEqual([
      ["iso3ToCow", "HKG", 2005, 2],
      ["matchCountryName", "Atlantis", 2005, 1],
    ]);
    expect(report[1].where).toEqual({ file: "x.csv", line: 3, column: "country" });
    c.clearReport();
    expect(() => c.strict.matchCountryName("Atlantis", 2005, { file: "x.csv", line: 3, column: "country" })).toThrow(DataError);
    expect(() => c.strict.matchCountryName("Atlantis", 2005, { file: "x.csv", line: 3, column: "country" })).toThrow(
      'x.csv line 3, column country: expected a country name known to the crosswalk in 2005, got "Atlantis" ("Atlantis" is not a country name known to the crosswalk)',
    );
    expect(() => c.strict.cowToIso3(347, 2007)).toThrow(PktError);
    expect(() => c.strict.cowToIso3(347, 2007)).toThrow(
      'cowToIso3("347", 2007): expected a COW state with an ISO-3 code in 2007; COW 347 (Kosovo) is not a state in 2007 (member 2008-2025)',
    );
    expect(() => c.strict.iso3ToCow("XKX", 2007)).toThrow("XKX is not the ISO-3 of a COW state in 2007 (it is in 2008-2025)");
    expect(() => c.strict.iso3ToCow("HKG", 2007)).toThrow("HKG is not the ISO-3 of any COW state (a territory or non-member)");
    expect(() => c.strict.iso3ToCow("QQQ", 2007)).toThrow("QQQ is not an ISO-3 code known to the code list");
    expect(() => c.strict.gwToCow(340, 2005)).toThrow("GW 340 has no COW counterpart in 2005");
    expect(c.strict.iso3ToCow("SRB", 2010)).toBe(345);
    expect(c.report()).toEqual([]);
  });
});

test("failed lookups are cheap (the panel makes many)", () => {
  const c = loadCountryCodes(DATA_DIR);
  const t0 = performance.now();
  for (let i = 0; i < 20000; i++) {
    c.iso3ToCow("HKG", 1990 + (i % 30));
    c.cowToIso3(260, 1991 + (i % 20));
  }
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(c.report().find((u) => u.value === "HKG" && u.year === 1990)?.count).toBe(Math.ceil(20000 / 30));
  c.clearReport();
});

test("withOwnReport shares the tables, not the report", () => {
  const shared = loadCountryCodes(DATA_DIR);
  shared.clearReport();
  const own = shared.withOwnReport();
  expect(own.tables).toBe(shared.tables);
  expect(own.iso3ToCow("HKG", 2000)).toBeNull();
  expect(own.report().length).toBe(1);
  expect(shared.report()).toEqual([]);
});
