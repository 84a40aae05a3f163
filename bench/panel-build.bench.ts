/**
 * Full build of the default country-year panel (1990-2019, every step) from the raw files:
 * reading and verifying each file, the country-code crosswalk, all add* steps and the
 * invariant checks (writing the outputs is measured separately). Measures (a) the cold
 * build, the first in this process (crosswalk not yet cached), and (b) warm builds (files
 * re-read, crosswalk cached), in wall and CPU seconds; then runs the readr/dplyr build in
 * bench/panel_build.R side by side, prints the ratio R / TypeScript and how many values of
 * shared columns agree. The R build implements version 0.1's rules (multi-host missions in
 * full in every host, report year t on calendar year t, contributors summed), so agreement is
 * measured on a TypeScript build with those options (`multiHost: "full"`, `reportAlignment:
 * "t"`, its `un_tcc_sum` against R's `un_tcc`); the new rules have their own base-R check
 * (scripts/reference/un_allocation_reference.R). Target: cold build <= 2 s.
 *
 * Run: npm run bench -- panel (bench/run.js bundles bench/*.bench.ts with esbuild).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { buildPanel } from "../src/panel/build.js";
import { toRows, type PanelRow } from "../src/panel/panel.js";
import { writePanel } from "../src/panel/write.js";
import { resolveDataDir } from "../src/sources/data-dir.js";

const DATA = resolveDataDir().path;
const WARM = Number(process.env.BENCH_WARM ?? 5);

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = cpuSeconds();
  const w0 = performance.now();
  const value = fn();
  return { value, wall: (performance.now() - w0) / 1000, cpu: cpuSeconds() - c0 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f2 = (x: number): string => x.toFixed(2);

const cold = timed(() => buildPanel(DATA));
const panel = cold.value;
const warm = Array.from({ length: WARM }, () => timed(() => buildPanel(DATA)));
const out = mkdtempSync(join(tmpdir(), "pkt-bench-panel-"));
const w0 = performance.now();
await writePanel(panel, out, "bench");
const writeSeconds = (performance.now() - w0) / 1000;

console.log(`panel: ${panel.nrows} rows x ${panel.columns.size} columns, data ${DATA}`);
console.log(`TypeScript cold build: ${f2(cold.wall)} s wall, ${f2(cold.cpu)} s CPU (target <= 2 s)`);
console.log(`TypeScript warm build: median ${f2(median(warm.map((w) => w.wall)))} s wall, ${f2(median(warm.map((w) => w.cpu)))} s CPU (${WARM} runs)`);
console.log(`write (csv, parquet, codebook, provenance): ${f2(writeSeconds)} s`);

const rCsv = join(out, "r_panel.csv");
const r = spawnSync("Rscript", [resolve("bench/panel_build.R"), DATA, rCsv], { encoding: "utf8" });
if (r.status !== 0) {
  console.log(`R build failed (status ${r.status}): ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
} else {
  const res = JSON.parse(r.stdout.trim().split("\n").pop() as string) as { wall_seconds: number; cpu_seconds: number; R: string; dplyr: string; readr: string };
  console.log(`R ${res.R}, dplyr ${res.dplyr}, readr ${res.readr}: ${f2(res.wall_seconds)} s wall, ${f2(res.cpu_seconds)} s CPU (package loading excluded)`);
  const warmWall = median(warm.map((w) => w.wall));
  const warmCpu = median(warm.map((w) => w.cpu));
  console.log(
    `ratio R / TypeScript, wall: ${(res.wall_seconds / cold.wall).toFixed(1)}x cold, ${(res.wall_seconds / warmWall).toFixed(1)}x warm; ` +
      `CPU (robust when other processes share the cores): ${(res.cpu_seconds / cold.cpu).toFixed(1)}x cold, ${(res.cpu_seconds / warmCpu).toFixed(1)}x warm`,
  );
  agreement(toRows(buildPanel(DATA, { multiHost: "full", reportAlignment: "t" })), parse(readFileSync(rCsv, "utf8"), { columns: true }) as Record<string, string>[]);
}
rmSync(out, { recursive: true, force: true });

/** Share of country-years on which the two builds give the same value (both missing counts as equal). */
function agreement(ts: PanelRow[], rRows: Record<string, string>[]): void {
  const byKey = new Map(rRows.map((x) => [`${x.ccode}:${x.year}`, x]));
  const cols = ["un_total", "un_peak", "un_tcc", "un_months", "nonun_total", "un_female_share", "pdest", "destination", "tip_tier", "p3_total", "us_troops", "gdppc", "polity2", "civil_conflict", "civil_war"];
  const parts: string[] = [];
  for (const c of cols) {
    let same = 0;
    for (const t of ts) {
      const rv = byKey.get(`${t.ccode}:${t.year}`)?.[c];
      const tv = c === "un_tcc" ? t.un_tcc_sum : t[c];
      const a = tv === null ? null : Number(tv);
      const b = rv === undefined || rv === "" || rv === "NA" ? null : Number(rv);
      if ((a === null && b === null) || (a !== null && b !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)))) same++;
    }
    parts.push(`${c} ${((100 * same) / ts.length).toFixed(1)}%`);
  }
  console.log(`agreement with the R build: ${parts.join(", ")}`);
}
