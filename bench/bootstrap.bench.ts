/**
 * Cluster bootstrap of a country-clustered logit on data of the study's size
 * (test/fixtures/reference/data/extra_study.csv: 1,600 rows, 8 columns, 150 clusters),
 * 999 replicates on 1 and 2 worker threads, against R running the same loop
 * (scripts/reference/bootstrap_bench.R) side by side. Prints the ratios.
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

async function timed(threads: number): Promise<{ seconds: number; se: readonly number[] }> {
  const t0 = performance.now();
  const r = await clusterBootstrap(job, { threads });
  return { seconds: (performance.now() - t0) / 1000, se: r.se };
}

await clusterBootstrap({ ...job, reps: 20 });
const one = await timed(1);
const two = await timed(2);
const same = one.se.every((s, j) => s === two.se[j]);
const r = spawnSync("Rscript", ["scripts/reference/bootstrap_bench.R", DATA, String(REPS)], { cwd: ROOT, encoding: "utf8" });
if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
const R = JSON.parse(r.stdout.trim()) as { seconds: number; se: number[] };

console.log(`cluster bootstrap, logit, ${rows.length} rows, 150 clusters, ${REPS} replicates`);
console.log(`  TypeScript, 1 thread : ${one.seconds.toFixed(2)} s (${(REPS / one.seconds).toFixed(0)} replicates/s)`);
console.log(`  TypeScript, 2 threads: ${two.seconds.toFixed(2)} s (${(REPS / two.seconds).toFixed(0)} replicates/s; identical SEs: ${same})`);
console.log(`  R glm loop           : ${R.seconds.toFixed(2)} s (${(REPS / R.seconds).toFixed(0)} replicates/s)`);
console.log(`  ratio R / TS (1 thread) = ${(R.seconds / one.seconds).toFixed(2)}, R / TS (2 threads) = ${(R.seconds / two.seconds).toFixed(2)}, 1 / 2 threads = ${(one.seconds / two.seconds).toFixed(2)}`);
console.log(`  bootstrap SEs TS: ${one.se.map((s) => s.toFixed(4)).join(" ")}`);
console.log(`  bootstrap SEs R : ${R.se.map((s) => s.toFixed(4)).join(" ")} (different random draws)`);
