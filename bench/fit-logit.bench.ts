/**
 * Logit with country-clustered standard errors on data of the study's size
 * (test/fixtures/reference/data/extra_study.csv: 1,600 rows, 8 columns, 150 clusters).
 * Measures fits per second on one core, (a) through the public fit() from row records
 * (formula parsing, model frame, IRLS, CR1 vcov, results) and (b) the kernel path on a
 * prebuilt design matrix; then runs R's glm + sandwich::vcovCL (bench/fit-logit.R) side
 * by side and prints the ratio. Target: >= 5,000 fits per second.
 *
 * Run: npm run bench (bench/run.js bundles bench/*.bench.ts with esbuild into out/bench/).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { fit, fitDetailed } from "../src/stats/index.js";
import { fitBinomialGlm } from "../src/stats/models/glm.js";
import { LOGIT } from "../src/stats/families.js";
import { vcovCluster } from "../src/stats/vcov/cluster.js";

const ROOT = process.cwd();
const DATA = resolve(ROOT, "test/fixtures/reference/data/extra_study.csv");
const FORMULA = "pdest ~ log1p(pko) + polity + lgdppc + lpop + conflict";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const R_REPS = Number(process.env.BENCH_R_REPS ?? 200);

// Typed once, as the panel delivers numbers (the CSV text-to-number step is not part of a fit).
const rows = (parse(readFileSync(DATA, "utf8"), { columns: true }) as Record<string, string>[]).map((r) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === "" || v === "NA" ? null : Number(v)])),
);
const detail = fitDetailed(FORMULA, rows, { model: "logit", vcov: "cluster:ccode" });
const { X } = detail;
const y = detail.frame.y;
const ids = new Map<string, number>();
const clusterIds = Int32Array.from(detail.frame.rowIndex, (r) => {
  const k = String(rows[r].ccode);
  if (!ids.has(k)) ids.set(k, ids.size);
  return ids.get(k) as number;
});
const clusters = [{ name: "ccode", ids: clusterIds, nLevels: ids.size }];

/** CPU seconds used by this process (user + system): robust to other processes sharing the cores. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function rate(label: string, once: () => unknown): number {
  for (let i = 0; i < 200; i++) once();
  let n = 0;
  const c0 = cpuSeconds();
  const w0 = performance.now();
  let c = c0;
  while (c - c0 < SECONDS) {
    for (let i = 0; i < 50; i++) once();
    n += 50;
    c = cpuSeconds();
  }
  const wall = (performance.now() - w0) / 1000;
  const perSecond = n / (c - c0);
  console.log(
    `${label.padEnd(52)} ${perSecond.toFixed(0).padStart(7)} fits per CPU-second (${((1e6 * (c - c0)) / n).toFixed(0)} us CPU per fit; wall ${(n / wall).toFixed(0)}/s)`,
  );
  return perSecond;
}

console.log(`data: ${DATA.replace(ROOT + "/", "")}, ${X.rows} rows, ${X.cols} coefficients, ${ids.size} clusters`);
const viaFit = rate("pkt fit() from numeric records, cluster:ccode", () => fit(FORMULA, rows, { model: "logit", vcov: "cluster:ccode" }));
const viaKernel = rate("pkt kernel (IRLS + CR1) on a prebuilt matrix", () => {
  const k = fitBinomialGlm({ y, X, fe: [] }, LOGIT);
  return vcovCluster({ fit: k, X, clusters });
});

const r = spawnSync("Rscript", [resolve(ROOT, "bench/fit-logit.R"), DATA, String(R_REPS)], { encoding: "utf8" });
if (r.status !== 0) {
  console.log(`R run failed: ${r.stderr}`);
} else {
  const out = JSON.parse(r.stdout.trim()) as { fits_per_second: number; fits_per_wall_second: number; se: number[]; R: string; sandwich: string };
  const se = detail.results.tidy.map((t) => t.std_error);
  const maxRel = Math.max(...se.map((s, j) => Math.abs(s - out.se[j]) / Math.abs(out.se[j])));
  console.log(
    `${`R glm + sandwich::vcovCL (R ${out.R.split(" ")[2]}, sandwich ${out.sandwich})`.padEnd(52)} ${out.fits_per_second.toFixed(0).padStart(7)} fits per CPU-second (wall ${out.fits_per_wall_second.toFixed(0)}/s)`,
  );
  console.log(`ratio pkt fit() / R: ${(viaFit / out.fits_per_second).toFixed(1)}x; kernel / R: ${(viaKernel / out.fits_per_second).toFixed(1)}x`);
  console.log(`clustered SEs, max relative difference pkt vs R: ${maxRel.toExponential(2)}`);
}
console.log(`target >= 5000 fits per CPU-second: fit() ${viaFit >= 5000 ? "met" : "NOT met"}, kernel ${viaKernel >= 5000 ? "met" : "NOT met"}`);
console.log(`os load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")} (timings are CPU time; wall rates suffer when the cores are shared)`);
