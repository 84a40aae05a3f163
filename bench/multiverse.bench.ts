/**
 * The multiverse runner on the real panel against an R loop (glm + sandwich::vcovCL) over
 * the same specifications: claim 1, logit with country-clustered errors, one panel variant
 * (IPI, located, t-1), every outcome, size, control set, time and sample option. Prints
 * CPU-time rates, the ratio, and the largest estimate and SE differences.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { multiverse } from "../src/multiverse/multiverse.js";
import { SourceLoader } from "../src/panel/index.js";
import { analysisCsv } from "../src/report/panel-csv.js";
import { prepareRows } from "../src/study/data.js";
import { DEFAULT_OPTIONS } from "../src/study/options.js";
import { studyPanel } from "../src/study/real-panel.js";

const ROOT = process.cwd();
const DATA = resolve(ROOT, "../shared/data");
if (!existsSync(DATA)) {
  console.log(`multiverse bench: skipped, no data at ${DATA}`);
  process.exit(0);
}
const loader = new SourceLoader(DATA);
const u0 = process.cpuUsage();
const panel = studyPanel(DATA, DEFAULT_OPTIONS, loader);
const panelCpu = cpuSince(u0);

function cpuSince(u: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(u);
  return (d.user + d.system) / 1e6;
}

const forks = { unSource: ["ipi"], multiHost: ["located"], reportAlignment: ["t-1"], estimator: ["logit"], inference: ["cluster"] };
const req = { grid: "default" as const, forks, claims: ["size" as const] };
multiverse(req, { panel: () => panel }); // warm-up
const u1 = process.cpuUsage();
const t1 = performance.now();
const m = multiverse(req, { panel: () => panel });
const cpu = cpuSince(u1);
const wall = (performance.now() - t1) / 1000;
const n = m.results.length;

const dir = resolve(ROOT, "out/bench");
mkdirSync(dir, { recursive: true });
const panelFile = resolve(dir, "multiverse-panel.csv");
const specsFile = resolve(dir, "multiverse-specs.csv");
writeFileSync(panelFile, analysisCsv(prepareRows(panel.rows, DEFAULT_OPTIONS)));
writeFileSync(specsFile, ["formula,term,year_from,exclude", ...m.results.map((r) => `"${r.formula}","${r.term}",${r.years[0]},"${r.exclude.join(" ")}"`)].join("\n") + "\n");
console.log(`pkt: ${n} claim-1 specifications (logit, CR1) in ${cpu.toFixed(2)} CPU s (${(n / cpu).toFixed(0)} per CPU s; wall ${wall.toFixed(2)} s); panel variant built in ${panelCpu.toFixed(2)} CPU s`);

const r = spawnSync("Rscript", [resolve(ROOT, "bench/multiverse.R"), panelFile, specsFile], { encoding: "utf8" });
if (r.status !== 0) {
  console.log(`R: failed (${r.stderr.trim().split("\n").pop()})`);
} else {
  const j = JSON.parse(r.stdout) as { specs: number; cpu_seconds: number; estimate: number[]; se: number[]; R: string; sandwich: string };
  let de = 0;
  let ds = 0;
  m.results.forEach((x, i) => {
    de = Math.max(de, Math.abs((x.estimate ?? NaN) - j.estimate[i]) / Math.max(1e-8, Math.abs(j.estimate[i])));
    ds = Math.max(ds, Math.abs((x.std_error ?? NaN) - j.se[i]) / j.se[i]);
  });
  console.log(`R (${j.R}, sandwich ${j.sandwich}): ${j.specs} in ${j.cpu_seconds.toFixed(2)} CPU s (${(j.specs / j.cpu_seconds).toFixed(0)} per CPU s)`);
  console.log(`ratio pkt/R (specifications per CPU second): ${((n / cpu) / (j.specs / j.cpu_seconds)).toFixed(1)}x; largest relative difference: estimate ${de.toExponential(1)}, SE ${ds.toExponential(1)}`);
}
console.log(`os load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
