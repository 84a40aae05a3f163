import type { Command } from "commander";
import { join, resolve } from "node:path";
import { OptionError } from "../core/errors.js";
import { findChromium, printPdf } from "../doc/pdf.js";
import { headline, claimTitle, verdictLabel } from "../report/prose.js";
import { runReport, SAMPLE } from "../report/run-report.js";
import { multiverseCardLine, provenanceSentence } from "../report/multiverse-section.js";
import { resolveDataDir } from "../sources/data-dir.js";
import { DEFAULT_OPTIONS, OPTION_CHOICES, resolveOptions, type StudyOptions } from "../study/options.js";
import { VERSION } from "../core/version.js";
import { isPktOutput, withOutDir } from "./out-dir.js";
import { withFlagNames } from "./flag-names.js";

interface ReportCliOptions {
  out: string;
  dataDir?: string;
  unSource?: string;
  reportAlignment?: string;
  multiHost?: string;
  kosovo?: string;
  outcome?: string;
  size?: string;
  duration?: string;
  contributors?: string;
  democracy?: string;
  usTroops?: string;
  trend: boolean;
  yearEffects?: boolean;
  tier?: boolean;
  years?: string;
  mapYear?: string;
  png: boolean;
  quiet?: boolean;
  json?: boolean;
  pdf?: boolean;
  chromium?: string;
  multiverseFrom?: string;
  multiverseSample?: string;
}

/** Specifications per claim the report samples when no full multiverse run can be reused. */
export const REPORT_MULTIVERSE_SAMPLE = 25;

function parseYears(text: string | undefined): { yearFrom?: number; yearTo?: number } {
  if (text === undefined) return {};
  const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(text);
  if (!m) throw new OptionError(`--years: expected a TIP report year range like 2001-2011, got ${JSON.stringify(text)}`);
  if (m[2] !== undefined && Number(m[1]) > Number(m[2])) throw new OptionError(`--years ${text}: expected the first year before the last, got ${m[1]} after ${m[2]}`);
  return { yearFrom: Number(m[1]), yearTo: Number(m[2] ?? m[1]) };
}

function parseYear(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text.trim())) throw new OptionError(`${flag}: expected a year, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Study options from the command line (unknown values are OptionErrors naming the choices). */
export function studyOptionsFromCli(c: ReportCliOptions): StudyOptions {
  return withFlagNames(() => resolveOptions({
    unSource: c.unSource,
    reportAlignment: c.reportAlignment,
    multiHost: c.multiHost,
    kosovo: c.kosovo,
    outcome: c.outcome,
    size: c.size,
    duration: c.duration,
    contributors: c.contributors,
    democracy: c.democracy,
    usTroops: c.usTroops,
    trend: c.trend,
    yearEffects: c.yearEffects,
    tier: c.tier,
    ...parseYears(c.years),
    mapYear: parseYear("--map-year", c.mapYear),
  }));
}

const choices = (k: keyof typeof OPTION_CHOICES) => `${OPTION_CHOICES[k].join("|")} (default ${String(DEFAULT_OPTIONS[k])})`;

/** `pkt report`: rebuild the study from the raw data and write the replication report. */
export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("Rebuild the study from the raw data: panel, models, robustness checks, findings, tables, figures, report.html and report.md.")
    .option("--out <dir>", "output directory", "out")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--un-source <id>", `UN peacekeeping source: ${choices("unSource")}`)
    .option("--report-alignment <a>", `TIP report year t joined to calendar year t-1 or t: ${choices("reportAlignment")}`)
    .option("--multi-host <m>", `placement of missions with several hosts: ${choices("multiHost")}`)
    .option("--kosovo <k>", `where UNMIK is counted: ${choices("kosovo")}`)
    .option("--outcome <col>", `outcome: ${choices("outcome")}`)
    .option("--size <col>", `deployment size measure: ${choices("size")}`)
    .option("--duration <d>", `M2's duration measure: ${choices("duration")}`)
    .option("--contributors <c>", `M3's contributing countries: ${choices("contributors")}`)
    .option("--democracy <col>", `democracy control: ${choices("democracy")}`)
    .option("--us-troops <s>", `US troop series for the placebo: ${choices("usTroops")}`)
    .option("--no-trend", "leave out the linear time trend")
    .option("--year-effects", "report-year dummies instead of the linear trend")
    .option("--tier", "add the previous TIP tier as a control")
    .option("--years <range>", "TIP report years of the sample (default 2001-2011)")
    .option("--map-year <year>", "TIP report year shown on the map (default 2008)")
    .option("--no-png", "skip the PNG copies of the figures")
    .option("--quiet", "no progress messages")
    .option("--json", "print the findings and models as JSON on stdout")
    .option("--pdf", "also print report.pdf and cases.pdf with a headless Chromium (found on the machine, or named with --chromium)")
    .option("--chromium <path>", "the Chromium (or Chrome) binary --pdf prints with (default: $PKT_CHROMIUM, then /usr/bin/chromium and the like)")
    .option("--multiverse-from <dir>", "an earlier `pkt multiverse` run whose shares the report shows when its program version, request and data hashes match (default: <out>/multiverse)")
    .option("--multiverse-sample <n>", "otherwise, specifications per claim the report fits, a seeded random sample of the default grid; 0 leaves the multiverse out", String(REPORT_MULTIVERSE_SAMPLE))
    .action(async (c: ReportCliOptions) => {
      const options = studyOptionsFromCli(c);
      const sampleText = (c.multiverseSample ?? String(REPORT_MULTIVERSE_SAMPLE)).trim();
      if (!/^\d+$/.test(sampleText) || Number(sampleText) > 10000) throw new OptionError(`--multiverse-sample: expected a whole number from 0 to 10000, got ${JSON.stringify(c.multiverseSample)}`);
      const inOut = resolve(join(c.out, "multiverse"));
      const inSample = resolve(join(c.out, SAMPLE));
      const multiverse = { reuseDir: resolve(c.multiverseFrom ?? inOut), perClaim: Number(sampleText), seed: 1, carryDir: isPktOutput(inOut) ? inOut : null, sampleDir: isPktOutput(inSample) ? inSample : null };
      // Fail before the long run when a PDF is asked for and no Chromium can print it.
      const chromium = c.pdf ? findChromium(c.chromium) : null;
      const dir = resolveDataDir(c.dataDir);
      await withOutDir("--out", c.out, async (staging) => {
        const start = performance.now();
        const progress = c.quiet ? undefined : (step: string) => console.error(`[${((performance.now() - start) / 1000).toFixed(1)}s] ${step}`);
        progress?.(`reading sources from ${dir.path}`);
        const r = await runReport({ dataDir: dir.path, outDir: staging, options, version: VERSION, png: c.png, progress, multiverse });
        if (chromium !== null) {
          for (const page of ["report", "cases"]) {
            progress?.(`printing ${page}.pdf with ${chromium}`);
            printPdf(chromium, join(staging, `${page}.html`), join(staging, `${page}.pdf`));
          }
        }
        progress?.(`done in ${((performance.now() - start) / 1000).toFixed(2)} s: ${r.written.length + (chromium !== null ? 2 : 0)} files in ${c.out}`);
        if (c.json) {
          const models = r.study.models.map((m) => ({ id: m.spec.id, title: m.spec.title, formula: m.formula, results: m.results }));
          console.log(JSON.stringify({ options, findings: r.study.findings, models }, null, 2));
          return;
        }
        if (c.quiet) return;
        console.log("");
        console.log(headline(r.study.findings));
        console.log("");
        for (const f of r.study.findings) {
          const mv = r.multiverse === null ? null : multiverseCardLine(r.multiverse, f.id);
          console.log(`- ${claimTitle(f)}: ${verdictLabel(f)}.\n  ${f.plain}\n  Default specification: ${f.text.replace(/^[^:]*: /, "")}${mv === null ? "" : `\n  ${mv}`}`);
        }
        if (r.multiverse !== null) console.log(`\n${provenanceSentence(r.multiverse).replace(/`/g, "")}`);
        console.log("");
        console.log(`Report: ${c.out}/report.html (and report.md${chromium !== null ? ", report.pdf, cases.pdf" : ""}, tables/, figures/)`);
      });
    });
}
