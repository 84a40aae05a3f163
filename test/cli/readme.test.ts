/** The README's `pkt fit` examples run as written, and say what `| g` does. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";

const ROOT = resolve(import.meta.dirname, "../..");
const README = readFileSync(resolve(ROOT, "README.md"), "utf8");

/** Split a command line as sh would for double-quoted words (all the README uses). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

const examples = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split("\n")).filter((l) => l.startsWith("npx pkt fit "));

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("README", () => {
  it("tells a newcomer to run pkt through npx", () => {
    expect(README).toMatch(/`npx pkt \.\.\.`/);
  });

  it("has three pkt fit examples", () => expect(examples.length).toBe(3));

  for (const [i, line] of examples.entries()) {
    it(`example ${i + 1} runs: ${line}`, async () => {
      const out: string[] = [];
      vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
      const cwd = process.cwd();
      process.chdir(ROOT);
      try {
        expect(await run(["node", ...words(line).slice(1)])).toBe(0);
      } finally {
        process.chdir(cwd);
      }
      const text = out.join("\n");
      // What the README says each one fits: | g is fixed effects (feols with ols, conditional logit with logit).
      const model = line.includes("--json") ? (JSON.parse(text) as { model: string }).model : text.split(":")[0];
      expect(model).toBe(["logit", "feols", "clogit"][i]);
    });
  }
});
