import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { DATA_DIR } from "../util/data.js";

const out = mkdtempSync(join(tmpdir(), "pkt-contributors-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("pkt contributors", () => {
  it("refuses bad options with one line starting with pkt: and writes nothing", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await run(["node", "pkt", "contributors", "--out", out, "--data-dir", DATA_DIR, "--seed", "abc"])).toBe(1);
    expect(await run(["node", "pkt", "contributors", "--out", out, "--data-dir", DATA_DIR, "--nsim", "3"])).toBe(1);
    expect(await run(["node", "pkt", "contributors", "--out", out, "--data-dir", join(out, "nope")])).toBe(1);
    const msgs = err.mock.calls.map((c) => String(c[0]));
    err.mockRestore();
    expect(msgs).toEqual([
      'pkt: --seed: expected a whole number >= 0, got "abc"',
      'pkt: --nsim: expected a whole number >= 10, got "3"',
      `pkt: --data-dir ${join(out, "nope")}: no such directory`,
    ]);
    expect(existsSync(join(out, "contributors.md"))).toBe(false);
  });
});
