/**
 * Tests run the TypeScript sources, which a worker thread cannot load; this bundles
 * src/stats/inference/bootstrap-worker.ts into one temporary .mjs with esbuild (already
 * installed as vite's bundler) and returns its URL for clusterBootstrap's `workerUrl`.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

let cached: Promise<URL> | null = null;

/** URL of a bundled bootstrap worker (built once per test process). */
export function bootstrapWorkerUrl(): Promise<URL> {
  cached ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), "pkt-bootstrap-")), "bootstrap-worker.mjs");
    await build({
      entryPoints: [resolve(import.meta.dirname, "../../../src/stats/inference/bootstrap-worker.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "silent",
    });
    return pathToFileURL(outfile);
  })();
  return cached;
}
