import type { ModelKind } from "../stats/results.js";
import { numOf, type PanelRow } from "../study/data.js";
import { DEFAULT_OPTIONS, resolveOptions, type StudyOptions } from "../study/options.js";
import { controlsFor, formulaOf, interactionName, studyModels, termName, type ModelSpec } from "../study/spec.js";
import { CLAIMS, NOT_APPLICABLE, type Choices, type ClaimId, type Specification } from "./forks.js";

/** COW codes of the former Yugoslavia: Macedonia, Croatia, Yugoslavia/Serbia, Bosnia, Kosovo. */
export const BALKANS: readonly number[] = Object.freeze([343, 344, 345, 346, 347]);

const pick = (c: Choices, id: string, fallback: string): string => (c[id] === undefined || c[id] === NOT_APPLICABLE ? fallback : c[id]);

/** The study options a specification's choices imply (forks that do not apply keep the study's defaults). */
export function studyOptionsOf(s: Specification): StudyOptions {
  const c = s.choices;
  return resolveOptions({
    unSource: pick(c, "unSource", DEFAULT_OPTIONS.unSource),
    multiHost: pick(c, "multiHost", DEFAULT_OPTIONS.multiHost),
    reportAlignment: pick(c, "reportAlignment", DEFAULT_OPTIONS.reportAlignment),
    usTroops: pick(c, "usTroops", DEFAULT_OPTIONS.usTroops),
    outcome: pick(c, "outcome", DEFAULT_OPTIONS.outcome),
    size: pick(c, "size", DEFAULT_OPTIONS.size),
    duration: pick(c, "duration", DEFAULT_OPTIONS.duration),
    contributors: pick(c, "contributors", DEFAULT_OPTIONS.contributors),
    democracy: pick(c, "democracy", DEFAULT_OPTIONS.democracy),
    trend: c.time === "trend",
    yearEffects: c.time === "year",
    tier: c.controls === "full",
    yearFrom: c.sample === "2003-2011" ? 2003 : DEFAULT_OPTIONS.yearFrom,
  });
}

/** Estimator fork option -> fit() model kind, and whether it conditions on the country. */
const ESTIMATORS: Readonly<Record<string, { kind: ModelKind; group: string | null }>> = {
  logit: { kind: "logit", group: null },
  probit: { kind: "probit", group: null },
  firth: { kind: "firth", group: null },
  relogit: { kind: "relogit", group: null },
  clogit: { kind: "clogit", group: "ccode" },
  "lpm-fe": { kind: "feols", group: "ccode" },
};

/** Inference fork option -> the `--vcov` text of `pkt fit` and the columns it clusters on. */
const VCOVS: Readonly<Record<string, { text: string; by: readonly string[] }>> = {
  cluster: { text: "cluster:ccode", by: ["ccode"] },
  hc1: { text: "hc1", by: [] },
  twoway: { text: "cluster:ccode+year", by: ["ccode", "year"] },
};

/** A specification made concrete: the model, its formula, estimator and variance, and the tested term. */
export interface ConcreteSpec {
  readonly options: StudyOptions;
  readonly model: ModelSpec;
  readonly formula: string;
  readonly kind: ModelKind;
  /** `pkt fit --vcov` text. */
  readonly vcov: string;
  /** The coefficient the claim is judged by. */
  readonly term: string;
}

/** The study model of a specification: the claim's M1-M4 with its control set, time, estimator and variance. */
export function concreteSpec(s: Specification): ConcreteSpec {
  const o = studyOptionsOf(s);
  const idx = CLAIMS.findIndex((c) => c.id === s.claim);
  const base = studyModels(o)[idx];
  const minimal = s.choices.controls === "minimal";
  const controls = controlsFor(o).filter((t) => !(minimal && (t.col === o.democracy || t.col === "civil_conflict")));
  const est = ESTIMATORS[s.choices.estimator];
  const v = VCOVS[s.choices.inference];
  if (est === undefined) throw new RangeError(`unknown estimator option ${s.choices.estimator}`);
  if (v === undefined) throw new RangeError(`unknown inference option ${s.choices.inference}`);
  const model: ModelSpec = {
    ...base,
    controls,
    estimator: est.kind,
    group: est.group,
    vcov: v.by.length > 0 ? { type: "cluster", by: v.by } : { type: "classical" },
  };
  return { options: o, model, formula: formulaOf(model), kind: est.kind, vcov: v.text, term: interactionName(model) ?? termName(model.key) };
}

/** The claim a study model id tests. */
export function claimOfModel(id: string): ClaimId {
  const c = CLAIMS.find((x) => x.model === id);
  if (c === undefined) throw new RangeError(`unknown model ${id}`);
  return c.id;
}

/**
 * Countries whose UN presence in `rows` is observers only: some UN personnel, but no troops
 * or police in any year (Croatia with UNMOP, 2001-2002, for example). Sorted COW codes.
 */
export function observerOnlyHosts(rows: readonly PanelRow[]): number[] {
  const by = new Map<number, { total: number; armed: number }>();
  for (const r of rows) {
    const cc = numOf(r, "ccode");
    if (cc === null) continue;
    const g = by.get(cc) ?? { total: 0, armed: 0 };
    g.total += numOf(r, "un_total") ?? 0;
    g.armed += (numOf(r, "un_troops") ?? 0) + (numOf(r, "un_police") ?? 0);
    by.set(cc, g);
  }
  return [...by].filter(([, g]) => g.total > 0 && g.armed === 0).map(([cc]) => cc).sort((a, b) => a - b);
}

/** The countries a sample option leaves out of the prepared rows (empty for `all` and the year window). */
export function excludedCountries(sample: string, rows: readonly PanelRow[]): readonly number[] {
  if (sample === "no-balkans") return BALKANS;
  if (sample === "no-observer-only") return observerOnlyHosts(rows);
  return [];
}
