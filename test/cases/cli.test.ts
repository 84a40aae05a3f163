import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { DATA_DIR } from "../util/data.js";

describe("pkt cases", () => {
  it("writes the pages for any countries, by name, ISO-3 or COW code", async () => {
    const out = mkdtempSync(join(tmpdir(), "pkt-cases-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const code = await run(["node", "pkt", "cases", "--out", out, "--data-dir", DATA_DIR, "--countries", "LBR,437", "--from", "2000", "--to", "2012", "--no-synth", "--no-png", "--quiet", "--reps", "19"]);
    log.mockRestore();
    expect(code).toBe(0);
    for (const f of ["cases.md", "cases.html", "cases.json", "figures/cases/liberia-timeline.svg", "figures/cases/ivory-coast-timeline.svg"]) expect(existsSync(join(out, f)), f).toBe(true);
    const json = JSON.parse(readFileSync(join(out, "cases.json"), "utf8"));
    expect(json.settings).toMatchObject({ countries: ["LBR", "437"], from: 2000, to: 2012, synth: false, reps: 19 });
    expect(json.cases.map((c: { country: { ccode: number } }) => c.country.ccode)).toEqual([450, 437]);
  });
  it("fails with a clear message on a bad year", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const code = await run(["node", "pkt", "cases", "--from", "nineteen", "--quiet"]);
    expect(code).toBe(1);
    expect(err.mock.calls.flat().join(" ")).toMatch(/--from: expected a whole number, got "nineteen"/);
    err.mockRestore();
  });
});
