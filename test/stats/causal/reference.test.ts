import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mapCsv, parseCsv } from "../../../src/core/csv.js";
import { eventStudy } from "../../../src/stats/causal/event-study.js";
import { syntheticControl } from "../../../src/stats/causal/synthetic-control.js";

// Reference values written by scripts/reference/causal.R (quadprog for the weights,
// hand-computed Callaway-Sant'Anna group-time means for the event study).
const dir = join(import.meta.dirname, "../../fixtures/reference");
const ref = JSON.parse(readFileSync(join(dir, "causal.json"), "utf8")) as {
  synth: { weights: Record<string, number>; att: number; pre_rmspe: number; post_rmspe: number };
  event_study: { e: number; att: number }[];
};
const csv = (f: string) => parseCsv(readFileSync(join(dir, "data", f), "utf8"), { name: f });

describe("causal estimators against R", () => {
  it("synthetic-control weights, ATT and RMSPE match quadprog", () => {
    const rows = mapCsv(csv("synth.csv"), (r) => ({ unit: r.reqStr("unit"), year: r.reqInt("year"), y: r.reqNum("y") }));
    const units = [...new Set(rows.map((r) => r.unit))];
    const times = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const y = units.map((u) => times.map((t) => rows.find((r) => r.unit === u && r.year === t)!.y));
    const fit = syntheticControl({ units, times, y, treated: "T", treatmentTime: 2010 });
    for (const [unit, w] of Object.entries(ref.synth.weights)) {
      const mine = fit.weights.find((x) => x.unit === unit)?.weight ?? 0;
      expect(Math.abs(mine - w), unit).toBeLessThan(1e-6);
    }
    expect(fit.att).toBeCloseTo(ref.synth.att, 6);
    expect(fit.preRmspe).toBeCloseTo(ref.synth.pre_rmspe, 7);
    expect(fit.postRmspe).toBeCloseTo(ref.synth.post_rmspe, 6);
  });

  it("event-time effects match the hand computation in R", () => {
    const rows = mapCsv(csv("event_study.csv"), (r) => ({ unit: r.reqStr("unit"), time: r.reqInt("year"), y: r.num("y"), g: r.int("g") }));
    const adoption = new Map(rows.map((r) => [r.unit, r.g]));
    const res = eventStudy({ rows, adoption, window: [-4, 5], reps: 0, seed: 1 });
    expect(res.estimates.map((e) => e.e)).toEqual(ref.event_study.map((e) => e.e));
    for (const r of ref.event_study) {
      const mine = res.estimates.find((e) => e.e === r.e)!;
      expect(Math.abs(mine.att - r.att) / Math.max(1, Math.abs(r.att)), `e=${r.e}`).toBeLessThan(1e-10);
    }
  });
});
