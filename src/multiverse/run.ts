import { declareSubset, fitVariances } from "../stats/index.js";
import type { ModelResults } from "../stats/results.js";
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
  const preparedRows = new Map<string, PanelRow[]>();
  const sources = new Set<string>();
  let built = 0;
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
      const fresh = engine.panel({ ...o, yearFrom: DEFAULT_OPTIONS.yearFrom, yearTo: DEFAULT_OPTIONS.yearTo });
      for (const s of fresh.sources) sources.add(s);
      panel = fresh.rows;
      panels.set(pk, panel);
      built++;
      engine.progress?.({ done, total: specs.length, panels: built, elapsedMs: performance.now() - started });
    }
    // One prepared panel per variant and year range, shared by the samples that drop countries.
    const prepKey = `${pk}|${o.yearFrom}-${o.yearTo}`;
    let prepared = preparedRows.get(prepKey);
    if (prepared === undefined) preparedRows.set(prepKey, (prepared = prepareRows(panel, o)));
    const exclude = excludedCountries(sample, prepared);
    const drop = new Set(exclude);
    const rows = drop.size === 0 ? prepared : subsetRows(prepared, (r) => !drop.has(numOf(r, "ccode") ?? NaN));
    const s = { rows, exclude };
    samples.set(sk, s);
    return s;
  };
  // Specifications that differ only in their variance share one fit: group them by
  // everything else (in first-seen order), fit once, and compute each variance.
  const groups = new Map<string, number[]>();
  const concrete = specs.map(({ spec }) => concreteSpec(spec));
  specs.forEach(({ spec }, i) => {
    const cs = concrete[i];
    const key = [panelVariantKey(cs.options), cs.options.yearFrom, cs.options.yearTo, spec.choices.sample, cs.formula, cs.kind].join("|");
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [i]);
    else g.push(i);
  });
  const slots: (SpecResult | undefined)[] = new Array(specs.length);
  let done = 0, shown = 0;
  // Variant by variant (results still go to their input slots): once a variant's last group is
  // fitted, its panel, samples and the columns cached on them can be freed.
  const variantOf = (members: readonly number[]) => panelVariantKey(concrete[members[0]].options);
  const ordered = [...groups.values()].map((m, k) => ({ m, k, v: variantOf(m) }));
  const firstSeen = new Map<string, number>();
  for (const g of ordered) if (!firstSeen.has(g.v)) firstSeen.set(g.v, g.k);
  ordered.sort((a, b) => firstSeen.get(a.v)! - firstSeen.get(b.v)! || a.k - b.k);
  for (let gi = 0; gi < ordered.length; gi++) {
    const members = ordered[gi].m;
    const fitted = fitGroup(members.map((i) => ({ index: specs[i].index, spec: specs[i].spec, cs: concrete[i] })), rowsFor);
    members.forEach((i, k) => (slots[i] = fitted[k]));
    const v = ordered[gi].v;
    if (gi + 1 === ordered.length || ordered[gi + 1].v !== v) {
      panels.delete(v);
      for (const key of [...samples.keys()]) if (key.startsWith(`${v}|`)) samples.delete(key);
      for (const key of [...preparedRows.keys()]) if (key.startsWith(`${v}|`)) preparedRows.delete(key);
    }
    done += members.length;
    if (done - shown >= 250) {
      shown = done;
      engine.progress?.({ done, total: specs.length, panels: built, elapsedMs: performance.now() - started });
    }
  }
  const out = slots as SpecResult[];
  engine.progress?.({ done: out.length, total: specs.length, panels: built, elapsedMs: performance.now() - started });
  const sampleOf = (spec: Specification): PanelRow[] => {
    const cs = concreteSpec(spec);
    return sampleFor(cs.model, rowsFor(cs, spec.choices.sample).rows);
  };
  return { results: out, panels: built, sources: [...sources].sort(), sampleOf };
}

/** The rows of frozen `rows` that pass `keep`, frozen and declared a subset of `rows` (fit() gathers their columns). */
function subsetRows(rows: readonly PanelRow[], keep: (r: PanelRow) => boolean): PanelRow[] {
  const out: PanelRow[] = [];
  const index: number[] = [];
  rows.forEach((r, i) => {
    if (keep(r)) {
      out.push(r);
      index.push(i);
    }
  });
  Object.freeze(out);
  declareSubset(out, rows, Int32Array.from(index));
  return out;
}

/** Fit specifications that differ only in their variance: one estimation, one variance each. */
function fitGroup(members: readonly { index: number; spec: Specification; cs: ConcreteSpec }[], rowsFor: (cs: ConcreteSpec, sample: string) => SampleRows): SpecResult[] {
  const first = members[0];
  const bases = members.map(({ index, spec, cs }) => ({
    index,
    claim: spec.claim,
    model: CLAIMS.find((c) => c.id === spec.claim)!.model,
    choices: spec.choices,
    term: cs.term,
    formula: cs.formula,
    kind: cs.kind,
    vcov: cs.vcov,
    years: [cs.options.yearFrom, cs.options.yearTo] as const,
  }));
  const empty = { estimate: null, std_error: null, p_value: null, conf_low: null, conf_high: null, nobs: null, n_clusters: null, converged: false, warnings: "" };
  let exclude: readonly number[] = [];
  let fits: ModelResults[];
  try {
    const sr = rowsFor(first.cs, first.spec.choices.sample);
    exclude = sr.exclude;
    fits = fitVariances(first.cs.formula, sampleFor(first.cs.model, sr.rows), { model: first.cs.kind }, members.map((m) => m.cs.vcov));
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    if (members.length > 1) {
      // One variance may fail where another does not: fit them one by one to say which.
      return members.flatMap((m) => fitGroup([m], rowsFor));
    }
    return bases.map((b) => ({ ...b, exclude, ...empty, error }));
  }
  return fits.map((r, k): SpecResult => {
    const base = bases[k];
    const t = r.tidy.find((x) => x.term === base.term);
    const warnings = r.warnings.map((w) => w.message).join("; ");
    if (t === undefined) return { ...base, exclude, ...empty, nobs: r.glance.nobs, warnings, error: `${base.term} not estimated (dropped from the model)` };
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
  });
}
