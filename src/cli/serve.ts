import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Command } from "commander";
import { OptionError, PktError } from "../core/errors.js";
import { packageRoot, resolveDataDir } from "../sources/data-dir.js";
import { readMultiverseDir, type MultiverseDir } from "../multiverse/read-specs.js";
import { DEFAULT_MULTIVERSE_DIR, DEFAULT_VARIANT, startServer } from "../server/index.js";
import { loadDashboardData } from "../server/load-data.js";
import { VERSION } from "../core/version.js";

/** Parse `--port`: a whole number 0-65535 (0 = any free port). */
export function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new OptionError(`--port ${text}: expected a whole number from 0 to 65535`);
  return Number(text);
}

/** Fail early, before the panel is built, when the port cannot be bound. */
export async function checkPortFree(flagText: string, port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => {
      const why = err.code === "EADDRINUSE" ? "it in use by another program" : err.code === "EACCES" ? "no permission to bind it" : `${err.code ?? err.message}`;
      reject(new OptionError(`--port ${flagText}: expected a free port on ${host}, found ${why}; choose another --port (0 picks a free one)`));
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * The multiverse results to serve: `--multiverse DIR` must hold specs.csv (an error naming
 * the flag and the command otherwise); without the flag, out/multiverse when it has one,
 * else none (the Multiverse view then says which command to run).
 */
export function loadServeMultiverse(flag: string | undefined): { dir: string; data: MultiverseDir } | null {
  const dir = flag ?? DEFAULT_MULTIVERSE_DIR;
  if (!existsSync(join(dir, "specs.csv"))) {
    if (flag === undefined) return null;
    throw new OptionError(`--multiverse ${flag}: expected a directory with specs.csv, found none; run \`pkt multiverse --out ${flag}\` first`);
  }
  return { dir, data: readMultiverseDir(dir) };
}

/** `pkt serve [--port N] [--host 127.0.0.1] [--data-dir DIR] [--multiverse DIR]`. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Serve the dashboard (map, country pages, model explorer, policy simulator, multiverse); binds 127.0.0.1 unless --host says otherwise.")
    .option("--port <n>", "port; 0 picks a free one", "8080")
    .option("--host <addr>", "interface to bind", "127.0.0.1")
    .option("--data-dir <dir>", "data directory (default: $PKT_DATA_DIR, ../shared/data, then the user cache)")
    .option("--multiverse <dir>", `results of \`pkt multiverse --out DIR\` for the Multiverse view (default: ${DEFAULT_MULTIVERSE_DIR} if it exists)`)
    .action(async (opts: { port: string; host: string; dataDir?: string; multiverse?: string }) => {
      const port = parsePort(opts.port);
      await checkPortFree(opts.port, port, opts.host);
      const multiverse = loadServeMultiverse(opts.multiverse);
      const staticDir = join(packageRoot(), "web", "dist");
      if (!existsSync(join(staticDir, "index.html"))) throw new PktError(`${staticDir}/index.html is missing; run \`npm run build\` to build the app`);
      const dir = resolveDataDir(opts.dataDir);
      const t0 = performance.now();
      const data = loadDashboardData(dir.path);
      // The study's default joins report year t to calendar year t-1; build that variant before the first page asks for it.
      await data.panel({ ...DEFAULT_VARIANT, reportAlignment: "t" });
      console.log(`panel built from ${dir.path} (default and t-1 variants) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      if (multiverse !== null) console.log(`multiverse: ${multiverse.data.specs.length.toLocaleString("en-US")} specifications from ${multiverse.dir}/specs.csv`);
      else console.log(`multiverse: no ${DEFAULT_MULTIVERSE_DIR}/specs.csv; run \`pkt multiverse --out ${DEFAULT_MULTIVERSE_DIR}\` to fill the Multiverse view`);
      const server = await startServer({ data, staticDir, port, host: opts.host, program: { name: "pkt", version: VERSION }, multiverse: multiverse?.data ?? null });
      if (!["127.0.0.1", "::1", "localhost"].includes(opts.host)) console.log(`warning: listening on ${opts.host}, reachable from other machines`);
      console.log(`dashboard: ${server.url}/  (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
