/** resolveStatic never returns a path outside the static directory, whatever the request path. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "../../src/server/params.js";
import { contentType, resolveStatic } from "../../src/server/static.js";

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pkt-static-"));
  root = join(dir, "dist");
  mkdirSync(join(root, "assets", "sub"), { recursive: true });
  writeFileSync(join(root, "index.html"), "i");
  writeFileSync(join(root, "assets", "a.js"), "a");
  writeFileSync(join(root, "assets", "sub", "b.css"), "b");
  writeFileSync(join(dir, "secret.txt"), "s");
  symlinkSync(join(dir, "secret.txt"), join(root, "assets", "escape.js"));
  symlinkSync(join(root, "assets", "a.js"), join(root, "assets", "inside.js"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("resolveStatic", () => {
  it("serves files inside the root and / as index.html", () => {
    expect(resolveStatic(root, "/")).toBe(join(root, "index.html"));
    expect(resolveStatic(root, "/assets/a.js")).toBe(join(root, "assets", "a.js"));
    expect(resolveStatic(root, "/assets/sub/b%2Ecss")).toBe(join(root, "assets", "sub", "b.css"));
    expect(resolveStatic(root, "/assets/inside.js")).toBe(join(root, "assets", "a.js"));
  });

  it("refuses symlinks out of the root, directories and missing files", () => {
    for (const p of ["/assets/escape.js", "/assets", "/assets/", "/nope.js"]) {
      expect(() => resolveStatic(root, p), p).toThrow(HttpError);
    }
  });

  it("never resolves outside the root for any path (property)", () => {
    const piece = fc.constantFrom("..", ".", "%2e%2e", "%2E.", "%2f", "%5c", "\\", "%00", "assets", "sub", "a.js", "b.css", "index.html", "secret.txt", "", "%", "%zz", "~", "//");
    const path = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 8 }).map((xs) => "/" + xs.join("/"));
    fc.assert(
      fc.property(path, (p) => {
        try {
          const f = resolveStatic(root, p);
          return f.startsWith(root + sep);
        } catch (err) {
          return err instanceof HttpError && err.status >= 400 && err.status < 500;
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it("gives each extension its content type", () => {
    expect(contentType("x.html")).toBe("text/html; charset=utf-8");
    expect(contentType("x.JS")).toBe("text/javascript; charset=utf-8");
    expect(contentType("x.json")).toBe("application/json; charset=utf-8");
    expect(contentType("x.svg")).toBe("image/svg+xml");
    expect(contentType("x.bin")).toBe("application/octet-stream");
  });
});
