import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheDataDir, packageRoot, resolveDataDir } from "../../src/sources/data-dir.js";

describe("resolveDataDir", () => {
  const tmp = mkdtempSync(join(tmpdir(), "pkt-dd-"));
  it("prefers --data-dir, then PKT_DATA_DIR, then ../shared/data", () => {
    expect(resolveDataDir(tmp, { PKT_DATA_DIR: "/nonexistent" })).toEqual({ path: tmp, origin: "option" });
    expect(resolveDataDir(undefined, { PKT_DATA_DIR: tmp })).toEqual({ path: tmp, origin: "env" });
    expect(resolveDataDir(undefined, {})).toEqual({ path: resolve(packageRoot(), "../shared/data"), origin: "shared" });
  });
  it("rejects a given directory that does not exist", () => {
    expect(() => resolveDataDir("/no/such/dir", {})).toThrow("--data-dir /no/such/dir: no such directory");
    expect(() => resolveDataDir(undefined, { PKT_DATA_DIR: "/no/such" })).toThrow("PKT_DATA_DIR=/no/such: no such directory");
  });
  it("puts the cache under XDG_CACHE_HOME", () => {
    expect(cacheDataDir({ XDG_CACHE_HOME: "/c" })).toBe("/c/peacekeeping-trafficking/data");
  });
});
