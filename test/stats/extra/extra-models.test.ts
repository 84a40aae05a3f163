import { describe, expect, test } from "vitest";
import { fit, fitDetailed, type FitOptions } from "../../../src/stats/index.js";
import { indexLevels } from "../../../src/stats/formula/frame-impl.js";
import type { KernelFit } from "../../../src/stats/kernel.js";
import { clusterSums, sandwich } from "../../../src/stats/vcov/sandwich.js";
import { crossprod, type Matrix } from "../../../src/stats/linalg/matrix.js";
import type { ModelKind } from "../../../src/stats/results.js";
import { checkResults, relDiff } from "../../util/check-results.js";
import { REF, dataset, refCase, type ExtraCase } from "./reference.js";

/** How each reference case is requested through fit(): logit/ols with `| fe` dispatch to clogit/feols. */
function optionsFor(c: ExtraCase): FitOptions {
  const model: ModelKind = c.model === "clogit" ? "logit" : c.model === "feols" ? "ols" : c.model;
  const extra = c.tau ? { tau: c.tau, correction: c.correction } : undefined;
  return { model, vcov: c.vcov, extra };
}

/**
 * Cases whose small-sample factor needs more than scores.rows / scores.cols: feols HC1 and
 * CR1 use the dummy lm's K = n - dfResidual; clogit CR1 counts only rows and clusters of
 * groups whose outcome varies. Besides fit(), their SEs are recomputed below from the
 * kernel output with those factors written out, independently of src/stats/vcov.
 */
function needsModelDf(c: ExtraCase): boolean {
  return (c.model === "feols" && (c.vcov === "hc1" || c.vcov.startsWith("cluster"))) || (c.model === "clogit" && c.vcov.startsWith("cluster"));
}

const cases = REF.cases.filter((c) => c.se !== undefined);

describe("extra estimators through fit() against R (scripts/reference/glm_extra.R)", () => {
  test.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const r = fit(c.formula, dataset(c.dataset), optionsFor(c));
    expect(r.model).toBe(c.model);
    const loglik = c.model === "relogit" ? undefined : c.loglik;
    const nobs = c.model === "clogit" ? undefined : c.nobs;
    checkResults(r, { ...c, loglik, nobs });
    if (c.model === "firth") {
      // Ordinary log-likelihood (brglm2's logLik) with AIC on it; the penalized one beside it, named.
      expect(Math.abs((r.glance.loglik_penalized as number) / (c.penalized_loglik as number) - 1)).toBeLessThan(1e-8);
      expect(Math.abs((r.glance.aic as number) - (-2 * (c.loglik as number) + 2 * r.terms.length))).toBeLessThan(1e-6);
    } else expect(r.glance.loglik_penalized).toBeNull();
    for (const v of Object.values(r.tidy[0])) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  });
});

/** CR1 with n = rows carrying information, k = n - dfResidual, G = clusters among those rows. */
function cr1(kf: KernelFit, ids: Int32Array, rowsUsed: Uint8Array): Matrix {
  const n = rowsUsed.reduce((s, u) => s + u, 0), k = n - kf.dfResidual;
  const used = new Map<number, number>();
  const cid = new Int32Array(ids.length);
  ids.forEach((g, i) => {
    if (!rowsUsed[i]) return;
    if (!used.has(g)) used.set(g, used.size);
    cid[i] = used.get(g) as number;
  });
  const G = used.size;
  const meat = crossprod(clusterSums(kf.scores, cid, G));
  const f = (G / (G - 1)) * ((n - 1) / (n - k));
  return sandwich(kf.bread, { ...meat, data: meat.data.map((v) => v * f) });
}

describe("feols HC1 / CR1 and clogit CR1 standard errors from the kernel output", () => {
  const special = cases.filter(needsModelDf);
  test.each(special.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const rows = dataset(c.dataset);
    const d = fitDetailed(c.formula, rows, { ...optionsFor(c), vcov: "classical" });
    const kf = d.kernelFit, n = kf.scores.rows;
    const used = new Uint8Array(n).fill(1);
    if (c.model === "clogit") {
      const fe = d.frame.fe[0];
      const sum = new Float64Array(fe.levels.length), cnt = new Float64Array(fe.levels.length);
      fe.ids.forEach((g, i) => ((sum[g] += d.frame.y[i]), (cnt[g] += 1)));
      fe.ids.forEach((g, i) => (used[i] = sum[g] > 0 && sum[g] < cnt[g] ? 1 : 0));
      expect(used.reduce((s, u) => s + u, 0)).toBe(c.nobs);
    }
    let V: Matrix;
    if (c.vcov === "hc1") {
      const meat = crossprod(kf.scores);
      V = sandwich(kf.bread, { ...meat, data: meat.data.map((v) => (v * n) / kf.dfResidual) });
    } else {
      const col = c.vcov.slice("cluster:".length);
      V = cr1(kf, indexLevels(col, Array.from(d.frame.rowIndex, (r) => String(rows[r][col]))).ids, used);
    }
    c.se.forEach((se, j) => expect(relDiff(Math.sqrt(V.data[j * V.cols + j]), se)).toBeLessThan(1e-5));
    if (c.df_residual !== undefined) expect(kf.dfResidual).toBe(c.df_residual);
  });
});

describe("conditional logit diagnostics", () => {
  test("groups without outcome variation are dropped with a typed, counted warning", () => {
    const c = refCase("clogit-panel-classical");
    const r = fit(c.formula, dataset("panel"), { model: "logit" });
    const w = r.warnings.filter((x) => x.type === "dropped-groups");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain(`${c.n_dropped_groups} g groups`);
    expect(w[0].message).toContain(`${(c as unknown as { n_dropped_rows: number }).n_dropped_rows} rows`);
  });

  test("no warning when every group varies (matched case-control sets)", () => {
    const r = fit("case ~ x1 + x2 | set", dataset("mcc"), { model: "logit" });
    expect(r.warnings.filter((x) => x.type === "dropped-groups")).toHaveLength(0);
  });

  test("enumerated robust SE in the reference equals survival's (one event per set)", () => {
    const mine = refCase("clogit-mcc-cluster-stratum_group").se_raw as readonly number[];
    const surv = refCase("clogit-mcc-survival-robust").se_raw as readonly number[];
    mine.forEach((v, j) => expect(relDiff(v, surv[j])).toBeLessThan(1e-6));
  });
});

test("every reference case names its R and package versions", () => {
  expect(String(REF.source.R)).toMatch(/^R version 4\./);
  expect(Object.keys(REF.source.packages as object)).toEqual(expect.arrayContaining(["brglm2", "survival", "sandwich"]));
});
