/**
 * The whole job, `pkt report` with the defaults: build the panel(s) from the raw files,
 * fit M1-M4 and the robustness checks, effects, findings, tables, figures (SVG + PNG),
 * report.md/html, written atomically. Measures (a) the CLI end to end as a user runs it
 * (`node bin/pkt.js report`, needs `npm run build`), wall seconds, target <= 10 s; (b) the
 * same in-process (cold, then warm), wall and CPU seconds by stage; then runs the R side
 * side by side: bench/panel_build.R (the panel with readr/dplyr) plus
 * scripts/reference/study_models.R (M1-M4 as logit, probit, Firth and clogit on our
 * panel.csv), and prints the ratio R / TypeScript. The R side does less (one panel, 16
 * fits, no effects, figures or report), so the ratio flatters R.
 *
 * Run: npm run bench -- report
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runReport } from "../src/report/run-report.js";
import { resolveDataDir } from "../src/sources/data-dir.js";
import { DEFAULT_OPTIONS } from "../src/study/options.js";

const DATA = resolveDataDir().path;
const WARM = Number(process.env.BENCH_WARM ?? 2);
const f2 = (x: number): string => x.toFixed(2);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const out = mkdtempSync(join(tmpdir(), "pkt-bench-report-"));
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on this machine (other processes share the cores)`);

let cliWall: number | null = null;
if (existsSync("dist/cli/main.js")) {
  const t = performance.now();
  const r = spawnSync("node", ["bin/pkt.js", "report", "--out", join(out, "cli"), "--quiet", "--data-dir", DATA], { encoding: "utf8" });
  cliWall = (performance.now() - t) / 1000;
  console.log(`pkt report (CLI, new process): ${f2(cliWall)} s wall${r.status === 0 ? "" : ` FAILED: ${r.stderr.trim().split("\n").pop()}`} (target <= 10 s)`);
} else {
  console.log("pkt report (CLI): dist/ missing, run `npm run build` first; measuring in-process only");
}

async function once(dir: string): Promise<{ wall: number; cpu: number; stages: string }> {
  const c0 = cpu();
  const w0 = performance.now();
  const r = await runReport({ dataDir: DATA, outDir: dir, options: DEFAULT_OPTIONS, version: "bench" });
  const t = r.timings;
  return { wall: (performance.now() - w0) / 1000, cpu: cpu() - c0, stages: `study ${f2(t.study / 1000)} s, render ${f2(t.render / 1000)} s, write ${f2(t.write / 1000)} s` };
}

const cold = await once(join(out, "cold"));
console.log(`in-process cold: ${f2(cold.wall)} s wall, ${f2(cold.cpu)} s CPU (${cold.stages})`);
const warm: number[] = [];
for (let i = 0; i < WARM; i++) {
  const w = await once(join(out, `warm${i}`));
  warm.push(w.wall);
  console.log(`in-process warm ${i + 1}: ${f2(w.wall)} s wall, ${f2(w.cpu)} s CPU (${w.stages})`);
}

const rPanel = spawnSync("Rscript", [resolve("bench/panel_build.R"), DATA], { encoding: "utf8" });
const rModels = spawnSync("Rscript", [resolve("scripts/reference/study_models.R"), join(out, "cold", "panel.csv"), "-"], { encoding: "utf8" });
if (rPanel.status !== 0 || rModels.status !== 0) {
  console.log(`R side failed: ${(rPanel.stderr + rModels.stderr).trim().split("\n").slice(-3).join(" | ")}`);
} else {
  const last = (s: string) => JSON.parse(s.trim().split("\n").pop() as string) as { wall_seconds: number; cpu_seconds: number };
  const p = last(rPanel.stdout);
  const m = last(rModels.stdout);
  const rWall = p.wall_seconds + m.wall_seconds;
  console.log(`R: panel ${f2(p.wall_seconds)} s + models ${f2(m.wall_seconds)} s = ${f2(rWall)} s wall (package loading excluded)`);
  console.log(`ratio R / TypeScript (wall): cold in-process ${(rWall / cold.wall).toFixed(2)}x${cliWall !== null ? `, CLI ${(rWall / cliWall).toFixed(2)}x` : ""}`);
}
rmSync(out, { recursive: true, force: true });
