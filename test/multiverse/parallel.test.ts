import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { multiverse } from "../../src/multiverse/multiverse.js";
import { multiverseParallel, shareByVariant } from "../../src/multiverse/parallel.js";
import { enumerateSpecs, selectOptions } from "../../src/multiverse/forks.js";
import { panelVariantKey } from "../../src/multiverse/run.js";
import { concreteSpec } from "../../src/multiverse/spec-model.js";
import { SourceLoader } from "../../src/panel/index.js";
import { studyPanel } from "../../src/study/real-panel.js";
import { DATA_DIR } from "../util/data.js";

describe("shareByVariant", () => {
  const specs = enumerateSpecs(selectOptions("default", { estimator: ["logit"], time: ["trend"], sample: ["all"] })).map((spec, index) => ({ index, spec }));
  const variantOf = (s: { spec: (typeof specs)[number]["spec"] }) => panelVariantKey(concreteSpec(s.spec).options);

  it("gives each panel variant to one share only, keeps every specification once, and balances the shares", () => {
    const shares = shareByVariant(specs, 2);
    expect(shares).toHaveLength(2);
    expect(shares.flat().map((s) => s.index).sort((a, b) => a - b)).toEqual(specs.map((s) => s.index));
    const [a, b] = shares.map((sh) => new Set(sh.map(variantOf)));
    expect([...a].filter((k) => b.has(k))).toEqual([]);
    const sizes = shares.map((s) => s.length);
    expect(Math.abs(sizes[0] - sizes[1])).toBeLessThanOrEqual(Math.max(...[...new Set(specs.map(variantOf))].map((k) => specs.filter((s) => variantOf(s) === k).length)));
    for (const sh of shares) expect(sh.map((s) => s.index)).toEqual([...sh.map((s) => s.index)].sort((x, y) => x - y));
  });

  it("uses fewer shares than threads when there are fewer variants", () => {
    const one = specs.filter((s) => variantOf(s) === variantOf(specs[0]));
    expect(shareByVariant(one, 4)).toHaveLength(1);
  });
});

// The compiled worker (npm run build, which npm ci runs) fits in the threads.
const workerUrl = new URL("../../dist/multiverse/worker.js", import.meta.url);
const canRun = existsSync(DATA_DIR) && existsSync(fileURLToPath(workerUrl));

describe.runIf(canRun)("multiverseParallel on the real data", () => {
  it("gives the same results as one thread", async () => {
    const req = { grid: "default" as const, forks: { multiHost: ["located", "hq"], estimator: ["logit", "lpm-fe"], time: ["trend"], controls: ["minimal"], sample: ["all", "no-balkans"] }, claims: ["size" as const, "placebo" as const] };
    const loader = new SourceLoader(DATA_DIR);
    const engine = { panel: (o: Parameters<typeof studyPanel>[1]) => studyPanel(DATA_DIR, o, loader) };
    const one = multiverse(req, engine);
    const two = await multiverseParallel(req, engine, { dataDir: DATA_DIR, threads: 2, workerUrl });
    expect(one.results.length).toBeGreaterThan(20);
    expect(two.results).toEqual(one.results);
    expect(two.summary).toEqual(one.summary);
    expect(two.panels).toBe(one.panels);
  }, 120_000);

  it("gives the null bootstrap of one thread, its draws split over the threads", async () => {
    const req = { grid: "default" as const, forks: { multiHost: ["located"], estimator: ["logit"], time: ["trend"], sample: ["all", "no-balkans"] }, claims: ["size" as const], nullDraws: 5, nullSpecs: 6, seed: 4 };
    const loader = new SourceLoader(DATA_DIR);
    const engine = { panel: (o: Parameters<typeof studyPanel>[1]) => studyPanel(DATA_DIR, o, loader) };
    const one = multiverse(req, engine);
    const two = await multiverseParallel(req, engine, { dataDir: DATA_DIR, threads: 2, workerUrl });
    expect(one.nullTest?.draws).toBe(5);
    expect(two.nullTest).toEqual(one.nullTest);
  }, 120_000);
});
