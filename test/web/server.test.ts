import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRaw } from "../../bench/load-driver.mjs";
import { startServer, type RunningServer } from "../../src/server/index.js";
import { syntheticDashboardData } from "../fixtures/web/synthetic.js";

let server: RunningServer;
let dir: string;

/** Raw GET (or another method) without URL normalisation by the client. */
function raw(method: string, path: string): Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const u = new URL(server.url);
    const req = request({ host: u.hostname, port: u.port, method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pkt-web-"));
  const root = join(dir, "dist");
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(join(root, "assets", "app.js"), "export {};");
  writeFileSync(join(root, "assets", "style.css"), "body{}");
  writeFileSync(join(root, ".hidden"), "no");
  writeFileSync(join(dir, "secret.txt"), "SECRET");
  symlinkSync(join(dir, "secret.txt"), join(root, "link.txt"));
  server = await startServer({ data: syntheticDashboardData(), staticDir: root, program: { name: "pkt", version: "test" } });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("startServer", () => {
  it("binds to 127.0.0.1 by default", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves the app with the right content types", async () => {
    const index = await raw("GET", "/");
    expect(index.status).toBe(200);
    expect(index.type).toBe("text/html; charset=utf-8");
    expect(index.headers["x-content-type-options"]).toBe("nosniff");
    expect((await raw("GET", "/assets/app.js")).type).toBe("text/javascript; charset=utf-8");
    expect((await raw("GET", "/assets/style.css")).type).toBe("text/css; charset=utf-8");
    const head = await raw("HEAD", "/assets/app.js");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect((await raw("GET", "/nope.js")).status).toBe(404);
  });

  it("never serves a file outside the static directory", async () => {
    for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt",
      "/assets/..\\..\\secret.txt", "/%00index.html", "/index.html%00", "/link.txt", "/.hidden", "//etc/passwd", "/%2Fetc%2Fpasswd", "/%E0%A4%A"]) {
      const r = await raw("GET", p);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.body, p).not.toContain("SECRET");
      expect(r.type, p).toContain("application/json");
    }
  });

  it("answers only GET and HEAD", async () => {
    const connect = await sendRaw(server.url, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\n\r\n");
    expect(connect).toBe("HTTP/1.1 405 Method Not Allowed");
    for (const m of ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"]) {
      const r = await raw(m, "/api/meta");
      expect(r.status).toBe(405);
      expect(JSON.parse(r.body).error).toMatch(/GET or HEAD/);
    }
  });

  it("GET /api/meta lists sources, years, columns and the ISO numeric table", async () => {
    const r = await raw("GET", "/api/meta");
    expect(r.status).toBe(200);
    expect(r.type).toBe("application/json; charset=utf-8");
    const m = JSON.parse(r.body);
    expect(m.years).toEqual([1995, 2015]);
    expect(m.sources[0]).toHaveProperty("sha256");
    expect(m.sources[0]).toHaveProperty("citation");
    expect(m.columns.map((c: { name: string }) => c.name)).toContain("pdest");
    expect(m.isoNumeric["332"]).toBe("HTI");
    expect(m.countries.find((c: { iso3: string }) => c.iso3 === "HTI").ccode).toBe(41);
    expect(m.variants.defaults).toEqual({ reportAlignment: "t-1", unSource: "ipi", multiHost: "located", kosovo: "split-2008", usTroops: "legacy" });
  });

  it("GET /api/panel filters years and columns and switches variants", async () => {
    const a = JSON.parse((await raw("GET", "/api/panel?years=2001-2011&columns=iso3,year,pdest,un_total")).body);
    expect(a.columns).toEqual(["iso3", "year", "un_total", "pdest"]);
    expect(a.rows.every((r: { year: number }) => r.year >= 2001 && r.year <= 2011)).toBe(true);
    expect(a.n).toBe(50 * 11);
    expect(Object.keys(a.rows[0])).toEqual(["iso3", "year", "un_total", "pdest"]);
    const k = JSON.parse((await raw("GET", "/api/panel?years=2008&columns=iso3,un_total&unSource=kathman")).body);
    const i = JSON.parse((await raw("GET", "/api/panel?years=2008&columns=iso3,un_total")).body);
    const hti = (x: { rows: { iso3: string; un_total: number }[] }) => x.rows.find((r) => r.iso3 === "HTI")!.un_total;
    expect(hti(k)).toBeGreaterThan(hti(i));
    expect(k.variant.unSource).toBe("kathman");
  });

  it("GET /api/map and /api/country", async () => {
    const m = JSON.parse((await raw("GET", "/api/map?year=2008")).body);
    expect(m.year).toBe(2008);
    expect(m.rows.length).toBe(50);
    expect(m.columns).toContain("un_total");
    const c = JSON.parse((await raw("GET", "/api/country/HTI")).body);
    expect(c.country).toBe("Haiti");
    expect(c.rows.length).toBe(21);
    expect(c.missions.some((x: { mission: string }) => x.mission === "MINUSTAH")).toBe(true);
  });

  it("rejects bad parameters with 400 and a clear JSON message", async () => {
    const cases: [string, number, RegExp][] = [
      ["/api/panel?years=1800-2000", 400, /outside the panel's years 1995-2015/],
      ["/api/panel?years=2011-2001", 400, /first year is after the last/],
      ["/api/panel?years=abc", 400, /YYYY or YYYY-YYYY/],
      ["/api/panel?columns=pdest,evil", 400, /unknown column "evil"/],
      ["/api/panel?unSource=acled", 400, /unSource must be one of ipi, kathman/],
      ["/api/panel?reportAlignment=t%2B1", 400, /reportAlignment must be one of t-1, t/],
      ["/api/panel?multiHost=crosswalk", 400, /multiHost must be one of located, split, hq, full/],
      ["/api/panel?source=ipi", 400, /unknown query parameter "source"/],
      ["/api/panel?years=2001&years=2002", 400, /more than once/],
      ["/api/panel?foo=1", 400, /unknown query parameter "foo"/],
      ["/api/panel?years=%E0%A4%A", 400, /bad percent-encoding/],
      ["/api/panel?%zz=1", 400, /bad percent-encoding/],
      ["/api/map", 400, /year is required/],
      ["/api/map?year=20080", 400, /four-digit year/],
      ["/api/country/hti", 400, /ISO-3/],
      ["/api/country/ZZZ", 404, /no country ZZZ/],
      ["/api/country/%ZZ", 400, /percent-encoding/],
      ["/api/meta?x=1", 400, /unknown query parameter/],
      ["/api/nothing", 404, /no API endpoint/],
      [`/api/panel?columns=${"a".repeat(3000)}`, 400, /longer than 2000/],
      [`/api/panel?years=${"9".repeat(9000)}`, 414, /longer than 8192/],
    ];
    for (const [path, status, msg] of cases) {
      const r = await raw("GET", path);
      expect(r.status, path).toBe(status);
      expect(r.type, path).toContain("application/json");
      expect(JSON.parse(r.body).error, path).toMatch(msg);
    }
  });
});
