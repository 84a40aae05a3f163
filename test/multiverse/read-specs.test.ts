import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORKS } from "../../src/multiverse/forks.js";
import { parseSpecsCsv, readMultiverseDir } from "../../src/multiverse/read-specs.js";
import type { SpecResult } from "../../src/multiverse/run.js";
import { specsCsv } from "../../src/multiverse/specs-csv.js";

const choices = (over: Record<string, string> = {}): Record<string, string> => ({
  ...Object.fromEntries(FORKS.map((f) => [f.id, f.options[0].id])),
  usTroops: "-", duration: "-", contributors: "-",
  ...over,
});

const result = (index: number, over: Partial<SpecResult> = {}): SpecResult => ({
  index, claim: "size", model: "M1", choices: choices(), term: "log1p(un_total)",
  formula: "pdest ~ log1p(un_total) + log(gdppc) + log(pop)", kind: "logit", vcov: "cluster:ccode",
  exclude: [], years: [2001, 2011],
  estimate: 0.1234567890123, std_error: 0.05, p_value: 0.0136, conf_low: 0.025, conf_high: 0.22,
  nobs: 1700, n_clusters: 180, converged: true, warnings: "", error: null,
  ...over,
});

describe("parseSpecsCsv", () => {
  it("reads what specsCsv writes: numbers, choices, exclusions, errors, reproduce", () => {
    const text = specsCsv([
      result(3),
      result(7, { choices: choices({ sample: "no-balkans" }), exclude: [343, 344, 345, 346, 347], warnings: "a, \"quoted\" warning" }),
      result(9, { estimate: null, std_error: null, p_value: null, conf_low: null, conf_high: null, nobs: null, n_clusters: null, converged: false, error: "singular information matrix" }),
    ]);
    const rows = parseSpecsCsv(text);
    expect(rows.map((r) => r.index)).toEqual([3, 7, 9]);
    expect(rows[0].estimate).toBe(0.1234567890123);
    expect(rows[0].choices.unSource).toBe("ipi");
    expect(rows[0].choices.duration).toBe("-");
    expect(rows[0].converged).toBe(true);
    expect(rows[0].reproduce).toMatch(/^pkt panel build .* --analysis \d{4}-\d{4} && pkt fit --data pkt-spec\/analysis.csv .*--model logit --vcov cluster:ccode --json$/);
    expect(rows[1].exclude).toEqual([343, 344, 345, 346, 347]);
    expect(rows[1].warnings).toBe('a, "quoted" warning');
    expect(rows[2].estimate).toBeNull();
    expect(rows[2].error).toBe("singular information matrix");
    expect(rows[2].converged).toBe(false);
  });

  it("names file, line and column of a bad value in one line", () => {
    const lines = specsCsv([result(1), result(2)]).split("\n");
    const header = lines[0].split(",");
    const bad = lines[2].split(",");
    bad[header.indexOf("estimator")] = "logti";
    const text = [lines[0], lines[1], bad.join(","), ""].join("\n");
    expect(() => parseSpecsCsv(text, "out/specs.csv")).toThrow(/^out\/specs\.csv line 3, column estimator: expected -\/logit\/probit\/firth\/relogit\/clogit\/lpm-fe, got "logti"$/);
    const num = lines[1].split(",");
    num[header.indexOf("estimate")] = "abc";
    expect(() => parseSpecsCsv([lines[0], num.join(","), ""].join("\n"), "specs.csv")).toThrow("specs.csv line 2, column estimate: expected a number, got \"abc\"");
  });

  it("names a missing column", () => {
    const lines = specsCsv([result(1)]).split("\n");
    const drop = (l: string) => l.split(",").filter((_, j) => j !== lines[0].split(",").indexOf("p_value")).join(",");
    expect(() => parseSpecsCsv([drop(lines[0]), ""].join("\n"), "specs.csv")).toThrow(/^specs\.csv line 1, column p_value: expected a column named "p_value" in the header/);
  });

  it("refuses a repeated index", () => {
    expect(() => parseSpecsCsv(specsCsv([result(4), result(4)]), "specs.csv")).toThrow(/specs\.csv line 3, column index: expected an index not already used \(line 2 has 4\)/);
  });
});

describe("readMultiverseDir", () => {
  it("reads specs.csv and summary.json; a missing file is named", () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-mv-"));
    try {
      expect(() => readMultiverseDir(dir)).toThrow(/specs\.csv: expected a readable file written by `pkt multiverse --out DIR`, got ENOENT/);
      writeFileSync(join(dir, "specs.csv"), specsCsv([result(1)]));
      writeFileSync(join(dir, "summary.json"), JSON.stringify({ claims: [], fitted: 1 }));
      const m = readMultiverseDir(dir);
      expect(m.specs).toHaveLength(1);
      expect(m.summary.fitted).toBe(1);
      writeFileSync(join(dir, "summary.json"), "{");
      expect(() => readMultiverseDir(dir)).toThrow(/summary\.json: expected JSON as `pkt multiverse` writes it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
