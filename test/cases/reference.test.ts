import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCaseData } from "../../src/cases/data.js";
import { nonUnModels, nonUnRows, type NonUnModel } from "../../src/cases/nonun.js";
import { resolveOptions } from "../../src/study/options.js";
import { DATA_DIR } from "../util/data.js";

/**
 * R reference for the non-UN models: scripts/reference/cases_nonun.R run on the panel
 * written by `pkt panel build` (default options: report year t on calendar year t-1). When the panel's construction
 * changes, rebuild that panel and rerun the script (see its header).
 */
interface RFit { id: string; democracy: string; formula: string; nobs: number; n_clusters: number; terms: string[]; coef: number[]; se: number[] }
const ref = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/reference/cases_nonun.json"), "utf8")) as { source: { R: string }; fits: RFit[] };

let polity: NonUnModel[];
let vdem: NonUnModel[];
beforeAll(() => {
  const rows = nonUnRows(loadCaseData(DATA_DIR).rows);
  polity = nonUnModels(rows, resolveOptions({ democracy: "polity2" }));
  vdem = nonUnModels(rows);
});

describe(`non-UN models against R (${ref.source.R})`, () => {
  it.each(ref.fits.map((f) => [f.id, f.democracy, f] as const))("%s (%s): coefficients and clustered SEs", (id, dem, f) => {
    const m = (dem === "polity2" ? polity : vdem).find((x) => x.id === id)!;
    expect(m.formula).toBe(f.formula);
    expect(m.nobs).toBe(f.nobs);
    expect(m.results.glance.n_clusters).toBe(f.n_clusters);
    expect(m.results.terms).toEqual(f.terms);
    m.results.coef.forEach((b, i) => expect(Math.abs(b - f.coef[i])).toBeLessThan(1e-8 * Math.max(1, Math.abs(f.coef[i]))));
    m.results.tidy.forEach((t, i) => expect(Math.abs(t.std_error - f.se[i])).toBeLessThan(1e-8 * Math.max(1, f.se[i])));
  });
});
