/**
 * The multiverse as the report shows it (Node only): an earlier full run of `pkt multiverse`
 * reused when its inputs match, else a seeded random sample of the default grid, stratified
 * by claim, fitted on a worker thread while the report does the rest. Either way the report
 * says which, and carries the run's files in its own output (`multiverse/`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { sourceById } from "../sources/registry.js";
import { CLAIMS, type ClaimId } from "./forks.js";
import { multiverse, multiverseFiles, requestJson, type MultiverseRequest } from "./multiverse.js";
import { defaultWorkerUrl, multiverseParallel } from "./parallel.js";
import type { MultiverseEngine } from "./run.js";
import type { ClaimSummary } from "./summary.js";

/** What the report needs of a multiverse run. Plain data. */
export interface MultiverseDigest {
  /**
   * `reused`: an earlier full run whose inputs match; `sample`: a random sample, fitted now or
   * (with `reusedFrom`) by an earlier report with the same request, program version and data.
   */
  readonly mode: "reused" | "sample";
  /** The directory reused (as given), or null. */
  readonly reusedFrom: string | null;
  /** Why an earlier run found there was not reused (null when none was there or it was reused). */
  readonly notReused: string | null;
  readonly request: ReturnType<typeof requestJson>;
  readonly grid: { readonly total: number; readonly by_claim: Readonly<Record<ClaimId, number>> };
  readonly fitted: number;
  readonly claims: readonly ClaimSummary[];
  /** The specification curve of each claim, SVG text, and its phone-width version when the run has one. */
  readonly curves: readonly { readonly claim: ClaimId; readonly svg: string; readonly narrow: string | null }[];
  /** The run's files (specs.csv, specs.parquet, summary.json, figures/...), paths relative to its directory. */
  readonly files: readonly { readonly path: string; readonly data: string | Uint8Array }[];
  /** Where the report links the run's specs.csv: a path inside the report's output, or the reused run's own. */
  readonly link: string;
}

interface SummaryFile {
  program: { name: string; version: string };
  request: ReturnType<typeof requestJson>;
  inputs?: { data_sha256?: Record<string, string | null> };
  grid: { total: number; by_claim: Record<ClaimId, number> };
  fitted: number;
  claims: ClaimSummary[];
}

/** The full default grid: what a reused run must have been asked for. */
export const FULL_DEFAULT: MultiverseRequest = Object.freeze({ grid: "default" });

/** A run an earlier one may stand for: its request, the request fields that must match, and its name in messages. */
interface WantedRun {
  readonly request: MultiverseRequest;
  readonly keys: readonly (keyof ReturnType<typeof requestJson>)[];
  readonly label: string;
}

/** The full default grid; its seed and null draws do not change the specifications' rows. */
const FULL_GRID_RUN: WantedRun = { request: FULL_DEFAULT, keys: ["grid", "forks", "claims", "max", "per_claim"], label: "the full default grid" };

/**
 * Why the run in `dir` cannot stand for the full default grid with this program and these
 * data, or null when it can: another program version, another request (forks, claims, a
 * `--max` sample), or a data file whose hash differs from the registry's.
 */
export function whyNotReusable(s: SummaryFile, version: string, wanted: WantedRun = FULL_GRID_RUN): string | null {
  if (s.program?.version !== version) return `it was written by pkt ${s.program?.version ?? "of unknown version"}, this is ${version}`;
  const want = requestJson(wanted.request);
  const got = s.request ?? {};
  for (const k of wanted.keys) {
    if (JSON.stringify(got[k] ?? null) !== JSON.stringify(want[k] ?? null)) return `it was not ${wanted.label} (${k} = ${JSON.stringify(got[k] ?? null)})`;
  }
  const hashes = s.inputs?.data_sha256;
  if (hashes === undefined || Object.keys(hashes).length === 0) return "it does not record the hashes of its data files";
  for (const [id, sha] of Object.entries(hashes)) {
    const now = sourceById(id)?.sha256;
    if (now !== sha) return `its ${id} data (SHA-256 ${String(sha).slice(0, 12)}...) is not the registry's (${String(now).slice(0, 12)}...)`;
  }
  return null;
}

/** Every file under `dir` (recursively, sorted), paths relative to it, with its bytes. */
export function readRunFiles(dir: string): { path: string; data: Uint8Array }[] {
  return filesUnder(dir).map((p) => ({ path: p, data: readFileSync(join(dir, p)) as Uint8Array }));
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

function digestOf(s: SummaryFile, files: { path: string; data: string | Uint8Array }[], mode: MultiverseDigest["mode"], reusedFrom: string | null, notReused: string | null, link: string): MultiverseDigest {
  const text = (f: { data: string | Uint8Array }) => (typeof f.data === "string" ? f.data : Buffer.from(f.data).toString("utf8"));
  const curves = CLAIMS.flatMap((c) => {
    const f = files.find((x) => x.path === `figures/curve-${c.id}.svg`);
    const n = files.find((x) => x.path === `figures/curve-${c.id}.narrow.svg`);
    return f === undefined ? [] : [{ claim: c.id, svg: text(f), narrow: n === undefined ? null : text(n) }];
  });
  return { mode, reusedFrom, notReused, request: s.request, grid: s.grid, fitted: s.fitted, claims: s.claims, curves, files, link };
}

/**
 * The earlier run in `dir` when it can be reused, else the reason it cannot (null reason:
 * nothing there). `link`: where the report will link its specs.csv (default: the run's own).
 */
export function reuseMultiverse(dir: string, version: string, link = join(dir, "specs.csv")): { digest: MultiverseDigest } | { why: string | null } {
  const summaryPath = join(dir, "summary.json");
  if (!existsSync(summaryPath)) return { why: null };
  let s: SummaryFile;
  try {
    s = JSON.parse(readFileSync(summaryPath, "utf8")) as SummaryFile;
  } catch (e) {
    return { why: `${summaryPath} is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const why = whyNotReusable(s, version);
  if (why !== null) return { why };
  if (!existsSync(join(dir, "specs.csv"))) return { why: `${join(dir, "specs.csv")} is missing` };
  return { digest: digestOf(s, readRunFiles(dir), "reused", dir, null, link) };
}

/** Options of {@link sampleMultiverse}. */
/** The request of the report's sample: `perClaim` specifications per claim of the default grid, seeded. */
export function sampleRequest(perClaim: number, seed: number): MultiverseRequest {
  return { grid: "default", max: perClaim, perClaim: true, seed };
}

/** The report's sample as a run an earlier one may stand for: every request field, seed included, must match. */
export function sampleRun(perClaim: number, seed: number): WantedRun {
  return { request: sampleRequest(perClaim, seed), keys: ["grid", "forks", "claims", "max", "per_claim", "seed", "null_draws"], label: "this sample" };
}

/**
 * The sample an earlier report wrote to `dir` (its multiverse-sample directory), when it is the
 * same request (specifications per claim, seed) from this program version and these data: it is
 * then the sample this run would fit, and fitting it again would only cost time. Null when there
 * is none or it differs.
 */
export function reuseSample(dir: string, version: string, o: { perClaim: number; seed: number; notReused: string | null; link: string }): MultiverseDigest | null {
  const summaryPath = join(dir, "summary.json");
  if (!existsSync(summaryPath) || !existsSync(join(dir, "specs.csv"))) return null;
  let s: SummaryFile;
  try {
    s = JSON.parse(readFileSync(summaryPath, "utf8")) as SummaryFile;
  } catch {
    return null;
  }
  if (whyNotReusable(s, version, sampleRun(o.perClaim, o.seed)) !== null) return null;
  return digestOf(s, readRunFiles(dir), "sample", dir, o.notReused, o.link);
}

export interface SampleOptions {
  readonly dataDir: string;
  /** Specifications per claim. */
  readonly perClaim: number;
  readonly seed: number;
  readonly version: string;
  readonly png?: boolean;
  /** Run on a worker thread (when the compiled worker exists); default true. */
  readonly thread?: boolean;
  readonly notReused?: string | null;
  /** Where the report links the sample's specs.csv. */
  readonly link: string;
}

/**
 * A seeded random sample of the default grid, `perClaim` specifications of each claim. On
 * a worker thread the fits overlap whatever this thread does until the promise is awaited.
 */
export async function sampleMultiverse(engine: MultiverseEngine, o: SampleOptions): Promise<MultiverseDigest> {
  const req = sampleRequest(o.perClaim, o.seed);
  const url = o.thread === false ? null : defaultWorkerUrl();
  const m = url !== null ? await multiverseParallel(req, engine, { dataDir: o.dataDir, threads: 1, workerUrl: url }) : multiverse(req, engine);
  const files = await multiverseFiles(m, { version: o.version, png: o.png });
  const summary = JSON.parse(files.find((f) => f.path === "summary.json")!.data as string) as SummaryFile;
  return digestOf(summary, files, "sample", null, o.notReused ?? null, o.link);
}
