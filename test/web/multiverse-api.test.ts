import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORKS } from "../../src/multiverse/forks.js";
import { parseSpecsCsv } from "../../src/multiverse/read-specs.js";
import type { SpecResult } from "../../src/multiverse/run.js";
import { specsCsv } from "../../src/multiverse/specs-csv.js";
import { MULTIVERSE_MISSING, startServer, type RunningServer } from "../../src/server/index.js";
import { syntheticDashboardData } from "../fixtures/web/synthetic.js";

let without: RunningServer;
let withResults: RunningServer;

function get(server: RunningServer, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const u = new URL(server.url);
    const req = request({ host: u.hostname, port: u.port, method: "GET", path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as Record<string, unknown> }));
    });
    req.on("error", reject);
    req.end();
  });
}

const spec = (index: number, claim: SpecResult["claim"], estimate: number): SpecResult => ({
  index, claim, model: claim === "size" ? "M1" : "M4",
  choices: { ...Object.fromEntries(FORKS.map((f) => [f.id, f.options[0].id])), duration: "-", contributors: "-", ...(claim === "size" ? { usTroops: "-" } : { size: "-" }) },
  term: "log1p(un_total)", formula: "pdest ~ log1p(un_total)", kind: "logit", vcov: "cluster:ccode", exclude: [], years: [2001, 2011],
  estimate, std_error: 0.1, p_value: 0.5, conf_low: estimate - 0.2, conf_high: estimate + 0.2, nobs: 100, n_clusters: 10, converged: true, warnings: "", error: null,
});

beforeAll(async () => {
  const specs = parseSpecsCsv(specsCsv([spec(1, "size", 0.1), spec(2, "size", -0.2), spec(30, "placebo", 0.01)]));
  without = await startServer({ data: syntheticDashboardData(), staticDir: "/nonexistent", program: { name: "pkt", version: "test" } });
  withResults = await startServer({ data: syntheticDashboardData(), staticDir: "/nonexistent", program: { name: "pkt", version: "test" }, multiverse: { specs, summary: { claims: [], fitted: 3 } } });
});

afterAll(async () => {
  await without.close();
  await withResults.close();
});

describe("/api/multiverse", () => {
  it("answers 404 with the command to run when the server has no results", async () => {
    for (const path of ["/api/multiverse", "/api/multiverse/specs?claim=size", "/api/multiverse/spec/1"]) {
      const r = await get(without, path);
      expect(r.status).toBe(404);
      expect(r.body.error).toBe(MULTIVERSE_MISSING);
    }
    expect(MULTIVERSE_MISSING).toContain("`pkt multiverse --out out/multiverse`");
  });

  it("serves summary.json and the count per claim", async () => {
    const r = await get(withResults, "/api/multiverse");
    expect(r.status).toBe(200);
    expect(r.body.counts).toEqual({ size: 2, placebo: 1 });
    expect((r.body.summary as { fitted: number }).fitted).toBe(3);
  });

  it("serves a claim's specifications, compact, and one specification in full", async () => {
    const r = await get(withResults, "/api/multiverse/specs?claim=size");
    const rows = r.body.rows as { index: number; estimate: number; choices: string[]; reproduce?: string }[];
    expect(rows.map((x) => [x.index, x.estimate])).toEqual([[1, 0.1], [2, -0.2]]);
    expect(rows[0].reproduce).toBeUndefined();
    const forks = r.body.forks as string[];
    expect(forks).toEqual(FORKS.map((f) => f.id));
    expect(rows[0].choices[forks.indexOf("estimator")]).toBe("logit");
    expect(rows[0].choices[forks.indexOf("duration")]).toBe("-");
    const one = await get(withResults, "/api/multiverse/spec/30");
    expect(one.body.claim).toBe("placebo");
    expect(one.body.reproduce).toMatch(/^pkt panel build /);
  });

  it("refuses bad requests with one line saying what was expected", async () => {
    expect(await get(withResults, "/api/multiverse/specs?claim=sise")).toEqual({ status: 400, body: { status: 400, error: 'claim must be one of size, duration, contributors, placebo; got "sise"' } });
    expect((await get(withResults, "/api/multiverse/spec/abc")).status).toBe(400);
    expect(await get(withResults, "/api/multiverse/spec/99")).toEqual({ status: 404, body: { status: 404, error: "no specification 99 in specs.csv" } });
    expect((await get(withResults, "/api/multiverse?x=1")).status).toBe(400);
  });
});
