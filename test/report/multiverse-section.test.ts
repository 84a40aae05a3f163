import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reuseMultiverse, reuseSample, sampleRequest, sampleRun, whyNotReusable, type MultiverseDigest } from "../../src/multiverse/for-report.js";
import { requestJson } from "../../src/multiverse/multiverse.js";
import { shareInterval, type ClaimSummary, type Tally } from "../../src/multiverse/summary.js";
import { multiverseCardLine, multiverseSection, verdictFlips } from "../../src/report/multiverse-section.js";
import { sourceById } from "../../src/sources/registry.js";

const tally = (estimated: number, pos: number, neg = 0): Tally => ({
  count: estimated, estimated, share_positive_significant: pos / estimated, share_negative_significant: neg / estimated, median_estimate: 0.1, median_z: 1.2,
});

function claim(id: ClaimSummary["claim"], estimated: number, pos: number, byFork: ClaimSummary["by_fork"] = {}): ClaimSummary {
  const t = tally(estimated, pos);
  return { claim: id, model: "M1", title: `title ${id}`, ...t, share_supporting: id === "placebo" ? 1 - t.share_positive_significant! : t.share_positive_significant, by_fork: byFork, variance: [{ fork: "estimator", estimate: 0.5, z: 0.6 }] };
}

const summaryOf = (over: Record<string, unknown> = {}) => ({
  program: { name: "pkt", version: "9.9.9" },
  request: requestJson({ grid: "default" }),
  inputs: { data_sha256: { hti: sourceById("hti")!.sha256 } },
  grid: { total: 100, by_claim: { size: 40, duration: 30, contributors: 20, placebo: 10 } },
  fitted: 100,
  claims: [claim("size", 40, 30, { estimator: { logit: tally(20, 19), clogit: tally(20, 2) } }), claim("placebo", 10, 1)],
  ...over,
});

describe("shareInterval", () => {
  it("is the Wilson interval (R: prop.test(k, n, correct = FALSE))", () => {
    const [lo, hi] = shareInterval(3, 25)!;
    expect(lo).toBeCloseTo(0.041668171504, 10);
    expect(hi).toBeCloseTo(0.299557939209, 10);
    expect(shareInterval(25, 25)![0]).toBeCloseTo(0.866807749061, 10);
    expect(shareInterval(0, 0)).toBeNull();
  });
});

describe("reusing an earlier pkt multiverse run", () => {
  it("accepts only the full default grid of this program version with the registry's data hashes", () => {
    expect(whyNotReusable(summaryOf(), "9.9.9")).toBeNull();
    expect(whyNotReusable(summaryOf(), "1.0.0")).toBe("it was written by pkt 9.9.9, this is 1.0.0");
    expect(whyNotReusable(summaryOf({ request: requestJson({ grid: "default", max: 50, seed: 2 }) }), "9.9.9")).toBe("it was not the full default grid (max = 50)");
    expect(whyNotReusable(summaryOf({ request: requestJson({ grid: "default", forks: { estimator: ["logit"] } }) }), "9.9.9")).toMatch(/^it was not the full default grid \(forks = /);
    expect(whyNotReusable(summaryOf({ inputs: { data_sha256: { hti: "0".repeat(64) } } }), "9.9.9")).toMatch(/^its hti data \(SHA-256 000000000000\.\.\.\) is not the registry's/);
    expect(whyNotReusable(summaryOf({ inputs: undefined }), "9.9.9")).toBe("it does not record the hashes of its data files");
  });

  it("reads the run's summary and every file under it, and says why a stale run is not reused", () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-mv-reuse-"));
    expect(reuseMultiverse(dir, "9.9.9")).toEqual({ why: null });
    writeFileSync(join(dir, "summary.json"), JSON.stringify(summaryOf()));
    expect(reuseMultiverse(dir, "9.9.9")).toEqual({ why: `${join(dir, "specs.csv")} is missing` });
    writeFileSync(join(dir, "specs.csv"), "index,claim\n");
    mkdirSync(join(dir, "figures"));
    writeFileSync(join(dir, "figures", "curve-size.svg"), '<svg id="a"></svg>');
    const r = reuseMultiverse(dir, "9.9.9");
    expect("digest" in r).toBe(true);
    const d = (r as { digest: MultiverseDigest }).digest;
    expect(d.mode).toBe("reused");
    expect(d.files.map((f) => f.path).sort()).toEqual(["figures/curve-size.svg", "specs.csv", "summary.json"]);
    expect(d.curves).toEqual([{ claim: "size", svg: '<svg id="a"></svg>', narrow: null }]);
    expect(reuseMultiverse(dir, "1.0.0")).toEqual({ why: "it was written by pkt 9.9.9, this is 1.0.0" });
  });
});

describe("reusing the sample an earlier report fitted", () => {
  const sampleSummary = (over: Record<string, unknown> = {}) => summaryOf({ request: requestJson(sampleRequest(25, 1)), fitted: 100, ...over });

  it("accepts the same sample (specifications per claim, seed) of this version and these data only", () => {
    const want = sampleRun(25, 1);
    expect(whyNotReusable(sampleSummary(), "9.9.9", want)).toBeNull();
    expect(whyNotReusable(sampleSummary({ request: requestJson(sampleRequest(25, 2)) }), "9.9.9", want)).toBe("it was not this sample (seed = 2)");
    expect(whyNotReusable(sampleSummary({ request: requestJson(sampleRequest(10, 1)) }), "9.9.9", want)).toBe("it was not this sample (max = 10)");
    expect(whyNotReusable(summaryOf(), "9.9.9", want)).toBe("it was not this sample (max = null)");
    expect(whyNotReusable(sampleSummary(), "1.0.0", want)).toBe("it was written by pkt 9.9.9, this is 1.0.0");
    // The full grid check does not take a sample for the full grid.
    expect(whyNotReusable(sampleSummary(), "9.9.9")).toBe("it was not the full default grid (max = 25)");
  });

  it("reads its files as a sample digest that names where it came from; another request or version gives null", () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-mv-sample-"));
    const o = { perClaim: 25, seed: 1, notReused: null, link: "multiverse-sample/specs.csv" };
    expect(reuseSample(dir, "9.9.9", o)).toBeNull();
    writeFileSync(join(dir, "summary.json"), JSON.stringify(sampleSummary()));
    expect(reuseSample(dir, "9.9.9", o)).toBeNull();
    writeFileSync(join(dir, "specs.csv"), "index,claim\n");
    const d = reuseSample(dir, "9.9.9", o)!;
    expect(d.mode).toBe("sample");
    expect(d.reusedFrom).toBe(dir);
    expect(d.files.map((f) => f.path).sort()).toEqual(["specs.csv", "summary.json"]);
    expect(reuseSample(dir, "9.9.9", { ...o, seed: 2 })).toBeNull();
    expect(reuseSample(dir, "1.0.0", o)).toBeNull();
    const text = JSON.stringify(multiverseSection(d).blocks);
    expect(text).toContain(`fitted by an earlier report and reused from ${dir} because its program version, request and data hashes match`);
    expect(multiverseCardLine(d, "size")).toContain("specifications drawn at random");
  });
});

describe("the multiverse in the report", () => {
  const base = summaryOf();
  const reused: MultiverseDigest = { mode: "reused", reusedFrom: "out/multiverse", notReused: null, request: base.request, grid: base.grid, fitted: 100, claims: base.claims, curves: [], files: [], link: "multiverse/specs.csv" };
  const sample: MultiverseDigest = { ...reused, mode: "sample", reusedFrom: null, link: "multiverse-sample/specs.csv", request: requestJson({ grid: "default", max: 10, perClaim: true, seed: 1 }) };

  it("puts the share supporting on each card: whole-grid shares plainly, sampled ones with their interval", () => {
    expect(multiverseCardLine(reused, "size")).toBe("Across the multiverse: a positive estimate with p < 0.05 in 75% of 40 estimated specifications.");
    expect(multiverseCardLine(sample, "size")).toBe("Across the multiverse: a positive estimate with p < 0.05 in 30 of 40 specifications drawn at random from 40 (75%; 95% interval 60%-86%).");
    expect(multiverseCardLine(reused, "placebo")).toBe("Across the multiverse: no positive US-troop effect with p < 0.05 in 90% of 10 estimated specifications.");
    expect(multiverseCardLine(reused, "tcc")).toBeNull();
  });

  it("names the options under which the majority verdict turns", () => {
    expect(verdictFlips(base.claims[0])).toEqual(["Estimator = clogit: 10% of 20"]);
    expect(verdictFlips(base.claims[1])).toEqual([]);
  });

  it("says where the numbers come from and how to get the whole grid", () => {
    const s = multiverseSection(sample);
    const text = JSON.stringify(s.blocks);
    expect(s.id).toBe("multiverse");
    expect(text).toContain("pkt multiverse --out out/multiverse");
    expect(text).toContain("No earlier full run was found");
    expect(JSON.stringify(multiverseSection(reused).blocks)).toContain("reused from out/multiverse because its program version, request and data hashes match");
  });
});
