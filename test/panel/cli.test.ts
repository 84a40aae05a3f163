import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run, VERSION } from "../../src/cli/main.js";
import { DATA_DIR } from "../util/data.js";

const out = mkdtempSync(join(tmpdir(), "pkt-panel-cli-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("pkt panel build", () => {
  it("writes the panel, Parquet copy, codebook and provenance", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const code = await run(["node", "pkt", "panel", "build", "--out", out, "--data-dir", DATA_DIR, "--years", "2000-2005"]);
    log.mockRestore();
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["codebook.md", "panel.csv", "panel.parquet", "provenance.json"]);
    const csv = readFileSync(join(out, "panel.csv"), "utf8").split("\n");
    expect(csv[0].startsWith("ccode,iso3,country,year,un_troops,")).toBe(true);
    const prov = JSON.parse(readFileSync(join(out, "provenance.json"), "utf8"));
    expect(prov.program.version).toBe(VERSION);
    expect(prov.options.years).toEqual([2000, 2005]);
    expect(prov.sources.find((s: { id: string }) => s.id === "hti").sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses bad options with a clear message and exit code 1", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await run(["node", "pkt", "panel", "build", "--out", out, "--data-dir", DATA_DIR, "--un-source", "acled"])).toBe(1);
    expect(await run(["node", "pkt", "panel", "build", "--out", out, "--data-dir", DATA_DIR, "--years", "1700-1800"])).toBe(1);
    expect(await run(["node", "pkt", "panel", "build", "--out", out, "--data-dir", DATA_DIR, "--columns", "pdest,nope"])).toBe(1);
    const msgs = err.mock.calls.map((c) => String(c[0]));
    err.mockRestore();
    expect(msgs[0]).toBe('pkt: --un-source: expected one of ipi, kathman, got "acled"');
    expect(msgs[1]).toMatch(/years: 1700-1800 reaches outside the state-system data/);
    expect(msgs[2]).toMatch(/unknown panel column "nope"/);
  });
});
