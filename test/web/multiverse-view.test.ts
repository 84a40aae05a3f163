/** The Multiverse view's helpers: filters, the summary line, the curve, and the browser's sample and fit against the runner. */
import { describe, expect, it } from "vitest";
import { FORKS, enumerateSpecs, selectOptions, type ForkSelection } from "../../src/multiverse/forks.js";
import { runMultiverse } from "../../src/multiverse/run.js";
import { fitModel } from "../../web/src/model/engine.js";
import { agrees, applyFilters, concreteOf, curveOf, decodeSpecs, forksPresent, specSample, summaryLine, tallyOf, type SpecPoint } from "../../web/src/model/multiverse.js";
import { syntheticPanel } from "../fixtures/study/synthetic-panel.js";

const PANEL = syntheticPanel();
const GRID: ForkSelection = {
  ...Object.fromEntries(FORKS.map((f) => [f.id, [f.options[0].id]])),
  controls: ["minimal", "paper"],
  time: ["trend", "year"],
  estimator: ["logit", "clogit", "lpm-fe"],
  inference: ["cluster"],
  sample: ["all", "no-balkans", "no-observer-only", "2003-2011"],
};

const point = (index: number, estimate: number | null, p: number, choices: Record<string, string>, kind = "logit"): SpecPoint => ({
  index, choices, estimate, std_error: estimate === null ? null : 0.1, p_value: estimate === null ? null : p,
  conf_low: null, conf_high: null, nobs: 10, kind, error: estimate === null ? "failed" : null,
});

describe("Multiverse view helpers", () => {
  const rows = [
    point(1, 0.3, 0.01, { estimator: "logit", sample: "all" }),
    point(2, -0.2, 0.02, { estimator: "logit", sample: "no-balkans" }),
    point(3, 0.1, 0.5, { estimator: "clogit", sample: "all" }, "clogit"),
    point(4, 0.01, 0.001, { estimator: "lpm-fe", sample: "all" }, "feols"),
    point(5, null, 1, { estimator: "clogit", sample: "no-balkans" }, "clogit"),
  ];

  it("decodes the API's choices (in the order of forks) into fork id -> option", () => {
    const [r] = decodeSpecs({ claim: "size", forks: ["estimator", "sample"], rows: [{ ...point(1, 0.3, 0.01, {}), choices: ["clogit", "all"] }] });
    expect(r.choices).toEqual({ estimator: "clogit", sample: "all" });
    expect(r.estimate).toBe(0.3);
  });

  it("filters by fork option and finds the forks that vary", () => {
    expect(forksPresent(rows).map((f) => [f.id, f.options])).toEqual([["estimator", ["logit", "clogit", "lpm-fe"]], ["sample", ["all", "no-balkans"]]]);
    expect(applyFilters(rows, { estimator: "logit" }).map((r) => r.index)).toEqual([1, 2]);
    expect(applyFilters(rows, { estimator: "", sample: "all" }).map((r) => r.index)).toEqual([1, 3, 4]);
  });

  it("says N of M, the shares over the estimated specifications and the medians", () => {
    expect(summaryLine(tallyOf(rows, 5))).toBe("5 of 5 specifications (1 not estimated); 50.0% positive and p < 0.05, 25.0% negative and p < 0.05; median estimate 0.055, median z 0.55.");
    expect(summaryLine(tallyOf([], 5))).toBe("0 of 5 specifications; n/a positive and p < 0.05, n/a negative and p < 0.05; median estimate n/a, median z n/a.");
  });

  it("ranks the log-odds estimates and counts the ones on another scale", () => {
    const c = curveOf(rows);
    expect(c.scale).toBe("log-odds");
    expect(c.ranked.map((r) => r.index)).toEqual([2, 3, 1]);
    expect(c.otherScale).toBe(1);
    expect(curveOf(applyFilters(rows, { estimator: "lpm-fe" })).scale).toBe("probability");
  });

  it("rebuilds each specification's sample from panel rows and fits it to the runner's estimate (logit, clogit, LPM-FE; every sample option)", () => {
    const specs = enumerateSpecs(selectOptions("default", GRID), ["size", "duration"]).map((spec, index) => ({ index, spec }));
    const { results } = runMultiverse(specs, { panel: () => ({ rows: PANEL, sources: [] }) });
    let worst = 0;
    for (const r of results.filter((x) => x.error === null)) {
      const cs = concreteOf(r);
      expect(cs.formula).toBe(r.formula);
      const { rows: sample, exclude } = specSample(cs, r.choices.sample, PANEL);
      expect(exclude).toEqual(r.exclude);
      const fitted = fitModel(cs.formula, sample, cs.kind, cs.vcov);
      const est = fitted.tidy.find((t) => t.term === r.term)!.estimate;
      worst = Math.max(worst, Math.abs(est - r.estimate!));
      expect(agrees(est, r.estimate!), `spec ${r.index}`).toBe(true);
      expect(fitted.glance.nobs).toBe(r.nobs);
    }
    expect(results.filter((x) => x.error === null).length).toBeGreaterThan(50);
    expect(worst).toBeLessThan(1e-9);
  });
});
