import { describe, expect, it } from "vitest";
import { compareContributorSources } from "../../src/contributors/compare-sources.js";
import { SourceLoader } from "../../src/panel/pipeline.js";
import { DATA_DIR } from "../util/data.js";

describe("Geo-PKO against the IPI contributor file (2009-11 to 2014-02)", () => {
  it("overlaps on about 150 maps; what a map names IPI confirms, but maps miss the small contributors", () => {
    const a = compareContributorSources(new SourceLoader(DATA_DIR));
    expect(a.maps).toBe(149);
    expect(a.medianConfirmed).toBeGreaterThanOrEqual(0.9);
    expect(a.medianNamed).toBeLessThan(0.75);
    expect(a.medianTroopRatio).toBeGreaterThan(0.8);
    expect(a.medianTroopRatio).toBeLessThan(1.4);
    expect(a.mapsMissingLargest).toBeLessThanOrEqual(3);
  });
});
