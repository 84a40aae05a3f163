import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { OptionError } from "../core/errors.js";
import { SourceLoader } from "../panel/index.js";
import { CLAIMS, type ClaimId } from "../multiverse/forks.js";
import { multiverse, parseForks, writeMultiverse } from "../multiverse/multiverse.js";
import { defaultWorkerUrl, multiverseParallel } from "../multiverse/parallel.js";
import { resolveDataDir } from "../sources/data-dir.js";
import { studyPanel } from "../study/real-panel.js";
import { VERSION } from "./main.js";

interface MultiverseFlags {
  out: string;
  dataDir?: string;
  grid: string;
  forks?: string;
  claims?: string;
  max?: string;
  seed: string;
  nullDraws: string;
  nullSpecs: string;
  threads?: string;
  png: boolean;
  json?: boolean;
  quiet?: boolean;
}

function wholeNumber(flag: string, text: string, min?: number): number {
  const ok = /^\s*-?\d+\s*$/.test(text) && Number.isSafeInteger(Number(text)) && (min === undefined || Number(text) >= min);
  if (!ok) throw new OptionError(`${flag}: expected a whole number${min === undefined ? "" : ` >= ${min}`}, got ${JSON.stringify(text)}`);
  return Number(text);
}

function parseClaims(text: string | undefined): ClaimId[] | undefined {
  if (text === undefined) return undefined;
  const ids = CLAIMS.map((c) => c.id as string);
  const out = text.split(",").map((c) => c.trim()).filter((c) => c !== "");
  const bad = out.find((c) => !ids.includes(c));
  if (bad !== undefined || out.length === 0) throw new OptionError(`--claims: expected some of ${ids.join(", ")}, got ${JSON.stringify(bad ?? text)}`);
  return out as ClaimId[];
}

/** `pkt multiverse`: every defensible specification of the four claims, fitted and summarized. */
export function registerMultiverseCommand(program: Command): void {
  program
    .command("multiverse")
    .description("Fit every compatible specification of the four claims over the forks (docs/multiverse.md); write specs.csv, specs.parquet, summary.json and the specification curves.")
    .option("--out <dir>", "output directory", "out/multiverse")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--grid <g>", "default (the options marked default) or full (every option)", "default")
    .option("--forks <spec>", 'fork options replacing the grid\'s, e.g. "estimator=logit,probit;sample=all"')
    .option("--claims <list>", `claims to run: ${CLAIMS.map((c) => c.id).join(",")} (default all)`)
    .option("--max <n>", "fit at most n specifications, a seeded random subset of the grid")
    .option("--seed <s>", "seed of the --max subset", "1")
    .option("--null-draws <n>", "draws of the null bootstrap for claim 1 (Simonsohn et al. 2020); 0 = none", "0")
    .option("--null-specs <n>", "claim-1 specifications (logit, probit, Firth, rare-events) in the null bootstrap, a seeded subset", "200")
    .option("--threads <n>", "worker threads fitting the specifications (default: the machine's cores); the output is the same for any number")
    .option("--no-png", "skip the PNG copies of the figures")
    .option("--quiet", "no progress messages")
    .option("--json", "print the summary as JSON on stdout")
    .action(async (f: MultiverseFlags) => {
      if (f.grid !== "default" && f.grid !== "full") throw new OptionError(`--grid: expected default or full, got ${JSON.stringify(f.grid)}`);
      const req = {
        grid: f.grid as "default" | "full",
        forks: f.forks === undefined ? undefined : parseForks(f.forks),
        claims: parseClaims(f.claims),
        max: f.max === undefined ? undefined : wholeNumber("--max", f.max, 1),
        seed: wholeNumber("--seed", f.seed),
        nullDraws: wholeNumber("--null-draws", f.nullDraws, 0),
        nullSpecs: wholeNumber("--null-specs", f.nullSpecs, 1),
      };
      const dir = resolveDataDir(f.dataDir);
      const loader = new SourceLoader(dir.path);
      const say = f.quiet ? undefined : (s: string) => console.error(s);
      let lastShown = -Infinity;
      const threads = f.threads === undefined ? availableParallelism() : wholeNumber("--threads", f.threads, 1);
      const workerUrl = defaultWorkerUrl();
      const engine = {
        panel: (o: Parameters<typeof studyPanel>[1]) => studyPanel(dir.path, o, loader),
        progress: (p: { done: number; total: number; panels: number; elapsedMs: number }) => {
          if (say === undefined || (p.done < p.total && performance.now() - lastShown < 1000)) return;
          lastShown = performance.now();
          const rate = p.done / Math.max(p.elapsedMs, 1);
          const left = p.done > 0 ? (p.total - p.done) / rate / 1000 : NaN;
          say(`[${(p.elapsedMs / 1000).toFixed(1)}s] ${p.done.toLocaleString("en-US")} / ${p.total.toLocaleString("en-US")} specifications, ${p.panels} panel variant${p.panels === 1 ? "" : "s"} built${Number.isFinite(left) && p.done < p.total ? `, about ${Math.ceil(left)} s left` : ""}`);
        },
      };
      // Worker threads need the compiled worker script; from TypeScript sources (tests) one thread runs.
      const m = threads > 1 && workerUrl !== null
        ? await multiverseParallel(req, engine, { dataDir: dir.path, threads, workerUrl })
        : multiverse(req, engine);
      const written = await writeMultiverse(m, f.out, { version: VERSION, png: f.png, dataDir: f.dataDir });
      if (f.json) {
        console.log(JSON.stringify({ grid: m.grid, fitted: m.results.length, claims: m.summary, null_test: m.nullTest }, null, 2));
        return;
      }
      if (f.quiet) return;
      console.log(`${m.results.length.toLocaleString("en-US")} of ${m.grid.toLocaleString("en-US")} specifications fitted in ${(m.elapsedMs / 1000).toFixed(1)} s (${m.panels} panel variants, ${threads > 1 && workerUrl !== null ? `${threads} threads` : "1 thread"})`);
      for (const s of m.summary) {
        const pct = (x: number | null) => (x === null ? "n/a" : `${(100 * x).toFixed(1)}%`);
        console.log(`- ${s.title}: ${s.estimated.toLocaleString("en-US")} estimated; positive with p < 0.05 in ${pct(s.share_positive_significant)}, negative with p < 0.05 in ${pct(s.share_negative_significant)}; median estimate ${s.median_estimate?.toFixed(3) ?? "n/a"}`);
      }
      if (m.nullTest !== null) {
        const n = m.nullTest;
        console.log(`- Claim 1 under the null (${n.specs} specifications, ${n.draws} draws): p = ${n.p_median.toFixed(3)} for the median estimate, p = ${n.p_share.toFixed(3)} for the share significant`);
      }
      console.log(`Written: ${written.length} files in ${f.out} (specs.csv, specs.parquet, summary.json, figures/)`);
    });
}
