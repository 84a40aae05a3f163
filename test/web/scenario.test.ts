/** The policy simulator's scenario checks: impossible scenarios and extrapolation, per input and jointly. */
import { describe, expect, it } from "vitest";
import { coverageOf, extrapolation, inconsistencies, type ScenarioInput } from "../../web/src/model/scenario.js";

const SIZE = "un_total";
const DUR: ScenarioInput = { col: "un_duration", label: "Years deployed", needsPersonnel: true };
const TCC: ScenarioInput = { col: "un_tcc", label: "Contributing countries", needsPersonnel: true, minWithPersonnel: 1 };
const INPUTS: ScenarioInput[] = [{ col: SIZE, label: "Personnel", needsPersonnel: false }, TCC];

/** Deployed rows where contributors grow with size (as they do), plus country-years without a mission. */
function rows(): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  for (let i = 0; i < 200; i++) {
    const size = Math.round(Math.expm1(2 + (8 * i) / 199)); // about 6 to 22,000
    out.push({ [SIZE]: size, un_tcc: Math.max(1, Math.round(4 * Math.log1p(size) - 8 + ((i * 7) % 5) - 2)) });
  }
  for (let i = 0; i < 300; i++) out.push({ [SIZE]: 0, un_tcc: 0 });
  return out;
}

describe("inconsistencies", () => {
  it("rejects contributors or years deployed without personnel (the issue's 0 personnel, 47 contributors)", () => {
    expect(inconsistencies({ [SIZE]: 0, un_tcc: 47 }, SIZE, INPUTS)).toEqual(["contributing countries is 47 with no personnel deployed"]);
    expect(inconsistencies({ [SIZE]: 0, un_duration: 4 }, SIZE, [INPUTS[0], DUR])).toHaveLength(1);
  });

  it("requires at least one contributor for a deployment, and accepts no mission at all", () => {
    expect(inconsistencies({ [SIZE]: 500, un_tcc: 0 }, SIZE, INPUTS)).toHaveLength(1);
    expect(inconsistencies({ [SIZE]: 0, un_tcc: 0 }, SIZE, INPUTS)).toEqual([]);
    expect(inconsistencies({ [SIZE]: 500, un_tcc: 10 }, SIZE, INPUTS)).toEqual([]);
    expect(inconsistencies({ [SIZE]: 500, un_duration: 0 }, SIZE, [INPUTS[0], DUR])).toEqual([]);
  });
});

describe("extrapolation", () => {
  const cov = coverageOf(rows(), SIZE, INPUTS);

  it("measures each input's range (moderators over deployed rows only)", () => {
    expect(cov.ranges[0]).toMatchObject({ col: SIZE, min: 0 });
    expect(cov.ranges[1].min).toBeGreaterThanOrEqual(1);
    expect(cov.nDeployed).toBe(200);
  });

  it("flags an input outside the data's range", () => {
    const far = extrapolation({ [SIZE]: 40000, un_tcc: 30 }, cov);
    expect(far).toHaveLength(1);
    expect(far[0]).toMatch(/^personnel 40,000 is above the largest in the data/);
    expect(extrapolation({ [SIZE]: 5000, un_tcc: 200 }, cov)[0]).toMatch(/contributing countries 200 is above/);
  });

  it("flags a combination no deployment came near, though each value is in range", () => {
    // A tiny deployment with the most contributors: both values occur, never together.
    const max = cov.ranges[1].max;
    const far = extrapolation({ [SIZE]: 10, un_tcc: max }, cov);
    expect(far).toHaveLength(1);
    expect(far[0]).toMatch(/this combination is farther from the deployments observed/);
  });

  it("accepts a typical deployment and the no-mission baseline", () => {
    expect(extrapolation({ [SIZE]: 1100, un_tcc: 20 }, cov)).toEqual([]);
    expect(extrapolation({ [SIZE]: 0, un_tcc: 0 }, cov)).toEqual([]);
  });
});
