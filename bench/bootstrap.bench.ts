/**
 * Cluster bootstrap of a country-clustered logit on data of the study's size
 * (test/fixtures/reference/data/extra_study.csv: 1,600 rows, 8 columns, 150 clusters),
 * 999 replicates on 1 and 2 worker threads, against R running the same loop
 * (scripts/reference/bootstrap_bench.R) side by side. Prints the ratios: R vs one thread
 * in CPU time (less distorted by other processes on shared cores), and 1 vs 2 threads in
 * wall-clock time (what threads can improve; only meaningful on idle cores).
 *
 * Run: npm run bench:bootstrap  (bundles this file and the worker with esbuild into out/bench/)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { fitDetailed } from "../src/stats/index.js";
import { bootstrapJobFromFit, clusterBootstrap } from "../src/stats/inference/bootstrap-node.js";

const ROOT = process.cwd();
const DATA = resolve(ROOT, "test/fixtures/reference/data/extra_study.csv");
const REPS = Number(process.env.BENCH_REPS ?? 999);
const FORMULA = "pdest ~ log1p(pko) + polity + lgdppc + lpop + conflict";

const rows = parse(readFileSync(DATA, "utf8"), { columns: true }) as Record<string, string>[];
const detail = fitDetailed(FORMULA, rows, { model: "logit", vcov: "cluster:ccode" });
const job = bootstrapJobFromFit(detail, rows, { cluster: "ccode", reps: REPS, seed: 1 });

async function timed(threads: number): Promise<{ seconds: number; cpu: number; se: readonly number[] }> {
  const t0 = performance.now(), c0 = process.cpuUsage();
  const r = await clusterBootstrap(job, { threads });
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, se: r.se };
}

await clusterBootstrap({ ...job, reps: 20 });
const one = await timed(1);
const two = await timed(2);
const same = one.se.every((s, j) => s === two.se[j]);
const r = spawnSync("Rscript", ["scripts/reference/bootstrap_bench.R", DATA, String(REPS)], { cwd: ROOT, encoding: "utf8" });
if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
const R = JSON.parse(r.stdout.trim()) as { seconds: number; cpu_seconds: number; se: number[] };

const load = (await import("node:os")).loadavg()[0];
console.log(`cluster bootstrap, logit, ${rows.length} rows, 150 clusters, ${REPS} replicates (load average ${load.toFixed(1)})`);
console.log(`  TypeScript, 1 thread : ${one.seconds.toFixed(2)} s wall, ${one.cpu.toFixed(2)} s CPU (${(REPS / one.cpu).toFixed(0)} replicates per CPU-second)`);
console.log(`  TypeScript, 2 threads: ${two.seconds.toFixed(2)} s wall, ${two.cpu.toFixed(2)} s CPU; identical SEs: ${same}`);
console.log(`  R glm loop           : ${R.seconds.toFixed(2)} s wall, ${R.cpu_seconds.toFixed(2)} s CPU (${(REPS / R.cpu_seconds).toFixed(0)} replicates per CPU-second)`);
console.log(`  ratio R / TS in CPU time (1 thread) = ${(R.cpu_seconds / one.cpu).toFixed(2)}`);
console.log(`  wall-clock speed-up of 2 threads over 1 = ${(one.seconds / two.seconds).toFixed(2)}`);
console.log(`  bootstrap SEs TS: ${one.se.map((s) => s.toFixed(4)).join(" ")}`);
console.log(`  bootstrap SEs R : ${R.se.map((s) => s.toFixed(4)).join(" ")} (different random draws)`);
