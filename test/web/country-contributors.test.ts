/** The country page's Geo-PKO cells: an unknown troop count is written as unknown or as a lower bound, never as 0. */
import { describe, expect, it } from "vitest";
import { geopkoCell, yearRanges } from "../../web/src/views/country-contributors.js";

describe("geopkoCell and yearRanges", () => {
  it("writes unknown, a lower bound or the count", () => {
    expect(geopkoCell(null, 3)).toBe("unknown");
    expect(geopkoCell(1234.4, 3)).toBe("≥ 1,234");
    expect(geopkoCell(1234.4, 0)).toBe("1,234");
    expect(geopkoCell(0, 0)).toBe("0");
  });

  it("joins years into ranges", () => {
    expect(yearRanges([1997, 1998, 1999, 2003, 2005, 2006])).toBe("1997–1999, 2003, 2005–2006");
    expect(yearRanges([2010])).toBe("2010");
    expect(yearRanges([])).toBe("");
  });
});
