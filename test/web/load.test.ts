/** Bounded loopback load test and raw-socket fuzz of the dashboard server. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzCases, runFuzz, runLoad } from "../../bench/load-driver.mjs";
import { startServer, type RunningServer } from "../../src/server/index.js";
import { e2eData } from "../e2e/data.js";

let server: RunningServer;
let dir: string;

/** JSON endpoints the dashboard calls, in the mix the load test cycles through. */
export const LOAD_PATHS: readonly string[] = [
  "/api/meta",
  "/api/map?year=2008", "/api/map?year=2004", "/api/map?year=2011",
  "/api/country/HTI", "/api/country/SLE", "/api/country/BIH",
  "/api/panel?years=2008&columns=iso3,year,un_total,pdest",
  "/api/panel?years=2001-2011&columns=ccode,year,pdest,un_total,un_duration_years,un_tcc",
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pkt-load-"));
  mkdirSync(join(dir, "dist"));
  writeFileSync(join(dir, "dist", "index.html"), "<!doctype html>");
  server = await startServer({ data: await e2eData(), staticDir: join(dir, "dist") });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("dashboard server under load", () => {
  it("holds at least 500 JSON requests per second with no errors (3,000 requests, 15 s cap)", async () => {
    await runLoad({ url: server.url, paths: LOAD_PATHS, requests: LOAD_PATHS.length, concurrency: 1 });
    const r = await runLoad({ url: server.url, paths: LOAD_PATHS, requests: 3000, concurrency: 16, timeLimitMs: 15_000 });
    process.stdout.write(`[load] ${r.requests} requests in ${r.seconds.toFixed(2)} s: ${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.errors} errors\n`);
    expect(r.firstErrors).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.requests).toBe(3000);
    expect(r.rps).toBeGreaterThanOrEqual(500);
  });

  it("survives malformed requests and answers them with 4xx or a closed connection", async () => {
    const f = await runFuzz({ url: server.url, seed: 7 });
    process.stdout.write(`[fuzz] ${f.cases} malformed requests; answers: ${JSON.stringify(count(f.results))}\n`);
    expect(f.alive).toBe(true);
    const cases = fuzzCases(7);
    f.results.forEach((line, i) => {
      expect(line, String(cases[i]).slice(0, 80)).not.toMatch(/^HTTP\/1\.1 5/);
      // Only a well-formed GET of an existing file may succeed; no traversal attempt does.
      if (line.startsWith("HTTP/1.1 200")) expect(String(cases[i]), "unexpected 200").toMatch(/^GET \/ HTTP\/1\.1\r\nHost/);
    });
  });
});

function count(lines: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) out[l] = (out[l] ?? 0) + 1;
  return out;
}
