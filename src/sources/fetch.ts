import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../core/atomic-write.js";
import { DataError } from "../core/errors.js";
import type { SourceDef } from "./source.js";
import { sha256 } from "./verify.js";

/** What happened to one source during a fetch. */
export interface FetchOutcome {
  readonly id: string;
  readonly file: string;
  /** `present`: already there and verified; `downloaded`: fetched and verified; `unavailable`: no URL (derived file). */
  readonly status: "present" | "downloaded" | "unavailable";
}

export interface FetchOptions {
  /** Called with a line of progress per file. */
  readonly log?: (line: string) => void;
  /** Timeout per download in milliseconds. Default 60 s. */
  readonly timeoutMs?: number;
}

/**
 * Download every missing or mismatched source into `dir` from its URL, check the
 * SHA-256 before the file is written (a bad download never replaces anything), and
 * report what was done. Derived files, which have no URL, are reported as unavailable.
 */
export async function fetchSources(dir: string, sources: readonly SourceDef[], opts: FetchOptions = {}): Promise<FetchOutcome[]> {
  const out: FetchOutcome[] = [];
  for (const src of sources) {
    const path = join(dir, src.file);
    if (existsSync(path) && sha256(readFileSync(path)) === src.sha256) {
      out.push({ id: src.id, file: src.file, status: "present" });
      continue;
    }
    if (src.url === null) {
      opts.log?.(`${src.file}: no download URL (${src.derived ?? "derived file"}); copy it into ${dir}`);
      out.push({ id: src.id, file: src.file, status: "unavailable" });
      continue;
    }
    opts.log?.(`${src.file}: downloading ${src.url}`);
    let res: Response;
    try {
      res = await fetch(src.url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
    } catch (err) {
      throw new DataError({ file: src.file }, `a download from ${src.url}`, `a network error (${(err as Error).message})`);
    }
    if (!res.ok) throw new DataError({ file: src.file }, `HTTP 200 from ${src.url}`, `HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const actual = sha256(bytes);
    if (actual !== src.sha256) {
      throw new DataError({ file: src.file }, `SHA-256 ${src.sha256} from ${src.url}`, actual);
    }
    writeFileAtomic(path, bytes);
    out.push({ id: src.id, file: src.file, status: "downloaded" });
  }
  return out;
}
