import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadCountryCodes } from "../../src/codes/index.js";
import { DATA_DIR } from "../util/data.js";

const codes = loadCountryCodes(DATA_DIR);
const withIso = codes.cowStateYears(1990, 2019).filter((s) => s.iso3 !== null);

describe("round trips, 1990-2019", () => {
  test("cowToIso3 then iso3ToCow returns the COW code (property, seeded)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...withIso), (s) => {
        const iso = codes.cowToIso3(s.ccode, s.year);
        return iso !== null && codes.iso3ToCow(iso, s.year) === s.ccode;
      }),
      { seed: 20261122, numRuns: 2000 },
    );
  });

  test("... and exhaustively, for every state-year with an ISO-3", () => {
    const bad = withIso.filter((s) => codes.iso3ToCow(codes.cowToIso3(s.ccode, s.year)!, s.year) !== s.ccode);
    expect(bad).toEqual([]);
    expect(withIso.length).toBe(codes.cowStateYears(1990, 2019).length - 2);
  });

  test("the only 1990-2019 state-years without an ISO-3 are the losers of 1990", () => {
    const none = codes.cowStateYears(1990, 2019).filter((s) => s.iso3 === null).map((s) => `${s.ccode}/${s.year}`);
    expect(none).toEqual(["255/1990", "678/1990"]);
  });

  test("cowToGw then gwToCow returns the COW code, except the 1990 losers", () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes.cowStateYears(1990, 2019).filter((s) => s.gwcode !== null)), (s) => {
        const back = codes.gwToCow(codes.cowToGw(s.ccode, s.year)!, s.year);
        return back === s.ccode || (s.year === 1990 && (s.ccode === 255 || s.ccode === 678));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  test("arbitrary codes and years never throw, and unknowns are recorded", () => {
    const c = loadCountryCodes(DATA_DIR);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 2000 }), fc.integer({ min: 1800, max: 2030 }), (ccode, year) => {
        const iso = c.cowToIso3(ccode, year);
        return iso === null || c.isCowState(ccode, year);
      }),
      { seed: 11, numRuns: 500 },
    );
    c.clearReport();
  });
});

describe("state-years per year", () => {
  test("counts of COW state-years for selected years", () => {
    const count = (y: number): number => codes.cowStateYears(y, y).length;
    // 1990: 255, 260, 265, 678, 679, 680 all appear; 2011 adds South Sudan.
    // Counted independently (rows with a ccode in states/isard_cw_gw_panel.csv).
    expect([count(1989), count(1990), count(1991), count(2010), count(2011), count(2019)]).toEqual([161, 165, 177, 194, 195, 195]);
    expect(codes.cowStateYears(1990, 2019).length).toBe(5707);
    expect(codes.isCowState(626, 2010)).toBe(false);
    expect(codes.isCowState(626, 2011)).toBe(true);
  });

  test("loads fast once cached, and in well under a second cold", () => {
    const t0 = performance.now();
    loadCountryCodes(DATA_DIR);
    expect(performance.now() - t0).toBeLessThan(5);
  });
});
