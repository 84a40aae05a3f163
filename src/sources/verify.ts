import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../core/errors.js";
import type { SourceDef } from "./source.js";

/** The state of one source file in a data directory. */
export interface SourceStatus {
  readonly id: string;
  readonly file: string;
  readonly present: boolean;
  /** True when present and the SHA-256 matches. */
  readonly verified: boolean;
  readonly expected: string;
  /** SHA-256 of the file found, or null when absent. */
  readonly actual: string | null;
}

/** SHA-256 of bytes, lowercase hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Hash a source file in `dataDir` and compare it with the registry. */
export function checkSource(dataDir: string, src: SourceDef): SourceStatus {
  const path = join(dataDir, src.file);
  if (!existsSync(path)) {
    return { id: src.id, file: src.file, present: false, verified: false, expected: src.sha256, actual: null };
  }
  const actual = sha256(readFileSync(path));
  return { id: src.id, file: src.file, present: true, verified: actual === src.sha256, expected: src.sha256, actual };
}

/**
 * Read a source file's bytes after checking its SHA-256; throws a DataError naming
 * the file and both hashes on a mismatch, or saying the file is missing.
 */
export function readVerified(dataDir: string, src: SourceDef): Buffer {
  const path = join(dataDir, src.file);
  if (!existsSync(path)) {
    throw new DataError({ file: src.file }, `the file in ${dataDir} (run \`pkt data fetch\` or pass --data-dir)`, "no such file");
  }
  const bytes = readFileSync(path);
  const actual = sha256(bytes);
  if (actual !== src.sha256) {
    throw new DataError({ file: src.file }, `SHA-256 ${src.sha256}`, `${actual} (the file differs from the published one)`);
  }
  return bytes;
}
