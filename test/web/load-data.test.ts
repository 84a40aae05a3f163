import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPanel, toRows } from "../../src/panel/index.js";
import { DEFAULT_VARIANT } from "../../src/server/data.js";
import { loadDashboardData, panelOptionsOf } from "../../src/server/load-data.js";
import { DATA_DIR } from "../util/data.js";

const hasData = existsSync(join(DATA_DIR, "manifest.json"));

describe.skipIf(!hasData)("loadDashboardData (real sources)", () => {
  const t0 = performance.now();
  const data = loadDashboardData(DATA_DIR);
  const ms = performance.now() - t0;

  it("builds the default panel once at start", async () => {
    process.stdout.write(`[web] dashboard data built in ${ms.toFixed(0)} ms\n`);
    const rows = await data.panel(DEFAULT_VARIANT);
    expect(rows.length).toBeGreaterThan(4000);
    expect(data.columns.map((c) => c.name)).toEqual(expect.arrayContaining(["ccode", "iso3", "un_total", "pdest", "us_troops", "nonun_total"]));
    expect(data.sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256) && s.citation.length > 10)).toBe(true);
    // /api/meta sends `origin` to every browser: it names the files, not where they sit on the server.
    expect(data.origin).not.toContain(DATA_DIR);
    expect(data.origin).not.toMatch(/\//);
  });

  it("builds each variant exactly as buildPanel does (reads shared across variants)", async () => {
    const v = { reportAlignment: "t", unSource: "kathman", multiHost: "split", kosovo: "serbia", usTroops: "rebuild" } as const;
    const t1 = performance.now();
    const rows = await data.panel(v);
    process.stdout.write(`[web] a second variant built in ${(performance.now() - t1).toFixed(0)} ms\n`);
    expect(rows).toEqual(toRows(buildPanel(DATA_DIR, panelOptionsOf(v))));
  });

  it("maps ISO numeric ids to ISO-3", () => {
    expect(data.isoNumeric["332"]).toBe("HTI");
    expect(data.isoNumeric["004"]).toBe("AFG");
    expect(data.isoNumeric["688"]).toBe("SRB");
  });

  it("gives per-mission timelines (README facts: UNAMSIL 2001, MINUSTAH from 2004)", () => {
    const sle = data.missions("SLE").filter((m) => m.mission === "UNAMSIL" && m.year === 2001);
    expect(sle).toHaveLength(1);
    expect(sle[0].troops).toBeGreaterThan(10000);
    const hti = data.missions("HTI").filter((m) => m.mission === "MINUSTAH");
    expect(Math.min(...hti.map((m) => m.year))).toBe(2004);
    const bih = data.missions("BIH").filter((m) => m.org !== "UN");
    expect(bih.length).toBeGreaterThan(0);
  });
});
