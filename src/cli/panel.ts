import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Command } from "commander";
import { buildPanel } from "../panel/build.js";
import { OptionError, quote } from "../core/errors.js";
import { DEFAULT_OPTIONS, OPTION_CHOICES, OPTION_FLAGS, parseYearRange, resolveOptions, type PanelOptions } from "../panel/options.js";
import { writePanel } from "../panel/write.js";
import { toRows } from "../panel/index.js";
import { analysisCsv } from "../report/panel-csv.js";
import { prepareRows } from "../study/data.js";
import { resolveOptions as resolveStudyOptions } from "../study/options.js";
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
  locationWindow?: string;
  durationGap?: string;
  observerThreshold?: string;
  usTroops?: string;
  gdp?: string;
  columns?: string;
  analysis?: string;
}

/** Turn CLI flags into panel options (values are checked by resolveOptions). */
export function panelOptionsFromFlags(f: Omit<PanelBuildFlags, "out" | "dataDir">): PanelOptions {
  const o: Record<string, unknown> = {};
  if (f.years !== undefined) o.years = parseYearRange(f.years);
  for (const k of ["unSource", "multiHost", "kosovo", "htiNoMention", "reportAlignment", "usTroops", "gdp"] as const) {
    if (f[k] !== undefined) o[k] = f[k];
  }
  for (const k of ["locationWindow", "durationGap", "observerThreshold"] as const) {
    const v = f[k];
    if (v === undefined) continue;
    if (!/^\s*\d+\s*$/.test(v)) throw new OptionError(`${OPTION_FLAGS[k]}: expected a whole number, got ${quote(v)}`);
    o[k] = Number(v);
  }
  if (f.columns !== undefined) o.columns = f.columns.split(",").map((c) => c.trim()).filter((c) => c !== "");
  return o as PanelOptions;
}

const choices = (k: keyof typeof OPTION_CHOICES): string => `${OPTION_CHOICES[k].join(" | ")} (default ${DEFAULT_OPTIONS[k]})`;

/** `--analysis`: a TIP report year range within the HTI's (2001-2011 at most). */
function parseReportYears(text: string): [number, number] {
  const m = /^\s*(\d{4})\s*-\s*(\d{4})\s*$/.exec(text);
  if (m === null || Number(m[1]) > Number(m[2])) throw new OptionError(`--analysis: expected TIP report years like 2001-2011, got ${quote(text)}`);
  return [Number(m[1]), Number(m[2])];
}

/** `pkt panel build`. */
export function registerPanelCommand(program: Command): void {
  const panel = program.command("panel").description("Build the study's country-year panel.");
  panel
    .command("build")
    .description("Build the panel from the raw files; write panel.csv, panel.parquet, codebook.md and provenance.json into --out.")
    .requiredOption("--out <dir>", "output directory")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--years <range>", "calendar years, e.g. 1990-2019 (default 1990-2019)")
    .option("--un-source <src>", `UN mission-month source: ${choices("unSource")}`)
    .option("--multi-host <how>", `multi-host missions: ${choices("multiHost")}`)
    .option("--location-window <months>", `months from a Geo-PKO map within which it places a mission (default ${DEFAULT_OPTIONS.locationWindow})`)
    .option("--duration-gap <months>", `longest absence that does not end a UN deployment (default ${DEFAULT_OPTIONS.durationGap})`)
    .option("--observer-threshold <n>", `observer-only missions smaller than this do not count for duration (default ${DEFAULT_OPTIONS.observerThreshold})`)
    .option("--kosovo <where>", `Kosovo missions (UNMIK, KFOR, EULEX): ${choices("kosovo")}`)
    .option("--hti-no-mention <code>", `HTI "No mention": ${choices("htiNoMention")} ("missing" is refused: it leaves 1 zero against 1,100 ones)`)
    .option("--report-alignment <a>", `TIP report year t -> calendar year: ${choices("reportAlignment")}`)
    .option("--us-troops <series>", `US troop series: ${choices("usTroops")}`)
    .option("--gdp <src>", `GDP per capita and population: ${choices("gdp")}`)
    .option("--columns <list>", "comma-separated columns to keep (keys are always kept)")
    .option("--analysis <years>", "also write analysis.csv: the study's rows for TIP report years <years> (e.g. 2001-2011) under --report-alignment, with the columns the models derive (report_year, trend, tip_tier_lag, un_duration, un_duration_main, un_duration_any, us_troops_foreign); what pkt report writes as panel.csv and pkt fit reads")
    .action(async (flags: PanelBuildFlags) => {
      const started = performance.now();
      const options = withFlagNames(() => {
        const o = panelOptionsFromFlags(flags);
        resolveOptions(o);
        return o;
      });
      const analysis = flags.analysis === undefined ? null : parseReportYears(flags.analysis);
      const dir = resolveDataDir(flags.dataDir);
      const files = await withOutDir("--out", flags.out, async (staging) => {
        const p = withFlagNames(() => buildPanel(dir.path, options));
        const built = performance.now();
        const written = await writePanel(p, staging, VERSION);
        if (analysis !== null) {
          const so = resolveStudyOptions({ reportAlignment: p.meta.options.reportAlignment, yearFrom: analysis[0], yearTo: analysis[1] });
          const file = join(staging, "analysis.csv");
          writeFileSync(file, analysisCsv(prepareRows(toRows(p), so)));
          written.push(file);
        }
        const secs = (t: number): string => (t / 1000).toFixed(2);
        console.log(`panel: ${p.nrows} country-years x ${p.columns.size} columns, ${p.meta.years[0]}-${p.meta.years[1]} (built in ${secs(built - started)} s, written in ${secs(performance.now() - built)} s)`);
        return written.map((f) => join(flags.out, relative(staging, f)));
      });
      for (const f of files) console.log(`  ${f}`);
    });
}
