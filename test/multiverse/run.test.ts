import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { FORKS, enumerateSpecs, selectOptions, type ForkSelection } from "../../src/multiverse/forks.js";
import { multiverse, summaryJson } from "../../src/multiverse/multiverse.js";
import { runMultiverse, type MultiverseEngine } from "../../src/multiverse/run.js";
import { studyOptionsOf } from "../../src/multiverse/spec-model.js";
import { reproduceCommand, SPEC_COLUMNS, specsCsv, specsParquet } from "../../src/multiverse/specs-csv.js";
import { DuckDBInstance } from "@duckdb/node-api";
import { analysisCsv } from "../../src/report/panel-csv.js";
import { prepareRows } from "../../src/study/data.js";
import { DEFAULT_OPTIONS } from "../../src/study/options.js";
import { keyTermOf, runStudy } from "../../src/study/run.js";
import { syntheticPanel } from "../fixtures/study/synthetic-panel.js";
import { syntheticEngine } from "../study/helpers.js";

const PANEL = syntheticPanel();

function engine(): MultiverseEngine & { calls: number } {
  const e = { calls: 0, panel: () => (e.calls++, { rows: PANEL, sources: ["synthetic"] }) };
  return e;
}

/** The study's default choice in every fork: one specification per claim. */
const DEFAULTS: ForkSelection = { ...Object.fromEntries(FORKS.map((f) => [f.id, [f.options[0].id]])), controls: ["paper"], time: ["trend"] };

/** A small grid over the model, estimator, inference and sample forks. */
const SMALL: ForkSelection = {
  ...DEFAULTS,
  time: ["trend", "year"],
  estimator: ["logit", "probit", "clogit", "lpm-fe"],
  inference: ["cluster", "hc1", "twoway"],
  sample: ["all", "no-balkans", "no-observer-only", "2003-2011"],
};

describe("runMultiverse on the synthetic panel", () => {
  it("gives runStudy's estimate and SE for the study's own specification of each claim", () => {
    const specs = enumerateSpecs(selectOptions("default", DEFAULTS));
    expect(specs.map((s) => s.claim)).toEqual(["size", "duration", "contributors", "placebo"]);
    const e = engine();
    const { results } = runMultiverse(specs.map((spec, index) => ({ index, spec })), e);
    const study = runStudy(DEFAULT_OPTIONS, syntheticEngine(), []);
    results.forEach((r, i) => {
      const m = study.models[i];
      const t = m.results.tidy.find((x) => x.term === keyTermOf(m.spec))!;
      expect(r.formula).toBe(m.formula);
      expect(r.term).toBe(t.term);
      expect(r.estimate).toBe(t.estimate);
      expect(r.std_error).toBe(t.std_error);
      expect(r.nobs).toBe(m.results.glance.nobs);
    });
    expect(e.calls).toBe(1);
  });

  it("builds each panel variant once across specifications", () => {
    const e = engine();
    const specs = enumerateSpecs(selectOptions("default", { ...SMALL, reportAlignment: ["t-1", "t"] }), ["size"]);
    const out = runMultiverse(specs.map((spec, index) => ({ index, spec })), e);
    expect(out.panels).toBe(2);
    expect(e.calls).toBe(2);
  });

  it("builds the panel over every report year even when the first specification samples fewer", () => {
    const seen: number[] = [];
    const e: MultiverseEngine = { panel: (o) => (seen.push(o.yearFrom), { rows: PANEL, sources: [] }) };
    const specs = enumerateSpecs(selectOptions("default", { ...DEFAULTS, sample: ["2003-2011", "all"] }), ["size"]);
    expect(specs[0].choices.sample).toBe("2003-2011");
    const out = runMultiverse(specs.map((spec, index) => ({ index, spec })), e);
    expect(seen).toEqual([2001]);
    expect(out.results.map((r) => r.years)).toEqual([[2003, 2011], [2001, 2011]]);
  });

  it("is deterministic: the same seed gives byte-identical specs.csv and summary.json", () => {
    const a = multiverse({ grid: "default", forks: SMALL, max: 30, seed: 11 }, engine());
    const b = multiverse({ grid: "default", forks: SMALL, max: 30, seed: 11 }, engine());
    expect(a.results).toHaveLength(30);
    expect(specsCsv(a.results)).toBe(specsCsv(b.results));
    expect(summaryJson(a, "test")).toBe(summaryJson(b, "test"));
    const c = multiverse({ grid: "default", forks: SMALL, max: 30, seed: 12 }, engine());
    expect(specsCsv(c.results)).not.toBe(specsCsv(a.results));
  });

  it("writes specs.parquet with the rows, columns and values of specs.csv, the same bytes every run", async () => {
    const a = multiverse({ grid: "default", forks: SMALL, max: 30, seed: 11 }, engine());
    const bytes = await specsParquet(a.results);
    expect(Buffer.from(await specsParquet(a.results)).equals(Buffer.from(bytes))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "pkt-mv-pq-"));
    try {
      const file = join(dir, "specs.parquet");
      writeFileSync(file, bytes);
      const db = await DuckDBInstance.create(":memory:");
      const con = await db.connect();
      const reader = await con.runAndReadAll(`SELECT * FROM read_parquet('${file}') ORDER BY "index"`);
      const rows = reader.getRowObjectsJS();
      con.closeSync();
      db.closeSync();
      expect(reader.columnNames()).toEqual([...SPEC_COLUMNS]);
      expect(rows).toHaveLength(30);
      const csv = specsCsv(a.results).trim().split("\n").slice(1);
      rows.forEach((row, i) => {
        const r = a.results[i];
        expect(Number(row.index)).toBe(r.index);
        expect(row.estimate).toBe(r.estimate);
        expect(row.std_error).toBe(r.std_error);
        expect(row.converged).toBe(r.converged);
        expect(row.reproduce).toBe(reproduceCommand(r));
        expect(csv[i].startsWith(`${r.index},${r.claim},`)).toBe(true);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("summarizes shares and a variance decomposition within [0, 1]", () => {
    const m = multiverse({ grid: "default", forks: SMALL, claims: ["size"] }, engine());
    const s = m.summary[0];
    expect(s.count).toBe(m.results.length);
    expect(s.by_fork.estimator.logit.count).toBe(m.results.filter((r) => r.choices.estimator === "logit").length);
    for (const v of s.variance) {
      expect(v.estimate).toBeGreaterThanOrEqual(0);
      expect(v.estimate).toBeLessThanOrEqual(1);
    }
    expect(s.variance.map((v) => v.fork).sort()).toEqual(["estimator", "inference", "sample", "time"]);
  });
});

describe("multiverse with the null bootstrap", () => {
  it("tests a seeded subset of claim 1's pooled specifications", () => {
    const m = multiverse({ grid: "default", forks: SMALL, claims: ["size"], nullDraws: 5, nullSpecs: 4, seed: 3 }, engine());
    expect(m.nullTest).not.toBeNull();
    expect(m.nullTest!.specs).toBe(4);
    expect(m.nullTest!.draws).toBe(5);
    expect(m.nullTest!.p_median).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(summaryJson(m, "test")).null_test.specs).toBe(4);
  });
});

describe("the reproduce column", () => {
  const dir = mkdtempSync(join(tmpdir(), "pkt-mv-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  /** Split a command the way a POSIX shell would for the quoting reproduceCommand uses. */
  function words(cmd: string): string[] {
    const out: string[] = [];
    for (const m of cmd.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) out.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]);
    return out;
  }

  it("pkt fit on the analysis rows gives the row's estimate and SE", async () => {
    const m = multiverse({ grid: "default", forks: SMALL, max: 24, seed: 5 }, engine());
    const rows = m.results.filter((r) => r.error === null);
    expect(rows.length).toBeGreaterThan(12);
    expect(rows.some((r) => r.exclude.length > 0)).toBe(true);
    for (const r of rows.slice(0, 12)) {
      const spec = { claim: r.claim, choices: r.choices };
      // What `pkt panel build --analysis` writes as analysis.csv for these options: the study's rows before listwise deletion.
      writeFileSync(join(dir, "analysis.csv"), analysisCsv(prepareRows(PANEL, studyOptionsOf(spec))));
      const cmd = reproduceCommand(r, { outDir: dir });
      const [build, fitCmd] = cmd.split(" && ");
      expect(build).toContain(`--analysis ${r.years[0]}-${r.years[1]}`);
      const out: string[] = [];
      vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
      const code = await run(["node", ...words(fitCmd)]);
      vi.restoreAllMocks();
      expect(code, fitCmd).toBe(0);
      const j = JSON.parse(out.join("\n")) as { tidy: { term: string; estimate: number; std_error: number }[]; glance: { nobs: number } };
      const t = j.tidy.find((x) => x.term === r.term)!;
      expect(t.estimate).toBeCloseTo(r.estimate!, 10);
      expect(t.std_error).toBeCloseTo(r.std_error!, 10);
      expect(j.glance.nobs).toBe(r.nobs);
    }
  });
});

describe("pkt multiverse: bad input", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it.each([
    [["--max", "0"], "pkt: --max: expected a whole number >= 1, got \"0\""],
    [["--seed", "x"], "pkt: --seed: expected a whole number, got \"x\""],
    [["--grid", "huge"], "pkt: --grid: expected default or full, got \"huge\""],
    [["--forks", "estimator=ols"], "pkt: --forks: fork estimator has no option \"ols\"; options: logit, probit, firth, relogit, clogit, lpm-fe"],
    [["--claims", "size,tcc"], "pkt: --claims: expected some of size, duration, contributors, placebo, got \"tcc\""],
  ])("%j -> one line naming the flag", async (args, message) => {
    const err: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
    const code = await run(["node", "pkt", "multiverse", "--out", join(tmpdir(), "pkt-mv-never"), ...args]);
    expect(code).toBe(1);
    expect(err).toEqual([message]);
  });
});
