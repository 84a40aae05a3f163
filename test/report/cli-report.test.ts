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
    const r = await capture(["report", "--un-source", "sipri", "--data-dir", DATA_DIR]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("--un-source: expected one of ipi, kathman, got \"sipri\"");
    const m = await capture(["report", "--multi-host", "crosswalk", "--data-dir", DATA_DIR]);
    expect(m.err).toContain("--multi-host: expected one of located, split, hq, full, got \"crosswalk\"");
    // pkt cases takes the same flags with the same messages.
    const c = await capture(["cases", "--multi-host", "crosswalk", "--data-dir", DATA_DIR]);
    expect(c.code).toBe(1);
    expect(c.err).toContain("--multi-host: expected one of located, split, hq, full, got \"crosswalk\"");
    const a = await capture(["cases", "--report-alignment", "lag", "--data-dir", DATA_DIR]);
    expect(a.err).toContain("--report-alignment: expected one of t-1, t, got \"lag\"");
    const y = await capture(["report", "--years", "1995-2011", "--data-dir", DATA_DIR]);
    expect(y.err).toContain("2001-2011");
    const d = await capture(["report", "--duration", "oldest", "--data-dir", DATA_DIR]);
    expect(d.code).toBe(1);
    expect(d.err).toContain("--duration: expected one of presence, presence-log, main-lineage, any-mission, got \"oldest\"");
  });

  it("--duration and the shared panel flags reach the study options", () => {
    expect(studyOptionsFromCli({ out: "out", trend: true, png: true, duration: "main-lineage" }).duration).toBe("main-lineage");
    expect(studyOptionsFromCli({ out: "out", trend: true, png: true }).duration).toBe("presence");
    expect(studyOptionsFromCli({ out: "out", trend: true, png: true, multiHost: "split", kosovo: "serbia" })).toMatchObject({ multiHost: "split", kosovo: "serbia" });
  });

  it("--json prints the findings and the models; progress goes to stderr", async () => {
    const out = mkdtempSync(join(tmpdir(), "pkt-cli-report-"));
    const r = await capture(["report", "--out", out, "--data-dir", DATA_DIR, "--no-png", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { findings: { id: string; verdict: string }[]; models: { id: string; formula: string }[]; options: { reportAlignment: string } };
    expect(j.findings.map((f) => f.id)).toEqual(["size", "duration", "tcc", "placebo"]);
    expect(j.models.map((m) => m.id)).toEqual(["M1", "M2", "M3", "M4"]);
    expect(j.options.reportAlignment).toBe("t-1");
    expect(r.err).toMatch(/building the panel/);
    expect(r.err).toMatch(/done in/);
    expect(existsSync(join(out, "report.html"))).toBe(true);
    expect(existsSync(join(out, "figures", "map.png"))).toBe(false);
  });
});
