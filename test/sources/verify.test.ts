import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES, sourceById } from "../../src/sources/registry.js";
import { checkSource, readVerified, sha256 } from "../../src/sources/verify.js";
import { DATA_DIR } from "../util/data.js";

const manifest = JSON.parse(readFileSync(join(DATA_DIR, "manifest.json"), "utf8")) as {
  files: Array<{ id: string; file: string; sha256: string; bytes: number; url: string | null }>;
};

describe("source registry", () => {
  it("agrees with the shared manifest on every file, hash and URL", () => {
    expect(SOURCES.map((s) => s.id).sort()).toEqual(manifest.files.map((f) => f.id).sort());
    for (const f of manifest.files) {
      const s = sourceById(f.id)!;
      expect({ file: s.file, sha256: s.sha256, bytes: s.bytes, url: s.url }).toEqual({
        file: f.file,
        sha256: f.sha256,
        bytes: f.bytes,
        url: f.url,
      });
    }
  });

  it("verifies every real file", () => {
    for (const s of SOURCES) {
      const st = checkSource(DATA_DIR, s);
      expect(st.verified, s.file).toBe(true);
    }
  });
});

describe("readVerified", () => {
  const src = sourceById("un_missions")!;

  function copyWithOneByteChanged(): string {
    const dir = mkdtempSync(join(tmpdir(), "pkt-verify-"));
    const path = join(dir, src.file);
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(join(DATA_DIR, src.file), path);
    const bytes = readFileSync(path);
    bytes[100] = bytes[100] ^ 1;
    writeFileSync(path, bytes);
    return dir;
  }

  it("names the file and both hashes when one byte differs", () => {
    const dir = copyWithOneByteChanged();
    const actual = sha256(readFileSync(join(dir, src.file)));
    expect(() => readVerified(dir, src)).toThrow(
      `pko/un_dppadposs_missions.csv: expected SHA-256 ${src.sha256}, got ${actual} (the file differs from the published one)`,
    );
    expect(checkSource(dir, src)).toMatchObject({ present: true, verified: false, actual });
  });

  it("says a missing file is missing and how to get it", () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-empty-"));
    expect(() => readVerified(dir, src)).toThrow(/pko\/un_dppadposs_missions.csv: expected the file in .* \(run `pkt data fetch` or pass --data-dir\), got no such file/);
  });
});
