import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { isPktOutput, openOutDir, withOutDir } from "../../src/cli/out-dir.js";

const fresh = (): string => mkdtempSync(join(tmpdir(), "pkt-out-dir-"));

/** A child process that opens `out`, writes a file into the staging directory, says "ready" and waits. */
async function holder(out: string): Promise<{ ready: Promise<void>; exited: Promise<number | null>; kill: (s: NodeJS.Signals) => void; pid: number }> {
  const dir = fresh();
  const driver = join(dir, "driver.ts");
  writeFileSync(
    driver,
    `import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openOutDir } from ${JSON.stringify(resolve(import.meta.dirname, "../../src/cli/out-dir.ts"))};
const o = openOutDir("--out", process.argv[2]);
writeFileSync(join(o.staging, "half.txt"), "x");
console.log("ready");
setInterval(() => undefined, 1000);
`,
  );
  const outfile = join(dir, "driver.mjs");
  await build({ entryPoints: [driver], bundle: true, platform: "node", format: "esm", outfile, logLevel: "silent" });
  const child = spawn(process.execPath, [outfile, out], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<void>((res) => child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && res()));
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  return { ready, exited, kill: (s) => child.kill(s), pid: child.pid! };
}

describe("output directories", () => {
  it("accept a directory that holds only a pkt multiverse run (out/ after pkt multiverse --out out/multiverse), and refuse other files", () => {
    const root = fresh();
    const out = join(root, "out");
    mkdirSync(join(out, "multiverse"), { recursive: true });
    writeFileSync(join(out, "multiverse", "summary.json"), JSON.stringify({ program: { name: "pkt", version: "x" } }));
    expect(isPktOutput(join(out, "multiverse"))).toBe(true);
    expect(isPktOutput(out)).toBe(false);
    openOutDir("--out", out).abort();
    writeFileSync(join(out, "notes.txt"), "mine");
    expect(() => openOutDir("--out", out)).toThrow(/--out .*: expected an empty directory or an earlier pkt output/);
    const other = join(root, "other");
    mkdirSync(join(other, "stats"), { recursive: true });
    writeFileSync(join(other, "stats", "summary.json"), JSON.stringify({ program: { name: "someone-else" } }));
    expect(() => openOutDir("--out", other)).toThrow(/expected an empty directory or an earlier pkt output/);
  });

  it("a rerun replaces the directory: no stale files from the earlier run", async () => {
    const root = fresh();
    const out = join(root, "out");
    await withOutDir("--out", out, (s) => {
      writeFileSync(join(s, "provenance.json"), "{}");
      mkdirSync(join(s, "figures"));
      writeFileSync(join(s, "figures", "old.svg"), "<svg/>");
    });
    expect(readdirSync(out).sort()).toEqual(["figures", "provenance.json"]);
    await withOutDir("--out", out, (s) => writeFileSync(join(s, "provenance.json"), "{}"));
    expect(readdirSync(out)).toEqual(["provenance.json"]);
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("a failed run leaves the earlier output and no temporary files", async () => {
    const root = fresh();
    const out = join(root, "out");
    await withOutDir("--out", out, (s) => writeFileSync(join(s, "provenance.json"), "1"));
    await expect(withOutDir("--out", out, (s) => {
      writeFileSync(join(s, "provenance.json"), "2");
      throw new Error("boom");
    })).rejects.toThrow("boom");
    expect(readdirSync(root)).toEqual(["out"]);
    expect(readdirSync(out)).toEqual(["provenance.json"]);
  });

  it("missing parents are created, and removed again when the run fails", async () => {
    const root = fresh();
    await expect(withOutDir("--out", join(root, "a", "b", "out"), () => {
      throw new Error("boom");
    })).rejects.toThrow("boom");
    expect(readdirSync(root)).toEqual([]);
  });

  it("an interrupted run (SIGINT, SIGTERM) leaves no temporary files and no lock", async () => {
    for (const sig of ["SIGINT", "SIGTERM"] as const) {
      const root = fresh();
      const h = await holder(join(root, "out"));
      await h.ready;
      expect(readdirSync(root).length).toBe(2); // staging + lock
      h.kill(sig);
      expect(await h.exited).toBe(sig === "SIGINT" ? 130 : 143);
      expect(readdirSync(root)).toEqual([]);
    }
  });

  it("a second run into the same --out refuses while the first is writing, and goes ahead after", async () => {
    const root = fresh();
    const out = join(root, "out");
    const h = await holder(out);
    await h.ready;
    expect(() => openOutDir("--out", out)).toThrow(`--out ${out}: another pkt run (pid ${h.pid}) is writing there; wait for it to finish or choose another --out`);
    h.kill("SIGKILL");
    await h.exited;
    // A lock left by a killed run is stale (its pid is gone) and is taken over.
    const o = openOutDir("--out", out);
    writeFileSync(join(o.staging, "provenance.json"), "{}");
    o.commit();
    expect(existsSync(join(out, "provenance.json"))).toBe(true);
    expect(readdirSync(root).filter((f) => f.includes("pkt-lock"))).toEqual([]);
  });
});
