import { join } from "node:path";
import type { Command } from "commander";
import { OptionError } from "../core/errors.js";
import { writeFilesAtomic } from "../core/atomic-write.js";
import { buildCasesFiles } from "../cases/files.js";
import { DEFAULT_CASES, runCases } from "../cases/run.js";
import { resolveDataDir } from "../sources/data-dir.js";
import { DEFAULT_OPTIONS, OPTION_CHOICES, resolveOptions, type PanelOptions } from "../panel/options.js";

const choices = (k: "unSource" | "reportAlignment" | "multiHost" | "kosovo" | "usTroops"): string =>
  `${OPTION_CHOICES[k].join("|")} (default ${DEFAULT_OPTIONS[k]})`;

/** The shared panel flags, checked (a bad value is one line naming the flag). */
function sharedPanelOptions(c: CasesCliOptions): PanelOptions {
  const o = { unSource: c.unSource, multiHost: c.multiHost, kosovo: c.kosovo, reportAlignment: c.reportAlignment, usTroops: c.usTroops } as PanelOptions;
  resolveOptions(o);
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as PanelOptions;
}
import { withOutDir } from "./out-dir.js";

interface CasesCliOptions {
  out: string;
  countries?: string;
  from?: string;
  to?: string;
  dataDir?: string;
  synth: boolean;
  reps?: string;
  seed?: string;
  png: boolean;
  quiet?: boolean;
  unSource?: string;
  multiHost?: string;
  kosovo?: string;
  reportAlignment?: string;
  usTroops?: string;
}

function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new OptionError(`${flag}: expected a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** `pkt cases`: case timelines, before/during/after tables, synthetic control / event study, non-UN models. */
export function registerCasesCommand(program: Command): void {
  program
    .command("cases")
    .description("Case studies (Smith: Kosovo, Haiti, Sierra Leone vs Nepal, or any countries): timelines, before/during/after tables, size vs change, synthetic control and event study around UN onset, and the non-UN size models. Writes cases.md, cases.html, cases.json and figures/cases/.")
    .option("--out <dir>", "output directory", "out")
    .option("--countries <list>", `comma-separated country names, ISO-3 or COW codes (default "${DEFAULT_CASES.join(",")}")`)
    .option("--from <year>", "first calendar year of the timelines (default 1995)")
    .option("--to <year>", "last calendar year of the timelines (default 2016)")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--no-synth", "skip the synthetic controls (the slow part: one placebo fit per donor)")
    .option("--reps <n>", "bootstrap replicates of the event studies (default 499)")
    .option("--seed <n>", "seed of the event-study bootstrap (default 20180601)")
    .option("--un-source <id>", `UN peacekeeping source: ${choices("unSource")}`)
    .option("--report-alignment <a>", `TIP report year t joined to calendar year t-1 or t: ${choices("reportAlignment")}`)
    .option("--multi-host <m>", `placement of missions with several hosts: ${choices("multiHost")}`)
    .option("--kosovo <k>", `where UNMIK is counted in the panel: ${choices("kosovo")}`)
    .option("--us-troops <s>", `US troop series: ${choices("usTroops")}`)
    .option("--no-png", "skip the PNG copies of the figures")
    .option("--quiet", "no progress messages")
    .action(async (c: CasesCliOptions) => {
      const opts = {
        countries: c.countries?.split(","),
        from: wholeNumber("--from", c.from),
        to: wholeNumber("--to", c.to),
        synth: c.synth,
        reps: wholeNumber("--reps", c.reps),
        seed: wholeNumber("--seed", c.seed),
        panel: sharedPanelOptions(c),
      };
      const dir = resolveDataDir(c.dataDir);
      await withOutDir("--out", c.out, async (staging) => {
        const start = performance.now();
        const progress = c.quiet ? undefined : (step: string) => console.error(`[${((performance.now() - start) / 1000).toFixed(1)}s] ${step}`);
        const r = runCases({ dataDir: dir.path, ...opts, progress });
        progress?.("rendering figures and pages");
        const files = await buildCasesFiles(r, { png: c.png });
        writeFilesAtomic(files.map((f) => ({ path: join(staging, f.path), data: f.data })));
        progress?.(`done: ${files.length} files in ${c.out}`);
      });
      if (!c.quiet) console.log(`Cases: ${join(c.out, "cases.html")} (and cases.md, cases.json, figures/cases/)`);
    });
}
