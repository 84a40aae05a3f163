import { describe, expect, it } from "vitest";
import type { CaseResult } from "../../src/cases/analyse.js";
import { crossCaseRelation } from "../../src/cases/analyse.js";
import { relationSpec, placeLabels, timelineSpec } from "../../src/cases/figures.js";
import { deploymentOf, periodTable } from "../../src/cases/periods.js";
import type { TimelineYear } from "../../src/cases/timeline.js";

const years: TimelineYear[] = [2000, 2001, 2002, 2003].map((year, i) => ({
  year,
  unTotal: [0, 100, 300, 0][i],
  unTroops: [0, 80, 250, 0][i],
  nonUnTotal: [0, 50, 0, 0][i],
  nonUnByType: { nato: [0, 50, 0, 0][i], eu: 0, regional: 0, single_state: 0 },
  personnel: [0, 150, 300, 0][i],
  missions: [[], [{ mission: "UNX", org: "un", total: 100, troops: 80 }, { mission: "NATOF", org: "nato", total: 50, troops: null }], [{ mission: "UNX", org: "un", total: 300, troops: 250 }], []][i] as TimelineYear["missions"],
  usTroops: 10,
  pdest: [0, 1, 1, null][i],
  destination: [0, 1, 1, null][i],
  tipTier: [2, 2, 3, null][i],
  p3Total: [6, 7, null, 8][i],
  indicatorsFrom: 999,
}));
const py = years.map((y) => ({ year: y.year, personnel: y.personnel, values: { pdest: y.pdest, destination: y.destination, tipTier: y.tipTier, p3Total: y.p3Total } }));
const dep = deploymentOf(py);
const c: CaseResult = {
  country: { query: "X", ccode: 999, name: "Testland" },
  timeline: { country: { query: "X", ccode: 999, name: "Testland" }, years },
  deployment: dep,
  table: periodTable(py, dep, ["pdest", "destination", "tipTier", "p3Total"]),
  missions: [{ mission: "UNX", org: "un", peak: 300, first: 2001, last: 2002 }, { mission: "NATOF", org: "nato", peak: 50, first: 2001, last: 2001 }],
  notes: [],
};

type Layer = { data?: { values: Record<string, unknown>[] }; mark: { type: string } };

describe("timelineSpec", () => {
  const spec = timelineSpec(c) as { vconcat: { layer: Layer[] }[] };
  it("stacks each year's missions so the bars end at the year's total", () => {
    const bars = spec.vconcat[0].layer[0].data!.values as { year: number; y0: number; y1: number; mission: string }[];
    expect(bars.filter((b) => b.year === 2001).map((b) => [b.mission, b.y0, b.y1])).toEqual([["UNX (UN)", 0, 100], ["NATOF (NATO)", 100, 150]]);
    expect(bars.filter((b) => b.year === 2002).map((b) => b.y1)).toEqual([300]);
    expect(bars.some((b) => b.year === 2000 || b.year === 2003)).toBe(false);
  });
  it("marks the deployment's first and last year with rules between years", () => {
    const rules = spec.vconcat[0].layer.find((l) => l.mark.type === "rule")!.data!.values;
    expect(rules.map((r) => r.x)).toEqual([2000.5, 2002.5]);
  });
  it("shows missing indicator years as no data, not as 0", () => {
    const flags = spec.vconcat[1].layer[0].data!.values as { year: number; value: string }[];
    expect(flags.filter((f) => f.year === 2003).map((f) => f.value)).toEqual(["no data", "no data"]);
    const p3 = spec.vconcat[3].layer[0].data!.values as { year: number }[];
    expect(p3.map((v) => v.year)).toEqual([2000, 2001, 2003]);
  });
});

describe("relationSpec", () => {
  it("plots only hosts with a before and a during value, colouring the chosen cases", () => {
    const rel = crossCaseRelation([c]);
    const spec = relationSpec(rel, new Set([999])) as { vconcat: { hconcat: { layer: Layer[] }[] }[] };
    const pd = spec.vconcat[0].hconcat[0].layer.find((l) => l.mark.type === "point")!.data!.values;
    expect(pd).toEqual([{ country: "Testland", group: "chosen case", peak: 300, change: 1 }]);
  });
});

describe("placeLabels", () => {
  it("moves labels of nearby points apart so none overlap (Ivory Coast, Sudan, Mali, Haiti)", () => {
    const pts = [
      { country: "Ivory Coast", peak: 9000, change: 0.5 },
      { country: "Sudan", peak: 10000, change: 0.52 },
      { country: "Mali", peak: 11000, change: 0.49 },
      { country: "Haiti", peak: 9500, change: 0.51 },
    ];
    const x = (v: number) => (Math.log1p(v / 10) / Math.log1p(20000 / 10)) * 300;
    const y = (v: number) => 200 - v * 200;
    const labels = placeLabels(pts, x, y, (px) => (200 - px) / 200, 300);
    const boxes = labels.map((l) => {
      const w = l.country.length * 11 * 0.6;
      const px = x(l.peak);
      const x0 = l.align === "left" ? px + 6 : px - 6 - w;
      return { x0, x1: x0 + w, y: y(l.labelY) };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.x1 > b.x0 && a.x0 < b.x1 && Math.abs(a.y - b.y) < 11;
        expect(overlap, `${labels[i].country} and ${labels[j].country}`).toBe(false);
      }
    }
    expect(labels.filter((l) => l.moved).length).toBeGreaterThan(0);
  });
});
