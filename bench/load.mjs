// Load test of `pkt serve` on loopback: starts the built server (dist/) on a free port
// with the panel from the source files, sends a bounded number of JSON requests, then a
// fuzz of malformed requests, and prints requests per second (goal: >= 500, no errors).
// Usage: node bench/load.mjs [--requests N] [--concurrency C] [--seconds S] [--data-dir DIR]
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { runFuzz, runLoad } from "./load-driver.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const requests = Number(arg("requests", "20000"));
const concurrency = Number(arg("concurrency", "16"));
const seconds = Number(arg("seconds", "30"));
if (!existsSync(join(root, "dist/server/index.js"))) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}
const { startServer } = await import(join(root, "dist/server/index.js"));
const { loadDashboardData } = await import(join(root, "dist/server/load-data.js"));
const { resolveDataDir } = await import(join(root, "dist/sources/data-dir.js"));

const data = loadDashboardData(resolveDataDir(arg("data-dir")).path);
const server = await startServer({ data, staticDir: join(root, "web/dist"), host: "127.0.0.1", port: 0 });
const paths = [
  "/api/meta",
  "/api/map?year=2008", "/api/map?year=2004", "/api/map?year=2011",
  "/api/country/HTI", "/api/country/SLE", "/api/country/BIH",
  "/api/panel?years=2008&columns=iso3,year,un_total,pdest",
  "/api/panel?years=2001-2011&columns=ccode,year,pdest,un_total,un_duration_years,un_tcc",
];
try {
  await runLoad({ url: server.url, paths, requests: paths.length, concurrency: 1 });
  const r = await runLoad({ url: server.url, paths, requests, concurrency, timeLimitMs: seconds * 1000 });
  console.log(`load: ${r.requests} requests over ${concurrency} connections in ${r.seconds.toFixed(2)} s`);
  console.log(`  ${r.rps.toFixed(0)} requests/s (goal >= 500; ratio ${(r.rps / 500).toFixed(2)}), p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, errors ${r.errors}`);
  for (const e of r.firstErrors) console.log(`  error: ${e}`);
  const f = await runFuzz({ url: server.url, seed: 7 });
  const counts = {};
  for (const l of f.results) counts[l] = (counts[l] ?? 0) + 1;
  console.log(`fuzz: ${f.cases} malformed requests -> ${JSON.stringify(counts)}; server ${f.alive ? "still answering" : "DOWN"}`);
  process.exitCode = r.errors === 0 && r.rps >= 500 && f.alive ? 0 : 1;
} finally {
  await server.close();
}
