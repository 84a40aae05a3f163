import type { PanelOptions } from "../panel/options.js";
import { OptionError } from "../core/errors.js";
import type { SourceLoader } from "../panel/pipeline.js";
import { resolveOptions as studyOptions } from "../study/options.js";
import type { SourceDef } from "../sources/source.js";
import { analyseCase, crossCaseRelation, type CaseResult, type Relation } from "./analyse.js";
import { loadCaseData, type CaseData } from "./data.js";
import { DESIGN_OUTCOMES, eventStudyFor, MIN_PRE_YEARS, synthFor, usableOnset, type EventStudyCase, type SynthCase } from "./designs.js";
import { nonUnModels, nonUnRows, type NonUnModel } from "./nonun.js";
import { unOnsets } from "./onsets.js";
import { resolveCase } from "./timeline.js";

/** Smith's four cases: three hosts of large deployments and Nepal, which had none. */
export const DEFAULT_CASES: readonly string[] = ["Kosovo", "Haiti", "Sierra Leone", "Nepal"];

/** Options of a cases run. */
export interface CasesOptions {
  readonly dataDir: string;
  /** Country names, ISO-3 or COW codes (default {@link DEFAULT_CASES}). */
  readonly countries?: readonly string[];
  /** First and last calendar year of the timelines (default 1995-2016). */
  readonly from?: number;
  readonly to?: number;
  /** Run the synthetic controls (slow: a placebo fit per donor). Default true. */
  readonly synth?: boolean;
  /** Bootstrap replicates of the event studies (default 499) and their seed (default 20180601). */
  readonly reps?: number;
  readonly seed?: number;
  readonly progress?: (step: string) => void;
  /** The shared panel options (`--un-source`, `--multi-host`, `--kosovo`, `--report-alignment`, `--us-troops`); years are the cases' own. */
  readonly panel?: PanelOptions;
  /** A source loader to share raw reads with another build (default: a new one). */
  readonly loader?: SourceLoader;
}

/** The settings a run used, as written to cases.json. */
export interface CasesSettings {
  readonly countries: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly synth: boolean;
  readonly reps: number;
  readonly seed: number;
  readonly eventWindow: readonly [number, number];
}

/** Everything the cases page shows. Plain data. */
export interface CasesResults {
  readonly settings: CasesSettings;
  readonly cases: readonly CaseResult[];
  readonly relation: Relation;
  /**
   * The same relation over the chosen cases and every other host whose UN deployment
   * began inside the indicator series (the event study's hosts), for a wider comparison.
   */
  readonly relationWide: Relation;
  /** The analysed hosts of the wider comparison that are not among the chosen cases. */
  readonly otherHosts: readonly CaseResult[];
  readonly synth: readonly SynthCase[];
  readonly eventStudies: readonly EventStudyCase[];
  /** Countries in the donor pool / never-treated group (never hosted UN or non-UN personnel). */
  readonly neverHosts: readonly { readonly ccode: number; readonly country: string }[];
  /** The size models: with the study's controls (Polity2) and with V-Dem polyarchy in its place. */
  readonly nonUn: { readonly polity2: readonly NonUnModel[]; readonly vdem: readonly NonUnModel[] };
  readonly sources: readonly SourceDef[];
}

const EVENT_WINDOW: readonly [number, number] = [-4, 6];

/** Check and fill the options. */
export function casesSettings(o: CasesOptions): CasesSettings {
  const from = o.from ?? 1995;
  const to = o.to ?? 2016;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new OptionError(`--from/--to: expected whole years with from <= to, got ${from}-${to}`);
  if (from < 1990 || to > 2019) throw new OptionError(`--from/--to: the panel covers 1990-2019, got ${from}-${to}`);
  const countries = (o.countries ?? DEFAULT_CASES).map((c) => c.trim()).filter((c) => c !== "");
  if (countries.length === 0) throw new OptionError("--countries: expected at least one country");
  const reps = o.reps ?? 499;
  if (!Number.isInteger(reps) || reps < 0) throw new OptionError(`--reps: expected a whole number >= 0, got ${reps}`);
  const seed = o.seed ?? 20180601;
  if (!Number.isInteger(seed)) throw new OptionError(`--seed: expected a whole number, got ${seed}`);
  return { countries, from, to, synth: o.synth ?? true, reps, seed, eventWindow: EVENT_WINDOW };
}

/** Synthetic-control treated units: the requested cases, then every other host with a usable onset for some outcome. */
function synthUnits(data: CaseData, cases: readonly CaseResult[], never: ReadonlySet<number>, onsets: ReturnType<typeof unOnsets>): { ccode: number; country: string }[] {
  const units = cases.map((c) => ({ ccode: c.country.ccode, country: c.country.name }));
  const seen = new Set(units.map((u) => u.ccode));
  const outcomes = DESIGN_OUTCOMES.filter((d) => d.col !== "pdest");
  for (const [ccode, on] of [...onsets].sort((a, b) => a[0] - b[0])) {
    if (seen.has(ccode) || never.has(ccode)) continue;
    if (outcomes.some((out) => usableOnset(on, out, MIN_PRE_YEARS) !== null)) {
      units.push({ ccode, country: data.codes.cowName(ccode) ?? on.country });
      seen.add(ccode);
    }
  }
  return units;
}

/**
 * The whole cases analysis: timelines, before/during/after tables and the cross-case
 * relation for the chosen countries; synthetic controls and event studies around UN
 * onset; and the non-UN size models beside the UN one.
 */
export function runCases(o: CasesOptions): CasesResults {
  const settings = casesSettings(o);
  o.progress?.("building the panel and mission-level personnel");
  const data = loadCaseData(o.dataDir, o.loader, o.panel);
  const countries = settings.countries.map((q) => resolveCase(data.codes, q));
  const cases = countries.map((c) => analyseCase(data, c, settings.from, settings.to));
  const relation = crossCaseRelation(cases);
  const onsets = unOnsets(data.rows);
  const allCodes = [...new Set(data.rows.map((r) => r.ccode as number))].sort((a, b) => a - b);
  const neverCodes = allCodes.filter((c) => !data.everHosted.has(c));
  const never = new Set(neverCodes);
  const chosen = new Set(cases.map((c) => c.country.ccode));
  const otherHosts = [...onsets]
    .filter(([ccode, on]) => !chosen.has(ccode) && !never.has(ccode) && DESIGN_OUTCOMES.some((out) => usableOnset(on, out, 1) !== null))
    .sort((a, b) => a[0] - b[0])
    .map(([ccode, on]) => analyseCase(data, { query: String(ccode), ccode, name: data.codes.cowName(ccode) ?? on.country }, settings.from, settings.to));
  const relationWide = crossCaseRelation([...cases, ...otherHosts]);
  const synth: SynthCase[] = [];
  if (settings.synth) {
    for (const out of DESIGN_OUTCOMES.filter((d) => d.col !== "pdest")) {
      for (const u of synthUnits(data, cases, never, onsets)) {
        o.progress?.(`synthetic control: ${u.country}, ${out.label}`);
        const fitted = synthFor(data.panel, u.ccode, u.country, onsets.get(u.ccode), out, neverCodes);
        const s = fitted.estimate === null ? fitted : { ...fitted, estimate: { ...fitted.estimate, weights: fitted.estimate.weights.map((w) => ({ unit: data.codes.cowName(Number(w.unit)) ?? w.unit, weight: w.weight })) } };
        const c = cases.find((x) => x.country.ccode === u.ccode);
        const start = c?.deployment?.start ?? null;
        if (s.estimate === null && start !== null && start < out.years[0] + MIN_PRE_YEARS) {
          synth.push({ ...s, onset: start, reason: `deployment began in ${start}, without ${MIN_PRE_YEARS} years of ${out.label} data (from ${out.years[0]}) before it` });
        } else if (s.estimate === null && never.has(u.ccode)) {
          synth.push({ ...s, reason: "never hosted a deployment: nothing to estimate (it is in the donor pool)" });
        } else synth.push(s);
      }
    }
  }
  o.progress?.("event studies");
  const eventStudies = DESIGN_OUTCOMES.map((out) => eventStudyFor(data.rows, onsets, never, out, { window: settings.eventWindow, reps: settings.reps, seed: settings.seed }));
  o.progress?.("non-UN models");
  const rows = nonUnRows(data.rows);
  const nonUn = { polity2: nonUnModels(rows), vdem: nonUnModels(rows, studyOptions({ democracy: "v2x_polyarchy" })) };
  return {
    settings,
    cases,
    relation,
    relationWide,
    otherHosts,
    synth,
    eventStudies,
    neverHosts: neverCodes.map((c) => ({ ccode: c, country: data.codes.cowName(c) ?? String(c) })),
    nonUn,
    sources: data.sources,
  };
}
