import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { DATA_DIR } from "../util/data.js";

/** Every file the manifest lists is registered and verified (34 since Geo-PKO's two files). */
const N_FILES = (JSON.parse(readFileSync(join(DATA_DIR, "manifest.json"), "utf8")) as { files: unknown[] }).files.length;

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
});
afterEach(() => vi.restoreAllMocks());

describe("pkt data", () => {
  it("verify passes on the shared data", async () => {
    expect(await run(["node", "pkt", "data", "verify", "--data-dir", DATA_DIR])).toBe(0);
    expect(out.at(-1)).toBe(`all ${N_FILES} source files verified in ${DATA_DIR}`);
  });

  it("verify fails and names the file when one byte of a copy changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-cli-"));
    cpSync(DATA_DIR, dir, { recursive: true });
    const f = join(dir, "trafficking/tip_tiers_orig.csv");
    const bytes = readFileSync(f);
    bytes[5000] = bytes[5000] === 0x31 ? 0x32 : 0x31;
    writeFileSync(f, bytes);
    expect(await run(["node", "pkt", "data", "verify", "--data-dir", dir])).toBe(1);
    expect(err.filter((l) => l.startsWith("MISMATCH"))).toEqual([
      expect.stringMatching(/^MISMATCH {2}trafficking\/tip_tiers_orig.csv: expected SHA-256 [0-9a-f]{64}, found [0-9a-f]{64}$/),
    ]);
    expect(err.at(-1)).toBe(`pkt: 1 of ${N_FILES} source files failed verification in ${dir}`);
  });

  it("list shows each source with its citation as JSON", async () => {
    expect(await run(["node", "pkt", "data", "list", "--json", "--data-dir", DATA_DIR])).toBe(0);
    const j = JSON.parse(out.join("\n")) as { sources: Array<{ id: string; verified: boolean; citation: string }> };
    expect(j.sources).toHaveLength(N_FILES);
    expect(j.sources.find((s) => s.id === "hti")).toMatchObject({ verified: true, citation: expect.stringContaining("Human Trafficking Indicators") });
  });

  it("exits non-zero on an unknown command and zero on --help", async () => {
    expect(await run(["node", "pkt", "nonsense"])).not.toBe(0);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await run(["node", "pkt", "data", "verify", "--help"])).toBe(0);
  });
});
