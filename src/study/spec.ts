import type { ModelKind } from "../stats/results.js";
import type { StudyOptions } from "./options.js";

/** A transformation applied to one panel column inside a formula. */
export type TermFn = "id" | "log" | "log1p" | "factor";

/** One variable of a model, as data: a panel column and its transformation. */
export interface TermSpec {
  readonly col: string;
  readonly fn: TermFn;
  /** Words for tables and figures. */
  readonly label: string;
}

/** The variance estimator of a model. */
export interface VcovSpec {
  readonly type: "cluster" | "classical";
  readonly by?: readonly string[];
}

/** One model of the study, declared as data; `formulaOf` turns it into a formula string. */
export interface ModelSpec {
  /** `M1`..`M4`. */
  readonly id: string;
  /** Short title for table headers. */
  readonly title: string;
  /** The claim the model tests, in words. */
  readonly claim: string;
  readonly response: string;
  /** The exposure whose effect the model is about. */
  readonly key: TermSpec;
  /** A moderator interacted with the exposure (M2, M3). */
  readonly moderator: TermSpec | null;
  readonly controls: readonly TermSpec[];
  readonly estimator: ModelKind;
  readonly vcov: VcovSpec;
  /** Fixed-effect (conditioning) group for conditional logit, written after `|`. */
  readonly group: string | null;
}

/** Citation of the study being replicated. */
export const STUDY_CITATION =
  "Bell, Sam R., Michael E. Flynn and Carla Martinez Machain. 2018. U.N. Peacekeeping Forces and the Demand for Sex Trafficking. International Studies Quarterly 62(3): 643-655.";

/** The name of a term as the formula and the coefficient table write it (R's convention). */
export function termName(t: Pick<TermSpec, "col" | "fn">): string {
  return t.fn === "id" ? t.col : `${t.fn}(${t.col})`;
}

/** Name of the interaction coefficient of a model with a moderator, else null. */
export function interactionName(m: ModelSpec): string | null {
  return m.moderator === null ? null : `${termName(m.key)}:${termName(m.moderator)}`;
}

/** Every panel column a model reads (response, exposure, moderator, controls, group, cluster). */
export function columnsOf(m: ModelSpec): string[] {
  const cols = [m.response, m.key.col, ...(m.moderator ? [m.moderator.col] : []), ...m.controls.map((c) => c.col)];
  if (m.group !== null) cols.push(m.group);
  for (const b of m.vcov.by ?? []) cols.push(b);
  return [...new Set(cols)];
}

/**
 * The formula string, fixest style: main effects, then the interaction as `a:b`,
 * then `| group` for conditional logit.
 */
export function formulaOf(m: ModelSpec): string {
  const terms = [termName(m.key)];
  if (m.moderator) terms.push(termName(m.moderator));
  terms.push(...m.controls.map(termName));
  const inter = interactionName(m);
  if (inter !== null) terms.push(inter);
  return `${m.response} ~ ${terms.join(" + ")}${m.group !== null ? ` | ${m.group}` : ""}`;
}

/** The controls implied by the options: economy, size, democracy, conflict, trend, tier. */
export function controlsFor(o: StudyOptions): TermSpec[] {
  const c: TermSpec[] = [
    { col: "gdppc", fn: "log", label: "GDP per capita (log)" },
    { col: "pop", fn: "log", label: "Population (log)" },
    o.democracy === "polity2"
      ? { col: "polity2", fn: "id", label: "Democracy (Polity2)" }
      : { col: "v2x_polyarchy", fn: "id", label: "Democracy (V-Dem polyarchy)" },
    { col: "civil_conflict", fn: "id", label: "Civil conflict" },
  ];
  if (o.yearEffects) c.push({ col: "report_year", fn: "factor", label: "Report year" });
  else if (o.trend) c.push({ col: "trend", fn: "id", label: "Time trend (years since first year)" });
  if (o.tier) c.push({ col: "tip_tier_lag", fn: "id", label: "TIP tier, previous report" });
  return c;
}

const SIZE_LABEL: Record<StudyOptions["size"], string> = {
  un_total: "UN personnel (log 1+)",
  un_troops: "UN troops (log 1+)",
  un_peak: "UN personnel, peak month (log 1+)",
};

/** The UN deployment size term the options select. */
export function sizeTerm(o: StudyOptions): TermSpec {
  return { col: o.size, fn: "log1p", label: SIZE_LABEL[o.size] };
}

/** The M2 moderator the options select (see `DurationMeasure`). */
export function durationTerm(o: Pick<StudyOptions, "duration">): TermSpec {
  switch (o.duration) {
    case "presence-log":
      return { col: "un_duration", fn: "log1p", label: "Years deployed (log 1+)" };
    case "main-lineage":
      return { col: "un_duration_main", fn: "id", label: "Years the largest mission line deployed" };
    case "any-mission":
      return { col: "un_duration_any", fn: "id", label: "Years any UN mission deployed (v0.1 rule)" };
    default:
      return { col: "un_duration", fn: "id", label: "Years deployed" };
  }
}

/**
 * The four models of Bell, Flynn & Martinez Machain (2018): logit on the outcome,
 * standard errors clustered by country, TIP report years `yearFrom`-`yearTo`.
 */
export function studyModels(o: StudyOptions): ModelSpec[] {
  const controls = controlsFor(o);
  const base = {
    response: o.outcome,
    controls,
    estimator: "logit" as ModelKind,
    vcov: { type: "cluster", by: ["ccode"] } as VcovSpec,
    group: null,
  };
  const size = sizeTerm(o);
  return [
    {
      ...base,
      id: "M1",
      title: "Size",
      claim: "Larger UN deployments make a host country more likely to be a destination for sex trafficking.",
      key: size,
      moderator: null,
    },
    {
      ...base,
      id: "M2",
      title: "Size x duration",
      claim: "The effect of deployment size grows the longer the mission has been deployed.",
      key: size,
      moderator: durationTerm(o),
    },
    {
      ...base,
      id: "M3",
      title: "Size x TCCs",
      claim: "The effect of deployment size grows with the number of troop-contributing countries.",
      key: size,
      moderator: o.contributors === "sum"
        ? { col: "un_tcc_sum", fn: "id", label: "Contributing countries (summed over missions)" }
        : { col: "un_tcc", fn: "id", label: "Contributing countries" },
    },
    {
      ...base,
      id: "M4",
      title: "Placebo: US troops",
      claim: "Placebo: US troop presence should not have the same association if the mechanism is specific to UN peacekeepers.",
      key: { col: "us_troops_foreign", fn: "log1p", label: "US troops (log 1+)" },
      moderator: null,
    },
  ];
}
