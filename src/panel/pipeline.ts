import { OptionError, PktError } from "../core/errors.js";
import type { SourceDef } from "../sources/source.js";
import { resolveOptions, type PanelOptions, type ResolvedPanelOptions } from "./options.js";
import type { ColumnDoc, Panel, PanelColumn } from "./panel.js";
import { checkInvariants, PanelInvariantError } from "./validate.js";

/**
 * Reads source files once per build and remembers which were read (for provenance).
 * Readers verify each file's SHA-256 themselves.
 */
export class SourceLoader {
  private readonly cache = new Map<string, unknown>();
  private readonly used = new Map<string, SourceDef>();

  constructor(readonly dataDir: string) {}

  /**
   * The value `read(dataDir)` for `key`, computed once. `defs` are the files it reads;
   * they are added to `record` (a step's own list) as well as to the loader's.
   */
  load<T>(key: string, defs: readonly SourceDef[], read: (dataDir: string) => T, record?: Set<string>): T {
    for (const d of defs) {
      this.used.set(d.id, d);
      record?.add(d.id);
    }
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const v = read(this.dataDir);
    this.cache.set(key, v);
    return v;
  }

  /** The source files read so far, sorted by id. */
  sourcesUsed(): SourceDef[] {
    return [...this.used.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** The loader as a step sees it: loads are recorded as the step's sources. */
export interface StepSources {
  load<T>(key: string, defs: readonly SourceDef[], read: (dataDir: string) => T): T;
}

/** What a step sees: the options in force, the sources, and a place to report what it left out. */
export interface StepContext {
  readonly options: ResolvedPanelOptions;
  readonly sources: StepSources;
  /**
   * Record a warning (kept on the panel's meta, in the codebook and in provenance).
   * Optional so that helpers such as placeUnMonths can be called with just options and sources.
   */
  warn?(message: string): void;
}

/** One `add*` step: the columns it needs, the columns it adds, and how it computes them. */
export interface PanelStep {
  /** The public function's name, e.g. `addUsTroops`. */
  readonly name: string;
  /** Columns that must exist before the step runs. */
  readonly requires: readonly string[];
  /** Columns the step adds, in output order (the same whatever the options). */
  readonly produces: readonly string[];
  /** Codebook entries for the produced columns (may depend on the options, e.g. which series). */
  docs(options: ResolvedPanelOptions): readonly ColumnDoc[];
  /** Compute the new columns: one array of `panel.nrows` values per produced name. */
  compute(panel: Panel, ctx: StepContext): Record<string, (number | string | null)[]>;
}

/** Thrown when steps are ordered so that one needs a column not yet made, or two make the same column. */
export class PipelineError extends PktError {
  override name = "PipelineError";
}

/**
 * Check a list of steps before running them: each step's `requires` must be made by
 * an earlier step (or be in `initial`), and no column may be produced twice.
 */
export function checkPipeline(steps: readonly PanelStep[], initial: readonly string[]): void {
  const made = new Map<string, string>(initial.map((c) => [c, "createCountryYears"]));
  for (const s of steps) {
    for (const r of s.requires) {
      if (!made.has(r)) throw new PipelineError(`${s.name} requires column ${r}, which no earlier step produces`);
    }
    for (const p of s.produces) {
      const by = made.get(p);
      if (by !== undefined) throw new PipelineError(`${s.name} produces column ${p}, already produced by ${by}`);
      made.set(p, s.name);
    }
  }
}

/**
 * Apply one step: check its requirements and clashes, compute, check the produced
 * columns and the panel invariants (same rows, no duplicate key), and return the new panel.
 * @param input a data directory, or a SourceLoader shared across steps.
 * @param overrides options for this step (except `years`); default the options the panel was
 *   created with. The panel's recorded options become the merged ones.
 */
export function applyStep(panel: Panel, step: PanelStep, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  const loader = typeof input === "string" ? new SourceLoader(input) : input;
  if (overrides?.years !== undefined && (overrides.years[0] !== panel.meta.years[0] || overrides.years[1] !== panel.meta.years[1])) {
    throw new OptionError(`${step.name}: the years option is fixed when the panel is created (createCountryYears), not per step`);
  }
  const options = overrides === undefined ? panel.meta.options : resolveOptions({ ...panel.meta.options, ...overrides });
  checkPipeline([step], [...panel.columns.keys()]);
  const used = new Set<string>();
  const sources: StepSources = { load: (key, defs, read) => loader.load(key, defs, read, used) };
  const warnings: string[] = [];
  const computed = step.compute(panel, { options, sources, warn: (m) => warnings.push(`${step.name}: ${m}`) });
  const docs = step.docs(options);
  const columns = new Map<string, PanelColumn>(panel.columns);
  for (const name of step.produces) {
    const values = computed[name];
    const doc = docs.find((d) => d.name === name);
    if (values === undefined || doc === undefined) {
      throw new PanelInvariantError(`${step.name} declares column ${name} but did not ${values === undefined ? "compute" : "document"} it`);
    }
    columns.set(name, { doc, values });
  }
  const extra = Object.keys(computed).filter((k) => !step.produces.includes(k));
  if (extra.length > 0) throw new PanelInvariantError(`${step.name} computed undeclared column(s) ${extra.join(", ")}`);
  const all = new Set([...panel.meta.sources, ...used]);
  const next: Panel = {
    nrows: panel.nrows,
    columns,
    meta: {
      ...panel.meta,
      options,
      steps: [...panel.meta.steps, step.name],
      sources: [...all].sort(),
      warnings: [...panel.meta.warnings, ...warnings],
    },
  };
  checkInvariants(next, panel, step.name, step.produces);
  return next;
}

/** Apply steps in order after checking the whole pipeline up front. */
export function runSteps(panel: Panel, steps: readonly PanelStep[], loader: SourceLoader): Panel {
  checkPipeline(steps, [...panel.columns.keys()]);
  let p = panel;
  for (const s of steps) p = applyStep(p, s, loader);
  return p;
}

/** A new all-missing numeric column of the panel's length. */
export function emptyColumn(n: number): (number | null)[] {
  return new Array<number | null>(n).fill(null);
}
