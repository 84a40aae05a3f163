/**
 * The null bootstrap's refits (src/multiverse/null-inference.ts) on the real panel against an R
 * loop doing the same work: the 144 claim-1 logit specifications of one panel variant (IPI,
 * located, t-1), each refitted on outcomes simulated from its null model (the model without the
 * size term), starting from the null model's coefficients, with country-clustered (CR1) errors.
 * pkt runs `nullDraw` over BENCH_NULL_DRAWS draws (default 10) in one thread; R runs glm(start =)
 * + sandwich::vcovCL on as many simulated outcomes per specification (bench/null-bootstrap.R).
 * Prints refits per CPU second, the ratio, and what 500 draws x 1,000 specifications would take.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { multiverse } from "../src/multiverse/multiverse.js";
import { nullRefits, nullSpecOf, prepareNull } from "../src/multiverse/null-inference.js";
import { runMultiverse } from "../src/multiverse/run.js";
import { SourceLoader } from "../src/panel/index.js";
import { analysisCsv } from "../src/report/panel-csv.js";
import { prepareRows } from "../src/study/data.js";
import { DEFAULT_OPTIONS } from "../src/study/options.js";
import { studyPanel } from "../src/study/real-panel.js";

const ROOT = process.cwd();
const DATA = resolve(ROOT, "../shared/data");
if (!existsSync(DATA)) {
  console.log(`null-bootstrap bench: skipped, no data at ${DATA}`);
  process.exit(0);
}
const DRAWS = Number(process.env.BENCH_NULL_DRAWS ?? 10);
const loader = new SourceLoader(DATA);
const panel = studyPanel(DATA, DEFAULT_OPTIONS, loader);
const forks = { unSource: ["ipi"], multiHost: ["located"], reportAlignment: ["t-1"], estimator: ["logit"], inference: ["cluster"] };
const m = multiverse({ grid: "default", forks, claims: ["size"] }, { panel: () => panel });
const chosen = m.results.filter((x) => x.error === null);
const run = runMultiverse([], { panel: () => panel });
const pn = prepareNull(chosen.map((c) => nullSpecOf(c, run.sampleOf)));
nullRefits(pn, 1, 0); // warm-up
const u0 = process.cpuUsage();
const t0 = performance.now();
for (let b = 1; b <= DRAWS; b++) nullRefits(pn, 1, b);
const d = process.cpuUsage(u0);
const cpu = (d.user + d.system) / 1e6;
const refits = DRAWS * chosen.length;
const rate = refits / cpu;
console.log(`pkt: ${chosen.length} specifications x ${DRAWS} draws = ${refits} refits in ${cpu.toFixed(2)} CPU s (${rate.toFixed(0)} per CPU s; wall ${((performance.now() - t0) / 1000).toFixed(2)} s)`);
console.log(`500 draws x 1,000 specifications at this rate: ${((500 * 1000) / rate).toFixed(0)} CPU s, ${((500 * 1000) / rate / 2).toFixed(0)} s on 2 threads (target: 120 s)`);

const dir = resolve(ROOT, "out/bench");
mkdirSync(dir, { recursive: true });
const panelFile = resolve(dir, "null-panel.csv");
const specsFile = resolve(dir, "null-specs.csv");
writeFileSync(panelFile, analysisCsv(prepareRows(panel.rows, DEFAULT_OPTIONS)));
writeFileSync(specsFile, ["formula,term,year_from,exclude", ...chosen.map((x) => `"${x.formula}","${x.term}",${x.years[0]},"${x.exclude.join(" ")}"`)].join("\n") + "\n");

const r = spawnSync("Rscript", [resolve(ROOT, "bench/null-bootstrap.R"), panelFile, specsFile, String(DRAWS)], { encoding: "utf8" });
if (r.status !== 0) {
  console.log(`R: failed (${r.stderr.trim().split("\n").pop()})`);
} else {
  const j = JSON.parse(r.stdout) as { refits: number; cpu_seconds: number; R: string; sandwich: string };
  const rRate = j.refits / j.cpu_seconds;
  console.log(`R (${j.R}, sandwich ${j.sandwich}): ${j.refits} refits in ${j.cpu_seconds.toFixed(2)} CPU s (${rRate.toFixed(0)} per CPU s)`);
  console.log(`ratio pkt/R (refits per CPU second): ${(rate / rRate).toFixed(1)}x`);
}
console.log(`os load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
