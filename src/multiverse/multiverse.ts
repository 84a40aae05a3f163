import { join } from "node:path";
import { writeFilesAtomic } from "../core/atomic-write.js";
import { OptionError } from "../core/errors.js";
import { renderPng, renderSvg } from "../report/figures/render.js";
import { sourceById } from "../sources/registry.js";
import { createRng } from "../stats/random.js";
import { CLAIMS, FORKS, countSpecs, enumerateSpecs, selectOptions, type ClaimId, type ForkSelection, type Specification } from "./forks.js";
import { specCurveSpec } from "./figures.js";
import { narrowCurveSpec } from "./figures-narrow.js";
import { runMultiverse, type MultiverseEngine, type SpecResult } from "./run.js";
import { specsCsv, specsParquet, type ReproduceOptions } from "./specs-csv.js";
import { summarize, type ClaimSummary } from "./summary.js";
import { NULL_KINDS, nullInference, nullSpecOf, type NullChoice, type NullInference } from "./null-inference.js";

/** What to run. */
export interface MultiverseRequest {
  /** `default` (options marked inDefault) or `full` (every option). */
  readonly grid: "default" | "full";
  /** Fork options replacing the grid's (fork id -> option ids). */
  readonly forks?: ForkSelection;
  readonly claims?: readonly ClaimId[];
  /** Fit at most this many specifications, drawn at random with `seed`. */
  readonly max?: number;
  /** `max` applies to each claim rather than to the whole grid (a stratified sample: every claim gets `max`). */
  readonly perClaim?: boolean;
  readonly seed?: number;
  /** Draws of the null bootstrap for claim 1 (0 or undefined: none). */
  readonly nullDraws?: number;
  /** At most this many claim-1 specifications (pooled binary estimators) in the null bootstrap, a seeded subset (default 200). */
  readonly nullSpecs?: number;
}

/**
 * Parse `--forks`: `fork=opt1,opt2;fork2=opt` (fork ids and option ids as in FORKS).
 * Errors name the flag, the fork and the allowed values.
 */
export function parseForks(text: string): ForkSelection {
  const out: Record<string, string[]> = {};
  for (const part of text.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const m = /^([\w-]+)\s*=\s*(.+)$/.exec(part);
    if (!m) throw new OptionError(`--forks: expected fork=option1,option2 (separated by ;), got ${JSON.stringify(part)}`);
    const f = FORKS.find((x) => x.id === m[1]);
    if (f === undefined) throw new OptionError(`--forks: unknown fork ${JSON.stringify(m[1])}; forks: ${FORKS.map((x) => x.id).join(", ")}`);
    const opts = m[2].split(",").map((o) => o.trim()).filter((o) => o !== "");
    const known = f.options.map((o) => o.id);
    const bad = opts.find((o) => !known.includes(o));
    if (bad !== undefined || opts.length === 0) {
      throw new OptionError(`--forks: fork ${f.id} has no option ${JSON.stringify(bad ?? "")}; options: ${known.join(", ")}`);
    }
    out[f.id] = opts;
  }
  return out;
}

/**
 * The specifications to fit, each with its position in the whole grid. With `max` below
 * the grid's size, a seeded random subset (the same seed gives the same subset), kept in
 * grid order.
 */
export function planSpecs(req: MultiverseRequest): { grid: number; planned: { index: number; spec: Specification }[] } {
  const all = enumerateSpecs(selectOptions(req.grid, req.forks), req.claims);
  const indexed = all.map((spec, index) => ({ index, spec }));
  if (req.max === undefined || req.max >= all.length) return { grid: all.length, planned: indexed };
  if (req.perClaim === true) {
    const planned: { index: number; spec: Specification }[] = [];
    for (const c of CLAIMS) {
      const mine = indexed.filter((s) => s.spec.claim === c.id);
      planned.push(...seededSubset(mine.length, req.max, req.seed ?? 1).map((i) => mine[i]));
    }
    return { grid: all.length, planned };
  }
  return { grid: all.length, planned: seededSubset(all.length, req.max, req.seed ?? 1).map((i) => indexed[i]) };
}

/** `k` of the positions 0..n-1 drawn without replacement with `seed` (partial Fisher-Yates), sorted. */
export function seededSubset(n: number, k: number, seed: number): number[] {
  const pos = Array.from({ length: n }, (_, i) => i);
  if (k >= n) return pos;
  const rng = createRng(seed);
  for (let i = 0; i < k; i++) {
    const j = i + rng.nextInt(n - i);
    [pos[i], pos[j]] = [pos[j], pos[i]];
  }
  return pos.slice(0, k).sort((a, b) => a - b);
}

/** Everything a multiverse run produced. Plain data. */
export interface MultiverseResults {
  readonly request: MultiverseRequest;
  /** Specifications in the whole grid (before `max`). */
  readonly grid: number;
  /** Per claim, in the whole grid. */
  readonly gridByClaim: Readonly<Record<ClaimId, number>>;
  readonly results: readonly SpecResult[];
  readonly summary: readonly ClaimSummary[];
  readonly panels: number;
  readonly sources: readonly string[];
  /** Claim 1 under the null, when requested. */
  readonly nullTest: NullInference | null;
  readonly elapsedMs: number;
}

/** Plan, fit and summarize, in this thread. */
export function multiverse(req: MultiverseRequest, engine: MultiverseEngine): MultiverseResults {
  const started = performance.now();
  const { grid, planned } = planSpecs(req);
  const run = runMultiverse(planned, engine);
  const chosen = nullChosen(req, run.results);
  const nullTest = chosen.length === 0 ? null : nullInference(chosen.map((r) => nullSpecOf(r, run.sampleOf)), { draws: req.nullDraws!, seed: req.seed ?? 1 });
  return finishMultiverse(req, grid, run, nullTest, started);
}

/**
 * The claim-1 specifications the null bootstrap tests (none unless `nullDraws` > 0): a seeded
 * subset of `nullSpecs` among those fitted without error by a logit-type estimator.
 */
export function nullChosen(req: MultiverseRequest, results: readonly SpecResult[]): NullChoice[] {
  if ((req.nullDraws ?? 0) <= 0) return [];
  const candidates = results.filter((r) => r.claim === "size" && r.error === null && (NULL_KINDS as readonly string[]).includes(r.kind));
  return seededSubset(candidates.length, req.nullSpecs ?? 200, req.seed ?? 1).map((i) => {
    const { claim, choices, formula, kind, vcov, term } = candidates[i];
    return { claim, choices, formula, kind, vcov, term };
  });
}

/** Summaries of fitted specifications (shared by the one-thread and the worker-thread runs). */
export function finishMultiverse(
  req: MultiverseRequest,
  grid: number,
  run: { results: readonly SpecResult[]; panels: number; sources: readonly string[] },
  nullTest: NullInference | null,
  started: number,
): MultiverseResults {
  const counts = countSpecs(selectOptions(req.grid, req.forks), req.claims);
  return {
    request: req,
    grid,
    gridByClaim: counts.byClaim,
    results: run.results,
    summary: summarize(run.results),
    panels: run.panels,
    sources: run.sources,
    nullTest,
    elapsedMs: performance.now() - started,
  };
}

/** The request as summary.json records it (every default filled in, so equal requests give equal JSON). */
export function requestJson(r: MultiverseRequest): { grid: string; forks: ForkSelection; claims: ClaimId[]; max: number | null; per_claim: boolean; seed: number | null; null_draws: number; null_specs: number | null } {
  const nullDraws = r.nullDraws ?? 0;
  return {
    grid: r.grid,
    forks: r.forks ?? {},
    claims: r.claims === undefined ? CLAIMS.map((c) => c.id) : [...r.claims],
    max: r.max ?? null,
    per_claim: r.perClaim === true,
    seed: r.seed ?? null,
    null_draws: nullDraws,
    null_specs: nullDraws > 0 ? (r.nullSpecs ?? 200) : null,
  };
}

/** summary.json: the request, the grid, the per-claim summaries and the forks with their reasons (no timings: same inputs, same bytes). */
export function summaryJson(m: MultiverseResults, version: string): string {
  return JSON.stringify(
    {
      program: { name: "pkt", version },
      request: requestJson(m.request),
      inputs: { data_sha256: Object.fromEntries(m.sources.map((id) => [id, sourceById(id)?.sha256 ?? null])) },
      grid: { total: m.grid, by_claim: m.gridByClaim },
      fitted: m.results.length,
      panel_variants: m.panels,
      sources: m.sources,
      claims: m.summary,
      null_test: m.nullTest,
      forks: FORKS.map((f) => ({ id: f.id, stage: f.stage, label: f.label, claims: f.claims, options: f.options })),
    },
    null,
    2,
  ) + "\n";
}

/** specs.csv, specs.parquet, summary.json and one specification curve per claim (Vega-Lite, SVG, a phone-width SVG, and PNG unless `png` is false), paths relative to the output directory. */
export async function multiverseFiles(m: MultiverseResults, o: ReproduceOptions & { version: string; png?: boolean }): Promise<{ path: string; data: string | Uint8Array }[]> {
  const files: { path: string; data: string | Uint8Array }[] = [
    { path: "specs.csv", data: specsCsv(m.results, o) },
    { path: "specs.parquet", data: await specsParquet(m.results, o) },
    { path: "summary.json", data: summaryJson(m, o.version) },
  ];
  for (const c of CLAIMS) {
    if (!m.results.some((r) => r.claim === c.id && r.error === null)) continue;
    const spec = specCurveSpec(m.results, c.id);
    const svg = await renderSvg(spec);
    files.push({ path: `figures/curve-${c.id}.vl.json`, data: JSON.stringify(spec, null, 2) + "\n" });
    files.push({ path: `figures/curve-${c.id}.svg`, data: svg });
    files.push({ path: `figures/curve-${c.id}.narrow.svg`, data: await renderSvg(narrowCurveSpec(spec)) });
    if (o.png !== false) files.push({ path: `figures/curve-${c.id}.png`, data: renderPng(svg) });
  }
  return files;
}

/** Write {@link multiverseFiles} into `outDir`, atomically. */
export async function writeMultiverse(m: MultiverseResults, outDir: string, o: ReproduceOptions & { version: string; png?: boolean }): Promise<string[]> {
  const files = (await multiverseFiles(m, o)).map((f) => ({ path: join(outDir, f.path), data: f.data }));
  writeFilesAtomic(files);
  return files.map((f) => f.path);
}
