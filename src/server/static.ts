import { realpathSync, statSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { HttpError } from "./params.js";

/** Content types by file extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
});

/** The content type for a file name. */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Map a raw request path (still percent-encoded) to a file inside `root`, or throw
 * an HttpError. Rejects bad encodings, NUL, backslashes, `.`/`..` segments, and any
 * result whose real path (after symlinks) leaves `root`. `/` maps to `index.html`.
 */
export function resolveStatic(root: string, rawPath: string): string {
  if (!rawPath.startsWith("/")) throw new HttpError(400, "the request path must start with /");
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new HttpError(400, "bad percent-encoding in the request path");
  }
  if (decoded.includes("\0")) throw new HttpError(400, "the request path contains a NUL byte");
  if (decoded.includes("\\")) throw new HttpError(400, "the request path contains a backslash");
  const segments = decoded.split("/").slice(1);
  if (segments.some((s) => s === ".." || s === ".")) throw new HttpError(400, "the request path contains a . or .. segment");
  if (segments.slice(0, -1).some((s) => s === "")) throw new HttpError(400, "the request path contains an empty segment");
  if (segments.some((s) => s.startsWith("."))) throw new HttpError(404, "not found");
  const rel = segments[segments.length - 1] === "" ? [...segments.slice(0, -1), "index.html"] : segments;
  const realRoot = realpathSync(root);
  const candidate = join(realRoot, ...rel);
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    throw new HttpError(404, "not found");
  }
  if (!real.startsWith(realRoot + sep)) throw new HttpError(404, "not found");
  let isFile = false;
  try {
    isFile = statSync(real).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) throw new HttpError(404, "not found");
  return real;
}
