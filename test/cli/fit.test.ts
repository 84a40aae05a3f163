import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";

const SIM1 = resolve(import.meta.dirname, "../fixtures/reference/data/sim1.csv");

function capture(): { out: string[]; err: string[] } {
  const out: string[] = [], err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("pkt fit", () => {
  it("--json prints exactly the documented keys", async () => {
    const { out } = capture();
    const code = await run(["node", "pkt", "fit", "--data", SIM1, "--formula", "y ~ x1 + x3", "--vcov", "cluster:g", "--json"]);
    expect(code).toBe(0);
    const j = JSON.parse(out.join("\n"));
    expect(Object.keys(j)).toEqual(["model", "formula", "vcov_type", "tidy", "glance", "warnings"]);
    expect(Object.keys(j.tidy[0])).toEqual(["term", "estimate", "std_error", "statistic", "p_value", "conf_low", "conf_high", "aliased"]);
    expect(Object.keys(j.glance)).toEqual(["nobs", "n_dropped_missing", "n_dropped_nan", "n_clusters", "loglik", "loglik_penalized", "aic", "bic", "converged", "iterations"]);
    expect(j.vcov_type).toBe("cluster:g");
    expect(j.glance.n_clusters).toBe(30);
  });

  it("prints a readable table by default", async () => {
    const { out } = capture();
    const code = await run(["node", "pkt", "fit", "--data", SIM1, "--formula", "yc ~ x1 + factor(region)", "--model", "ols", "--vcov", "hc1"]);
    expect(code).toBe(0);
    const text = out.join("\n");
    expect(text).toMatch(/^ols: yc ~ x1 \+ factor\(region\)/);
    expect(text).toMatch(/factor\(region\)b/);
    expect(text).toMatch(/t value/);
    expect(text).toMatch(/rows dropped for missing values/);
  });

  it("a formula error exits 1 with the caret message", async () => {
    const { err } = capture();
    const code = await run(["node", "pkt", "fit", "--data", SIM1, "--formula", "y ~ x1 +"]);
    expect(code).toBe(1);
    expect(err.join("\n")).toMatch(/character 9: expected a term/);
  });

  it("an unknown model is an option error", async () => {
    const { err } = capture();
    expect(await run(["node", "pkt", "fit", "--data", SIM1, "--formula", "y ~ x1", "--model", "tobit"])).toBe(1);
    expect(err.join("\n")).toMatch(/--model "tobit": expected one of/);
  });
});

describe("pkt fit on a wide design", () => {
  it("reports progress on stderr and suggests | g for a factor with many levels", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const lines = ["y,x,g"];
    for (let i = 0; i < 1200; i++) lines.push(`${(i * 7919) % 13 < 6 ? 1 : 0},${((i * 104729) % 1000) / 1000},g${i % 240}`);
    const file = join(mkdtempSync(join(tmpdir(), "pkt-wide-")), "wide.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const { out, err } = capture();
    expect(await run(["node", "pkt", "fit", "--data", file, "--formula", "y ~ x + factor(g)", "--model", "ols"])).toBe(0);
    expect(err.join("\n")).toBe("pkt fit: design of 1200 rows x 241 columns; checking rank and fitting ols (this can take a while)");
    expect(out.join("\n")).toContain('factor(g) adds 239 columns; writing "| g" instead absorbs it as fixed effects (the within estimator), which is much faster on wide designs');
  });
});
