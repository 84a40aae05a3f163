import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planSpecs } from "../../src/multiverse/multiverse.js";
import { runMultiverse } from "../../src/multiverse/run.js";
import { concreteSpec } from "../../src/multiverse/spec-model.js";
import { SourceLoader } from "../../src/panel/index.js";
import { studyPanel } from "../../src/study/real-panel.js";
import { DATA_DIR } from "../util/data.js";

interface RefRow {
  index: number;
  claim: string;
  estimator: string;
  sample: string;
  formula: string;
  term: string;
  estimate: number;
  std_error: number;
  nobs: number;
  n_clusters: number;
}

// R fitted these rows on the panel variants `pkt panel build` wrote, deriving the study's
// columns and samples from the documented rules (scripts/reference/multiverse_rows.R).
const FIXTURE = new URL("../fixtures/reference/multiverse_rows.json", import.meta.url);
const ref = JSON.parse(readFileSync(FIXTURE, "utf8")) as { rows: RefRow[] };

describe.runIf(existsSync(DATA_DIR))("five multiverse rows against R on pkt panel build's panels", () => {
  const { planned } = planSpecs({ grid: "default" });
  const chosen = ref.rows.map((r) => planned.find((p) => p.index === r.index)!);
  const loader = new SourceLoader(DATA_DIR);
  const run = runMultiverse(chosen, { panel: (o) => studyPanel(DATA_DIR, o, loader) });

  it("the grid still maps each fixture index to the same specification", () => {
    ref.rows.forEach((r, i) => {
      expect(chosen[i].spec.claim).toBe(r.claim);
      expect(chosen[i].spec.choices.sample).toBe(r.sample);
      expect(concreteSpec(chosen[i].spec).formula).toBe(r.formula);
    });
  });

  it.each(ref.rows.map((r, i) => [r.index, r.estimator, i] as const))("row %i (%s): estimate, clustered SE, N and clusters equal R's", (_index, _est, i) => {
    const r = ref.rows[i];
    const got = run.results[i];
    expect(got.error).toBeNull();
    expect(got.term).toBe(r.term);
    expect(Math.abs(got.estimate! - r.estimate)).toBeLessThanOrEqual(1e-6 * Math.max(1e-3, Math.abs(r.estimate)));
    expect(Math.abs(got.std_error! - r.std_error)).toBeLessThanOrEqual(1e-6 * r.std_error);
    expect(got.nobs).toBe(r.nobs);
    expect(got.n_clusters).toBe(r.n_clusters);
  });
});
