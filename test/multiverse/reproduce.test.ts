import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { multiverse } from "../../src/multiverse/multiverse.js";
import { reproduceCommand } from "../../src/multiverse/specs-csv.js";
import { SourceLoader } from "../../src/panel/index.js";
import { studyPanel } from "../../src/study/real-panel.js";
import { DATA_DIR } from "../util/data.js";

/** Split a command the way a POSIX shell would for the quoting reproduceCommand uses. */
function words(cmd: string): string[] {
  const out: string[] = [];
  for (const m of cmd.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) out.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]);
  return out;
}

/** Run a pkt command line in this process; its stdout lines. */
async function pkt(cmd: string): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const errs: string[] = [];
  const err = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errs.push(a.join(" ")));
  try {
    const code = await run(["node", ...words(cmd)]);
    expect(code, `${cmd}: ${errs.join(" | ")}`).toBe(0);
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  return out.join("\n");
}

describe("the reproduce column on the real data", () => {
  const dir = mkdtempSync(join(tmpdir(), "pkt-mv-repro-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = undefined;
  });

  it("20 rows drawn at random from the default grid: pkt panel build then pkt fit give each row's estimate, SE and N", async () => {
    const loader = new SourceLoader(DATA_DIR);
    const m = multiverse({ grid: "default", max: 20, seed: 2026 }, { panel: (o) => studyPanel(DATA_DIR, o, loader) });
    expect(m.results).toHaveLength(20);
    const built = new Map<string, string>();
    let checked = 0;
    for (const r of m.results) {
      const variant = join(dir, `v${built.size}`);
      const [build0] = reproduceCommand(r, { outDir: "DIR", dataDir: DATA_DIR }).split(" && ");
      let out = built.get(build0);
      if (out === undefined) {
        out = variant;
        built.set(build0, out);
        await pkt(build0.replace("--out DIR", `--out ${out}`));
      }
      const [, fitCmd] = reproduceCommand(r, { outDir: out, dataDir: DATA_DIR }).split(" && ");
      if (r.error !== null) continue;
      const j = JSON.parse(await pkt(fitCmd)) as { tidy: { term: string; estimate: number; std_error: number }[]; glance: { nobs: number } };
      const t = j.tidy.find((x) => x.term === r.term)!;
      expect(Math.abs(t.estimate - r.estimate!), `${r.index} ${fitCmd}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.estimate!)));
      expect(Math.abs(t.std_error - r.std_error!), `${r.index} ${fitCmd}`).toBeLessThanOrEqual(1e-9 * Math.max(1, r.std_error!));
      expect(j.glance.nobs).toBe(r.nobs);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(18);
    expect(built.size).toBeGreaterThan(3);
  }, 300_000);
});
