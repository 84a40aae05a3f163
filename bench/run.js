// Runs every bench/*.bench.ts: bundles each (and any src/**/*-worker.ts they spawn) with
// esbuild into out/bench/, then runs them one after another with node. No tsx needed.
import { existsSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { build } from "esbuild";

const only = process.argv[2];
const benches = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only === undefined || f.includes(only))
  .sort();
const workers = ["src/stats/inference/bootstrap-worker.ts"].filter((f) => existsSync(f));
await build({
  entryPoints: [...benches.map((f) => `bench/${f}`), ...workers],
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  entryNames: "[name]",
  outdir: "out/bench",
  logLevel: "warning",
});
let failed = 0;
for (const f of benches) {
  console.log(`\n== ${f}`);
  const r = spawnSync("node", [`out/bench/${f.replace(/\.ts$/, ".js")}`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
