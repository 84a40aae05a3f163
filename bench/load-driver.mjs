// Load and fuzz drivers for the dashboard server (loopback only). Plain JavaScript so
// `node bench/load.mjs` runs without a build step; types in load-driver.d.mts.
import { Buffer } from "node:buffer";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { performance } from "node:perf_hooks";
import { clearTimeout, setTimeout } from "node:timers";
import { setTimeout as sleep } from "node:timers/promises";

const LOOPBACK = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`refusing to load-test ${host}: loopback only (127.0.0.1)`);
}

/**
 * Send `requests` GETs over `concurrency` keep-alive connections, cycling through
 * `paths`, stopping early at `timeLimitMs`. Any status other than 200, a socket
 * error, or an unparsable JSON body counts as an error.
 */
export async function runLoad({ url, paths, requests = 5000, concurrency = 16, timeLimitMs = 10000 }) {
  assertLoopback(url);
  const u = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let done = 0;
  let errors = 0;
  const firstErrors = [];
  const latencies = [];
  // Each distinct answer is checked to be JSON once; later answers must have the same length.
  const seen = new Map();
  const t0 = performance.now();
  const one = (path) =>
    new Promise((resolve) => {
      const s = performance.now();
      const req = request({ host: u.hostname, port: u.port, path, agent, method: "GET" }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          latencies.push(performance.now() - s);
          let ok = res.statusCode === 200;
          if (ok) {
            const body = Buffer.concat(chunks);
            const len = seen.get(path);
            if (len === undefined) {
              try {
                JSON.parse(body.toString("utf8"));
                seen.set(path, body.length);
              } catch {
                ok = false;
              }
            } else ok = len === body.length;
          }
          if (!ok) {
            errors++;
            if (firstErrors.length < 5) firstErrors.push(`${path}: HTTP ${res.statusCode}`);
          }
          resolve();
        });
      });
      req.on("error", (e) => {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(`${path}: ${e.message}`);
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (next < requests && performance.now() - t0 < timeLimitMs) {
      const path = paths[next++ % paths.length];
      await one(path);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: done, errors, firstErrors, seconds, rps: done / seconds, p50Ms: q(0.5), p99Ms: q(0.99) };
}

/** Malformed requests: bad request lines, encodings, traversal attempts, huge and broken headers. */
export function fuzzCases(seed = 1) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const h = "Host: 127.0.0.1\r\n";
  const cases = [
    "GARBAGE\r\n\r\n",
    "GET\r\n\r\n",
    "GET / HTTP/9.9\r\n\r\n",
    "GET / HTTP/1.1\r\n\r\n",
    `GET /%ZZ HTTP/1.1\r\n${h}\r\n`,
    `GET /%E0%A4%A HTTP/1.1\r\n${h}\r\n`,
    `GET /../../../../etc/passwd HTTP/1.1\r\n${h}\r\n`,
    `GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\n${h}\r\n`,
    `GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n${h}\r\n`,
    `GET /assets/..%5c..%5cpackage.json HTTP/1.1\r\n${h}\r\n`,
    `GET //etc/passwd HTTP/1.1\r\n${h}\r\n`,
    `GET /index.html%00.png HTTP/1.1\r\n${h}\r\n`,
    `GET /api/country/%00 HTTP/1.1\r\n${h}\r\n`,
    `GET /api/country/../../meta HTTP/1.1\r\n${h}\r\n`,
    `GET http://evil.example/ HTTP/1.1\r\n${h}\r\n`,
    `GET * HTTP/1.1\r\n${h}\r\n`,
    `CONNECT evil.example:443 HTTP/1.1\r\n${h}\r\n`,
    `POST /api/meta HTTP/1.1\r\n${h}Content-Length: 5\r\n\r\nhello`,
    `GET / HTTP/1.1\r\n${h}Content-Length: -1\r\n\r\n`,
    `GET / HTTP/1.1\r\n${h}Content-Length: 1\r\nContent-Length: 2\r\n\r\n`,
    `GET / HTTP/1.1\r\n${h}Transfer-Encoding: chunked\r\n\r\nZZZ\r\n`,
    `GET / HTTP/1.1\r\n${h}Bad Header\r\n\r\n`,
    `GET / HTTP/1.1\r\n${h}X: a\u0000b\r\n\r\n`,
    `GET /${"a".repeat(100000)} HTTP/1.1\r\n${h}\r\n`,
    `GET /api/panel?${"&".repeat(20000)} HTTP/1.1\r\n${h}\r\n`,
    `GET /api/panel?columns=${"%".repeat(3000)} HTTP/1.1\r\n${h}\r\n`,
    `GET /api/panel?years=${"9".repeat(7000)} HTTP/1.1\r\n${h}\r\n`,
    `GET / HTTP/1.1\r\n${h}X-Big: ${"a".repeat(100000)}\r\n\r\n`,
    `GET / HTTP/1.1\r\n${h}${Array.from({ length: 3000 }, (_, i) => `X-${i}: v`).join("\r\n")}\r\n\r\n`,
    `GET /api/map?year=2008 HTTP/1.1\r\n`,
    Buffer.concat([Buffer.from("GET /"), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(` HTTP/1.1\r\n${h}\r\n`)]),
    Buffer.concat([Buffer.from("GET /api/country/"), Buffer.from([0xc0, 0xaf]), Buffer.from(` HTTP/1.1\r\n${h}\r\n`)]),
  ];
  for (let i = 0; i < 40; i++) {
    const len = 1 + Math.floor(rand() * 400);
    cases.push(Buffer.from(Array.from({ length: len }, () => Math.floor(rand() * 256))));
  }
  return cases;
}

/** Send one raw payload; resolve with the status line (or "closed"/"timeout"). */
export function sendRaw(url, payload, timeoutMs = 3000) {
  assertLoopback(url);
  const u = new URL(url);
  return new Promise((resolve) => {
    let got = "";
    let settled = false;
    const finish = (v) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(v);
    };
    const sock = connect({ host: u.hostname, port: Number(u.port) }, () => sock.end(payload));
    const timer = setTimeout(() => finish(got ? got.split("\r\n")[0] : "timeout"), timeoutMs);
    sock.on("data", (d) => {
      got += d.toString("latin1");
      if (got.includes("\r\n\r\n")) finish(got.split("\r\n")[0]);
    });
    sock.on("error", () => finish(got ? got.split("\r\n")[0] : "closed"));
    sock.on("close", () => finish(got ? got.split("\r\n")[0] : "closed"));
  });
}

/**
 * Send every fuzz case (a few at a time), then check the server still answers
 * /api/meta. Returns each case's status line and whether the server survived.
 */
export async function runFuzz({ url, seed = 1, parallel = 4 }) {
  const cases = fuzzCases(seed);
  const results = new Array(cases.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (i < cases.length) {
        const k = i++;
        results[k] = await sendRaw(url, cases[k]);
      }
    }),
  );
  await sleep(50);
  const alive = await sendRaw(url, `GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  return { cases: cases.length, results, alive: alive.startsWith("HTTP/1.1 200") };
}
