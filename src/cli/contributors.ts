import { join, resolve } from "node:path";
import type { Command } from "commander";
import { writeFilesAtomic } from "../core/atomic-write.js";
import { OptionError } from "../core/errors.js";
import { compareContributorSources } from "../contributors/compare-sources.js";
import { contributorsJson, contributorsMarkdown } from "../contributors/files.js";
import { contributorsFigures } from "../contributors/figures.js";
import { contributorsPanel, DEFAULT_NSIM, DEFAULT_SEED, runContributors } from "../contributors/run.js";
import { SourceLoader } from "../panel/pipeline.js";
import type { PanelRow } from "../panel/panel.js";
import { moderationChoices, moderationForkReasons, moderationForksMarkdown, moderationMultiverse, moderationSpecsCsv } from "../contributors/forks.js";
import { resolveDataDir } from "../sources/data-dir.js";

interface ContributorsCliOptions {
  out: string;
  dataDir?: string;
  seed?: string;
  nsim?: string;
  png: boolean;
  forks: boolean;
  quiet?: boolean;
}

function wholeNumber(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim()) || Number(text) < min) throw new OptionError(`${flag}: expected a whole number >= ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** `pkt contributors`: the size effect moderated by who sends the peacekeepers (women, HTI listing, tier, democracy, income, NATO/OECD). */
export function registerContributorsCommand(program: Command): void {
  program
    .command("contributors")
    .description("Who keeps the peace: the size effect moderated by the contributors' female share, HTI listing, TIP tier, democracy, income and NATO/OECD membership (2009-2014), with split samples, simulated minimum detectable effects and a verdict per model. Writes contributors.md, contributors.json and figures/contributors/.")
    .option("--out <dir>", "output directory", "out")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--seed <n>", `seed of the power simulations (default ${DEFAULT_SEED})`)
    .option("--nsim <n>", `simulated samples per candidate effect (default ${DEFAULT_NSIM})`)
    .option("--no-forks", "skip the models through the multiverse's forks (contributors-forks.csv)")
    .option("--no-png", "skip the PNG copies of the figures")
    .option("--quiet", "no progress messages")
    .action(async (c: ContributorsCliOptions) => {
      const seed = wholeNumber("--seed", c.seed, 0);
      const nsim = wholeNumber("--nsim", c.nsim, 10);
      const dir = resolveDataDir(c.dataDir);
      const start = performance.now();
      const progress = c.quiet ? undefined : (step: string) => console.error(`[${((performance.now() - start) / 1000).toFixed(1)}s] ${step}`);
      const loader = new SourceLoader(dir.path);
      progress?.("building the panel");
      const panel = contributorsPanel(dir.path, loader);
      progress?.("fitting the models and simulating power");
      const agreement = compareContributorSources(loader);
      const res = runContributors(panel, { seed, nsim, sources: loader.sourcesUsed(), agreement });
      let forks: ReturnType<typeof moderationMultiverse> | null = null;
      if (c.forks) {
        progress?.(`the same through the multiverse's forks (${moderationChoices().length} specifications per outcome and moderator)`);
        const panels = new Map<string, readonly PanelRow[]>([["located", panel]]);
        forks = moderationMultiverse((mh) => {
          let p = panels.get(mh);
          if (p === undefined) panels.set(mh, (p = contributorsPanel(dir.path, loader, mh)));
          return p;
        });
      }
      progress?.("rendering figures");
      const files: { path: string; data: string | Uint8Array }[] = [
        { path: "contributors.md", data: contributorsMarkdown(res) + (forks === null ? "" : `\n${moderationForksMarkdown(forks.curves)}`) },
        { path: "contributors.json", data: contributorsJson(res) },
      ];
      if (forks !== null) {
        files.push({ path: "contributors-forks.csv", data: moderationSpecsCsv(forks.specs) });
        files.push({ path: "contributors-forks.json", data: JSON.stringify({ forks: moderationForkReasons(), curves: forks.curves }, null, 2) + "\n" });
      }
      for (const fig of await contributorsFigures(res, { png: c.png })) files.push(...fig.files);
      const out = resolve(c.out);
      writeFilesAtomic(files.map((f) => ({ path: join(out, f.path), data: f.data })));
      progress?.(`done: ${files.length} files in ${c.out}`);
      if (!c.quiet) console.log(`Contributors: ${join(c.out, "contributors.md")} (and contributors.json${forks === null ? "" : ", contributors-forks.csv, contributors-forks.json"}, figures/contributors/)`);
    });
}
