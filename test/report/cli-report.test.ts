import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { studyOptionsFromCli } from "../../src/cli/report.js";
import { DATA_DIR } from "../util/data.js";

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const code = await run(["node", "pkt", ...argv]);
    return { code, out: log.mock.calls.map((c) => String(c[0])).join("\n"), err: error.mock.calls.map((c) => String(c[0])).join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe("pkt report", () => {
  it("a bad option is one clear error naming the choices", async () => {
    const r = await capture(["report", "--source", "sipri", "--data-dir", DATA_DIR]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("pkt: --source: expected one of ipi, kathman, got \"sipri\"");
    const y = await capture(["report", "--years", "1995-2011", "--data-dir", DATA_DIR]);
    expect(y.err).toContain("2001-2011");
    const d = await capture(["report", "--duration", "oldest", "--data-dir", DATA_DIR]);
    expect(d.code).toBe(1);
    expect(d.err).toContain("pkt: --duration: expected one of host, main-mission, got \"oldest\"");
  });

  it("--duration main-mission reaches the study options", () => {
    expect(studyOptionsFromCli({ out: "out", trend: true, png: true, duration: "main-mission" }).duration).toBe("main-mission");
    expect(studyOptionsFromCli({ out: "out", trend: true, png: true }).duration).toBe("host");
  });

  it("--json prints the findings and the models; progress goes to stderr", async () => {
    const out = mkdtempSync(join(tmpdir(), "pkt-cli-report-"));
    const r = await capture(["report", "--out", out, "--data-dir", DATA_DIR, "--no-png", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { findings: { id: string; verdict: string }[]; models: { id: string; formula: string }[]; options: { alignment: string } };
    expect(j.findings.map((f) => f.id)).toEqual(["size", "duration", "tcc", "placebo"]);
    expect(j.models.map((m) => m.id)).toEqual(["M1", "M2", "M3", "M4"]);
    expect(j.options.alignment).toBe("lag");
    expect(r.err).toMatch(/building the panel/);
    expect(r.err).toMatch(/done in/);
    expect(existsSync(join(out, "report.html"))).toBe(true);
    expect(existsSync(join(out, "figures", "map.png"))).toBe(false);
  });
});
