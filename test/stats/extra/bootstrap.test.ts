import { describe, expect, test } from "vitest";
import { fit, fitDetailed } from "../../../src/stats/index.js";
import { bootstrapJobFromFit, clusterBootstrap, fitBootstrap } from "../../../src/stats/inference/bootstrap-node.js";
import { clusterMembers, resampleClusters } from "../../../src/stats/inference/bootstrap.js";
import { createRng } from "../../../src/stats/random.js";
import { dataset, refCase } from "./reference.js";
import { bootstrapWorkerUrl } from "./worker-bundle.js";

const FORMULA = "pdest ~ log1p(pko) + polity + lgdppc + lpop + conflict";

describe("seeded generator", () => {
  test("same seed and stream, same sequence; other streams and seeds differ", () => {
    const a = createRng(42, 7), b = createRng(42, 7), c = createRng(42, 8), d = createRng(43, 7);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
    expect(Array.from({ length: 5 }, () => d.nextUint32())).not.toEqual(sa);
  });

  test("nextInt is in range and roughly uniform; next is in [0, 1)", () => {
    const r = createRng(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) counts[r.nextInt(10)]++;
    for (const k of counts) expect(Math.abs(k - 2000)).toBeLessThan(200);
    for (let i = 0; i < 1000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
    expect(() => createRng(1.5)).toThrow(/integer/);
  });
});

describe("cluster bootstrap", () => {
  const rows = dataset("study");

  test("a resample draws whole clusters: G draws, each cluster's rows together", () => {
    const ids = Int32Array.from([0, 0, 1, 2, 2, 2]);
    const m = clusterMembers({ ids, nClusters: 3 });
    const s = resampleClusters(m, 5, 0);
    const byDraw = new Map<number, number[]>();
    s.draw.forEach((g, k) => byDraw.set(g, [...(byDraw.get(g) ?? []), s.rows[k]]));
    expect(byDraw.size).toBe(3);
    for (const rs of byDraw.values()) expect(m.some((mm) => mm.length === rs.length && mm.every((r, i) => r === rs[i]))).toBe(true);
  });

  test("same seed gives identical results; another seed does not", async () => {
    const d = fitDetailed(FORMULA, rows, { model: "logit" });
    const a = await clusterBootstrap(bootstrapJobFromFit(d, rows, { cluster: "ccode", reps: 50, seed: 11 }));
    const b = await clusterBootstrap(bootstrapJobFromFit(d, rows, { cluster: "ccode", reps: 50, seed: 11 }));
    const c = await clusterBootstrap(bootstrapJobFromFit(d, rows, { cluster: "ccode", reps: 50, seed: 12 }));
    expect(Array.from(b.draws)).toEqual(Array.from(a.draws));
    expect(Array.from(c.draws)).not.toEqual(Array.from(a.draws));
    expect(a.nFailed).toBe(0);
  });

  test("the result does not depend on the number of threads", async () => {
    const workerUrl = await bootstrapWorkerUrl();
    const d = fitDetailed(FORMULA, rows, { model: "logit" });
    const job = bootstrapJobFromFit(d, rows, { cluster: "ccode", reps: 40, seed: 2024 });
    const one = await clusterBootstrap(job, { threads: 1 });
    const two = await clusterBootstrap(job, { threads: 2, workerUrl });
    const three = await clusterBootstrap(job, { threads: 3, workerUrl });
    expect(Array.from(two.draws)).toEqual(Array.from(one.draws));
    expect(Array.from(three.draws)).toEqual(Array.from(one.draws));
    expect(two.se).toEqual(one.se);
  }, 60000);

  test("fit() with vcov bootstrap:ccode:REPS equals clusterBootstrap in one thread, and is near the CR1 SEs", async () => {
    const r = fit(FORMULA, rows, { model: "logit", vcov: "bootstrap:ccode:199", seed: 7 });
    expect(r.vcov_type).toBe("bootstrap:ccode:199");
    expect(r.glance.n_clusters).toBe(150);
    const d = fitDetailed(FORMULA, rows, { model: "logit" });
    const b = await clusterBootstrap(bootstrapJobFromFit(d, rows, { cluster: "ccode", reps: 199, seed: 7 }));
    r.tidy.forEach((t, j) => expect(t.std_error).toBeCloseTo(b.se[j], 12));
    const cl = fit(FORMULA, rows, { model: "logit", vcov: "cluster:ccode" });
    r.tidy.forEach((t, j) => expect(Math.abs(t.std_error / cl.tidy[j].std_error - 1)).toBeLessThan(0.2));
  }, 60000);

  test("fitBootstrap on 2 threads returns exactly what fit() with the bootstrap vcov returns", async () => {
    const workerUrl = await bootstrapWorkerUrl();
    const viaFit = fit(FORMULA, rows, { model: "firth", vcov: "bootstrap:ccode:40", seed: 5 });
    const threaded = await fitBootstrap(FORMULA, rows, { model: "firth", cluster: "ccode", reps: 40, seed: 5, threads: 2, workerUrl });
    expect(JSON.parse(JSON.stringify(threaded))).toEqual(JSON.parse(JSON.stringify(viaFit)));
  }, 60000);

  test("conditional logit: groups nested in clusters are relabelled per draw, so duplicates stay separate groups", async () => {
    const c = refCase("clogit-study-classical");
    const d = fitDetailed(c.formula, rows, { model: "logit" });
    const b = await clusterBootstrap(bootstrapJobFromFit(d, rows, { cluster: "ccode", reps: 30, seed: 3 }));
    expect(b.nOk).toBe(30);
    const cl = fit(c.formula, rows, { model: "logit", vcov: "cluster:ccode" });
    b.se.forEach((se, j) => expect(Math.abs(se / cl.tidy[j].std_error - 1)).toBeLessThan(0.5));
  }, 60000);
});
