/** Entry points (issue 12): `peacekeeping-trafficking/stats` loads only the engine; the root loads no heavy package. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../src/core/version.js";
import { VERSION as CLI_VERSION } from "../../src/cli/main.js";

const ROOT = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string; exports: Record<string, string | { types: string; default: string }> };

/** Every module reachable from `entry` through static imports, and the packages they import. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>(), packages = new Set<string>();
  const visit = (f: string): void => {
    if (files.has(f)) return;
    files.add(f);
    const text = readFileSync(f, "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
      const spec = m[1];
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
      if (spec.startsWith(".")) visit(resolve(dirname(f), spec.replace(/\.js$/, ".ts")));
      else if (!spec.startsWith("node:")) packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  };
  visit(resolve(ROOT, entry));
  return { files, packages };
}

describe("package entry points", () => {
  it("the engine (peacekeeping-trafficking/stats) imports only src/stats and src/core, and no package", () => {
    const r = reach("src/stats/index.ts");
    expect([...r.packages]).toEqual([]);
    const outside = [...r.files].map((f) => relative(ROOT, f)).filter((f) => !f.startsWith("src/stats/") && !f.startsWith("src/core/"));
    expect(outside).toEqual([]);
  });

  it("the root loads neither DuckDB, Vega, resvg, topojson nor the CLI", () => {
    const r = reach("src/index.ts");
    expect([...r.packages].sort()).toEqual([]);
    expect([...r.files].map((f) => relative(ROOT, f)).filter((f) => f.startsWith("src/cli/") || f === "src/panel/write.ts")).toEqual([]);
  });

  it("package.json exports name a compiled file for every subpath, with its types", () => {
    expect(Object.keys(pkg.exports)).toEqual([".", "./stats", "./panel", "./sources", "./codes", "./report", "./server", "./cli", "./package.json", "./dist/*"]);
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === "string") continue;
      const src = target.default.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
      expect(existsSync(resolve(ROOT, src)), `${key} -> ${src}`).toBe(true);
      expect(target.types).toBe(target.default.replace(/\.js$/, ".d.ts"));
    }
  });

  it("the version lives in src/core and equals package.json's", () => {
    expect(VERSION).toBe(pkg.version);
    expect(CLI_VERSION).toBe(VERSION);
  });
});
