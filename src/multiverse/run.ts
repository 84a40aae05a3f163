import { fit } from "../stats/index.js";
import { numOf, prepareRows, sampleFor, type PanelRow } from "../study/data.js";
import { DEFAULT_OPTIONS, type StudyOptions } from "../study/options.js";
import { CLAIMS, type Choices, type ClaimId, type Specification } from "./forks.js";
import { concreteSpec, excludedCountries, type ConcreteSpec } from "./spec-model.js";

/** What the runner needs: a panel builder (called once per distinct panel variant) and progress. */
export interface MultiverseEngine {
  /** The country-year panel for the panel options of `o` (source, alignment, multi-host, US series). */
  panel(o: StudyOptions): { readonly rows: readonly PanelRow[]; readonly sources: readonly string[] };
  /** Called after every batch of fits and after each panel build. */
  progress?(p: { readonly done: number; readonly total: number; readonly panels: number; readonly elapsedMs: number }): void;
}

/** One specification's result: the tested coefficient and how it was obtained. Plain data. */
export interface SpecResult {
  /** Position in the enumeration of the grid (stable across `--max` subsets). */
  readonly index: number;
  readonly claim: ClaimId;
  readonly model: string;
  readonly choices: Choices;
  readonly term: string;
  readonly formula: string;
  readonly kind: string;
  readonly vcov: string;
  /** COW codes dropped by the sample option (empty for none). */
  readonly exclude: readonly number[];
  /** TIP report years of the sample. */
  readonly years: readonly [number, number];
  readonly estimate: number | null;
  readonly std_error: number | null;
  readonly p_value: number | null;
  readonly conf_low: number | null;
  readonly conf_high: number | null;
  readonly nobs: number | null;
  readonly n_clusters: number | null;
  readonly converged: boolean;
  /** Estimator warnings, `; `-separated ("" when none). */
  readonly warnings: string;
  /** Why the specification could not be estimated, else null. */
  readonly error: string | null;
}

/** The key of the panel variant a specification reads (options that change the panel itself). */
export function panelVariantKey(o: StudyOptions): string {
  return [o.unSource, o.reportAlignment, o.multiHost, o.kosovo, o.usTroops].join("|");
}

/** Rows of the sample a specification is fitted on, before listwise deletion. */
interface SampleRows {
  readonly rows: PanelRow[];
  readonly exclude: readonly number[];
}

/**
 * Fit every specification. Each distinct panel variant is built once; each (variant,
 * report years, sample) row set is prepared once and shared, so the study's sample cache
 * serves every estimator and variance of the same model. Results come back in input order.
 */
export function runMultiverse(
  specs: readonly { index: number; spec: Specification }[],
  engine: MultiverseEngine,
): { results: SpecResult[]; panels: number; sources: string[]; sampleOf: (spec: Specification) => PanelRow[] } {
  const started = performance.now();
  const panels = new Map<string, readonly PanelRow[]>();
  const samples = new Map<string, SampleRows>();
  const sources = new Set<string>();
  const rowsFor = (cs: ConcreteSpec, sample: string): SampleRows => {
    const o = cs.options;
    const pk = panelVariantKey(o);
    const sk = `${pk}|${o.yearFrom}-${o.yearTo}|${sample}`;
    const hit = samples.get(sk);
    if (hit !== undefined) return hit;
    let panel = panels.get(pk);
    if (panel === undefined) {
      // Built over the study's whole report-year range whatever the first specification's
      // sample: a panel built for 2003-2011 lacks the calendar years 2001's rows sit on.
      const built = engine.panel({ ...o, yearFrom: DEFAULT_OPTIONS.yearFrom, yearTo: DEFAULT_OPTIONS.yearTo });
      for (const s of built.sources) sources.add(s);
      panel = built.rows;
      panels.set(pk, panel);
      engine.progress?.({ done: out.length, total: specs.length, panels: panels.size, elapsedMs: performance.now() - started });
    }
    const prepared = prepareRows(panel, o);
    const exclude = excludedCountries(sample, prepared);
    const drop = new Set(exclude);
    const rows = drop.size === 0 ? prepared : prepared.filter((r) => !drop.has(numOf(r, "ccode") ?? NaN));
    const s = { rows, exclude };
    samples.set(sk, s);
    return s;
  };
  const out: SpecResult[] = [];
  for (const { index, spec } of specs) {
    out.push(fitOne(index, spec, rowsFor));
    if (out.length % 250 === 0) engine.progress?.({ done: out.length, total: specs.length, panels: panels.size, elapsedMs: performance.now() - started });
  }
  engine.progress?.({ done: out.length, total: specs.length, panels: panels.size, elapsedMs: performance.now() - started });
  const sampleOf = (spec: Specification): PanelRow[] => {
    const cs = concreteSpec(spec);
    return sampleFor(cs.model, rowsFor(cs, spec.choices.sample).rows);
  };
  return { results: out, panels: panels.size, sources: [...sources].sort(), sampleOf };
}

function fitOne(index: number, spec: Specification, rowsFor: (cs: ConcreteSpec, sample: string) => SampleRows): SpecResult {
  const cs = concreteSpec(spec);
  const model = CLAIMS.find((c) => c.id === spec.claim)!.model;
  const base = {
    index,
    claim: spec.claim,
    model,
    choices: spec.choices,
    term: cs.term,
    formula: cs.formula,
    kind: cs.kind,
    vcov: cs.vcov,
    years: [cs.options.yearFrom, cs.options.yearTo] as const,
  };
  const empty = { estimate: null, std_error: null, p_value: null, conf_low: null, conf_high: null, nobs: null, n_clusters: null, converged: false, warnings: "" };
  let exclude: readonly number[] = [];
  try {
    const sr = rowsFor(cs, spec.choices.sample);
    exclude = sr.exclude;
    const sample = sampleFor(cs.model, sr.rows);
    const r = fit(cs.formula, sample, { model: cs.kind, vcov: cs.vcov });
    const t = r.tidy.find((x) => x.term === cs.term);
    const warnings = r.warnings.map((w) => w.message).join("; ");
    if (t === undefined) return { ...base, exclude, ...empty, nobs: r.glance.nobs, warnings, error: `${cs.term} not estimated (dropped from the model)` };
    return {
      ...base,
      exclude,
      estimate: t.estimate,
      std_error: t.std_error,
      p_value: t.p_value,
      conf_low: t.conf_low,
      conf_high: t.conf_high,
      nobs: r.glance.nobs,
      n_clusters: r.glance.n_clusters,
      converged: r.glance.converged,
      warnings,
      error: null,
    };
  } catch (err) {
    return { ...base, exclude, ...empty, error: err instanceof Error ? err.message : String(err) };
  }
}
