import { join, relative } from "node:path";
import type { Command } from "commander";
import { buildPanel } from "../panel/build.js";
import { OPTION_CHOICES, parseYearRange, resolveOptions, type PanelOptions } from "../panel/options.js";
import { writePanel } from "../panel/write.js";
import { resolveDataDir } from "../sources/data-dir.js";
import { VERSION } from "../core/version.js";
import { withFlagNames } from "./flag-names.js";
import { withOutDir } from "./out-dir.js";

interface PanelBuildFlags {
  out: string;
  dataDir?: string;
  years?: string;
  unSource?: string;
  multiHost?: string;
  kosovo?: string;
  htiNoMention?: string;
  reportAlignment?: string;
  usTroops?: string;
  gdp?: string;
  columns?: string;
}

/** Turn CLI flags into panel options (values are checked by resolveOptions). */
export function panelOptionsFromFlags(f: Omit<PanelBuildFlags, "out" | "dataDir">): PanelOptions {
  const o: Record<string, unknown> = {};
  if (f.years !== undefined) o.years = parseYearRange(f.years);
  for (const k of ["unSource", "multiHost", "kosovo", "htiNoMention", "reportAlignment", "usTroops", "gdp"] as const) {
    if (f[k] !== undefined) o[k] = f[k];
  }
  if (f.columns !== undefined) o.columns = f.columns.split(",").map((c) => c.trim()).filter((c) => c !== "");
  return o as PanelOptions;
}

const choices = (k: keyof typeof OPTION_CHOICES): string => OPTION_CHOICES[k].join(" | ");

/** `pkt panel build`. */
export function registerPanelCommand(program: Command): void {
  const panel = program.command("panel").description("Build the study's country-year panel.");
  panel
    .command("build")
    .description("Build the panel from the raw files; write panel.csv, panel.parquet, codebook.md and provenance.json into --out.")
    .requiredOption("--out <dir>", "output directory")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--years <range>", "calendar years, e.g. 1990-2019 (default 1990-2019)")
    .option("--un-source <src>", `UN mission-month source: ${choices("unSource")} (default ipi)`)
    .option("--multi-host <how>", `multi-host missions: ${choices("multiHost")} (default crosswalk)`)
    .option("--kosovo <where>", `Kosovo missions (UNMIK, KFOR, EULEX): ${choices("kosovo")} (default split-2008)`)
    .option("--hti-no-mention <code>", `HTI "No mention": ${choices("htiNoMention")} (default zero)`)
    .option("--report-alignment <a>", `TIP report year t -> calendar year: ${choices("reportAlignment")} (default t)`)
    .option("--us-troops <series>", `US troop series: ${choices("usTroops")} (default legacy)`)
    .option("--gdp <src>", `GDP per capita and population: ${choices("gdp")} (default fariss-maddison)`)
    .option("--columns <list>", "comma-separated columns to keep (keys are always kept)")
    .action(async (flags: PanelBuildFlags) => {
      const started = performance.now();
      const options = withFlagNames(() => {
        const o = panelOptionsFromFlags(flags);
        resolveOptions(o);
        return o;
      });
      const dir = resolveDataDir(flags.dataDir);
      const files = await withOutDir("--out", flags.out, async (staging) => {
        const p = withFlagNames(() => buildPanel(dir.path, options));
        const built = performance.now();
        const written = await writePanel(p, staging, VERSION);
        const secs = (t: number): string => (t / 1000).toFixed(2);
        console.log(`panel: ${p.nrows} country-years x ${p.columns.size} columns, ${p.meta.years[0]}-${p.meta.years[1]} (built in ${secs(built - started)} s, written in ${secs(performance.now() - built)} s)`);
        return written.map((f) => join(flags.out, relative(staging, f)));
      });
      for (const f of files) console.log(`  ${f}`);
    });
}
