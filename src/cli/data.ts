import type { Command } from "commander";
import { PktError } from "../core/errors.js";
import { resolveDataDir, cacheDataDir } from "../sources/data-dir.js";
import { fetchSources } from "../sources/fetch.js";
import { SOURCES } from "../sources/registry.js";
import { checkSource } from "../sources/verify.js";

/** `pkt data list | verify | fetch`. */
export function registerDataCommands(program: Command): void {
  const data = program.command("data").description("Find, verify and download the source data files.");

  data
    .command("list")
    .description("List each source: whether present in the data directory, verified, and its citation.")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--json", "print JSON")
    .action((opts: { dataDir?: string; json?: boolean }) => {
      const dir = resolveDataDir(opts.dataDir);
      const rows = SOURCES.map((s) => ({ ...checkSource(dir.path, s), citation: s.citation, license: s.license }));
      if (opts.json) {
        console.log(JSON.stringify({ dataDir: dir.path, origin: dir.origin, sources: rows }, null, 2));
        return;
      }
      console.log(`data directory: ${dir.path} (${dir.origin})`);
      for (const r of rows) {
        const state = !r.present ? "missing " : r.verified ? "verified" : "MISMATCH";
        console.log(`${state}  ${r.id.padEnd(26)} ${r.file}`);
        console.log(`          ${r.citation}`);
      }
    });

  data
    .command("verify")
    .description("Check every source file's SHA-256; exit non-zero on a missing or changed file.")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .action((opts: { dataDir?: string }) => {
      const dir = resolveDataDir(opts.dataDir);
      let bad = 0;
      for (const s of SOURCES) {
        const r = checkSource(dir.path, s);
        if (!r.present) {
          bad++;
          console.error(`missing   ${s.file}`);
        } else if (!r.verified) {
          bad++;
          console.error(`MISMATCH  ${s.file}: expected SHA-256 ${r.expected}, found ${r.actual}`);
        } else {
          console.log(`ok        ${s.file}`);
        }
      }
      if (bad > 0) throw new PktError(`${bad} of ${SOURCES.length} source files failed verification in ${dir.path}`);
      console.log(`all ${SOURCES.length} source files verified in ${dir.path}`);
    });

  data
    .command("fetch")
    .description("Download missing source files from their URLs into the data directory (default: the user cache) and verify them.")
    .option("--data-dir <dir>", "directory to fill (default: the user cache directory)")
    .action(async (opts: { dataDir?: string }) => {
      const dir = opts.dataDir ?? cacheDataDir();
      const out = await fetchSources(dir, SOURCES, { log: (l) => console.log(l) });
      const n = (s: string) => out.filter((o) => o.status === s).length;
      console.log(`${dir}: ${n("present")} present, ${n("downloaded")} downloaded, ${n("unavailable")} without a URL`);
    });
}
