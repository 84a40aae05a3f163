import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchSources } from "../../src/sources/fetch.js";
import type { SourceDef } from "../../src/sources/source.js";
import { sha256 } from "../../src/sources/verify.js";

// A small fixture served from a local HTTP server stands in for the published files.
const body = "country,year,value\nA,2001,1\nB,2001,2\n";
let server: Server;
let base: string;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === "/good.csv" || req.url === "/bad.csv") {
      res.writeHead(200, { "content-type": "text/csv" });
      res.end(req.url === "/good.csv" ? body : body.replace("2", "3"));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function def(id: string, path: string, url: string | null): SourceDef {
  return { id, file: `fx/${id}.csv`, sha256: sha256(Buffer.from(body)), bytes: body.length, url: url && `${base}${path}`, what: "fixture", citation: "none", license: "none" };
}

describe("fetchSources", () => {
  it("downloads a missing file, verifies it, and leaves it alone next time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-fetch-"));
    const src = def("good", "/good.csv", "x");
    expect(await fetchSources(dir, [src])).toEqual([{ id: "good", file: "fx/good.csv", status: "downloaded" }]);
    expect(readFileSync(join(dir, "fx/good.csv"), "utf8")).toBe(body);
    const before = hits;
    expect(await fetchSources(dir, [src])).toEqual([{ id: "good", file: "fx/good.csv", status: "present" }]);
    expect(hits).toBe(before);
  });

  it("rejects a download whose SHA-256 differs and keeps the earlier file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-fetch-"));
    mkdirSync(join(dir, "fx"));
    writeFileSync(join(dir, "fx/bad.csv"), "earlier");
    const src = def("bad", "/bad.csv", "x");
    await expect(fetchSources(dir, [src])).rejects.toThrow(`fx/bad.csv: expected SHA-256 ${src.sha256} from ${base}/bad.csv, got ${sha256(Buffer.from(body.replace("2", "3")))}`);
    expect(readFileSync(join(dir, "fx/bad.csv"), "utf8")).toBe("earlier");
  });

  it("reports an HTTP error with the URL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-fetch-"));
    await expect(fetchSources(dir, [def("gone", "/gone.csv", "x")])).rejects.toThrow(`fx/gone.csv: expected HTTP 200 from ${base}/gone.csv, got HTTP 404`);
    expect(existsSync(join(dir, "fx/gone.csv"))).toBe(false);
  });

  it("reports derived files without a URL as unavailable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-fetch-"));
    expect(await fetchSources(dir, [def("derived", "/x", null)])).toEqual([{ id: "derived", file: "fx/derived.csv", status: "unavailable" }]);
  });
});
