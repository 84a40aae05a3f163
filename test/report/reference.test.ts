import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { SourceLoader } from "../../src/panel/index.js";
import { analysisCsv } from "../../src/report/panel-csv.js";
import { sha256 } from "../../src/sources/verify.js";
import { sampleFor } from "../../src/study/data.js";
import { studyFit } from "../../src/study/engine.js";
import { DEFAULT_OPTIONS } from "../../src/study/options.js";
import { studyPanel } from "../../src/study/real-panel.js";
import { ROBUSTNESS_VARIANTS, variantModel } from "../../src/study/robustness.js";
import { runStudy } from "../../src/study/run.js";
import { formulaOf } from "../../src/study/spec.js";
import type { ModelResults } from "../../src/stats/results.js";
import { DATA_DIR } from "../util/data.js";

interface RFit {
  terms: string[];
  coef: number[];
  se?: number[];
  loglik?: number;
  nobs?: number;
}
interface RRef {
  source: string;
  panel_sha256: string;
  models: Record<string, { formula: string; n_clusters: number; logit: RFit; probit: RFit; firth: RFit; clogit: RFit }>;
}

const FIXTURE = resolve(import.meta.dirname, "../fixtures/reference/study_models.json");
const SCRIPT = resolve(import.meta.dirname, "../../scripts/reference/study_models.R");

const variants = ROBUSTNESS_VARIANTS.filter((v) => ["probit", "firth", "clogit"].includes(v.id));
const loader = new SourceLoader(DATA_DIR);
const study = runStudy(DEFAULT_OPTIONS, { fit: studyFit, panel: (o) => studyPanel(DATA_DIR, o, loader) }, []);
const dir = mkdtempSync(join(tmpdir(), "pkt-study-ref-"));
const panelCsv = join(dir, "panel.csv");
const csvText = analysisCsv(study.rows);
writeFileSync(panelCsv, csvText);

/**
 * R's numbers for this panel: the committed fixture when the panel is the same, else R run
 * now. Without R (as in CI) a changed panel is a failure, so the fixture cannot go stale
 * silently: rerun `Rscript scripts/reference/study_models.R` and commit its JSON.
 */
function reference(): RRef {
  const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as RRef;
  if (fixture.panel_sha256 === sha256(Buffer.from(csvText))) return fixture;
  const out = join(dir, "study_models.json");
  const r = spawnSync("Rscript", [SCRIPT, panelCsv, out], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(
      `the study panel differs from the one in ${FIXTURE} (SHA-256 ${fixture.panel_sha256}) and Rscript could not recompute the reference: ` +
        `rerun scripts/reference/study_models.R (see its header) and commit the JSON`,
    );
  }
  return JSON.parse(readFileSync(out, "utf8")) as RRef;
}
const ref = reference();

function expectClose(actual: readonly number[], expected: readonly number[], rel: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    expect(Math.abs(a - e) / Math.max(Math.abs(e), 1e-8), `${what}[${i}]: ${a} vs R ${e}`).toBeLessThan(rel);
  });
}

function byTerm(r: ModelResults, terms: readonly string[], pick: (i: number) => number): number[] {
  return terms.map((t) => {
    const i = r.terms.indexOf(t);
    expect(i, `term ${t} in ${r.formula}`).toBeGreaterThanOrEqual(0);
    return pick(i);
  });
}

describe("the report's numbers equal R on the same panel.csv", () => {
  for (const m of study.models) {
    const id = m.spec.id;
    it(`${id} logit: coefficients (1e-6), clustered SEs (1e-5), log-likelihood, N and clusters equal glm + vcovCL(HC1)`, () => {
      const R = ref.models[id];
      expect(R.formula).toBe(m.formula);
      expectClose(byTerm(m.results, R.logit.terms, (i) => m.results.coef[i]), R.logit.coef, 1e-6, `${id} coef`);
      expectClose(byTerm(m.results, R.logit.terms, (i) => Math.sqrt(m.results.vcov[i][i])), R.logit.se!, 1e-5, `${id} se`);
      expect(m.results.glance.loglik).toBeCloseTo(R.logit.loglik!, 6);
      expect(m.results.glance.nobs).toBe(R.logit.nobs);
      expect(m.results.glance.n_clusters).toBe(R.n_clusters);
    });

    for (const v of variants) {
      it(`${id} ${v.id}: coefficients equal R${v.id === "probit" ? " (and clustered SEs)" : v.id === "clogit" ? " (and classical SEs)" : ""}`, () => {
        const spec = variantModel(v, m.spec);
        const r = studyFit(formulaOf(spec), sampleFor(spec, study.rows), { model: spec.estimator, vcov: spec.vcov });
        const R = ref.models[id][v.id as "probit" | "firth" | "clogit"];
        expectClose(byTerm(r, R.terms, (i) => r.coef[i]), R.coef, 1e-6, `${id} ${v.id} coef`);
        if (v.id !== "firth") expectClose(byTerm(r, R.terms, (i) => Math.sqrt(r.vcov[i][i])), R.se!, 1e-5, `${id} ${v.id} se`);
      });
    }
  }
});

describe("the report's numbers equal `pkt fit` on the written panel with the same formula", () => {
  for (const m of study.models) {
    it(`${m.spec.id}`, async () => {
      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      try {
        const code = await run(["node", "pkt", "fit", "--data", panelCsv, "--formula", m.formula, "--model", "logit", "--vcov", "cluster:ccode", "--json"]);
        expect(code).toBe(0);
        const out = JSON.parse(log.mock.calls.map((c) => String(c[0])).join("\n")) as { tidy: { term: string; estimate: number; std_error: number }[]; glance: { nobs: number } };
        expect(out.glance.nobs).toBe(m.results.glance.nobs);
        for (const t of m.results.tidy) {
          const row = out.tidy.find((x) => x.term === t.term)!;
          expect(row.estimate).toBe(t.estimate);
          expect(row.std_error).toBe(t.std_error);
        }
      } finally {
        log.mockRestore();
      }
    });
  }
});
