import type { ModelKind } from "../stats/results.js";
import type { StudyOptions } from "./options.js";
import type { ModelSpec, VcovSpec } from "./spec.js";

/** One robustness check: the main models re-estimated with one thing changed. */
export interface RobustnessVariant {
  readonly id: string;
  readonly label: string;
  /** What the check tests, in one line. */
  readonly note: string;
  /** Options changed relative to the main run (rebuilds the panel when a panel option changes). */
  readonly options?: Partial<StudyOptions>;
  /** Another estimator. */
  readonly estimator?: ModelKind;
  /** Another variance estimator. */
  readonly vcov?: VcovSpec;
  /** Conditioning group for conditional (fixed-effects) logit. */
  readonly group?: string;
}

/** The checks, in the order the robustness table shows them. */
export const ROBUSTNESS_VARIANTS: readonly RobustnessVariant[] = Object.freeze([
  { id: "main", label: "Main (logit)", note: "The main specification, for comparison." },
  { id: "probit", label: "Probit", estimator: "probit", note: "Is the result an artefact of the logistic link? Probit coefficients are about 0.6 times logit ones." },
  {
    id: "firth",
    label: "Firth logit",
    estimator: "firth",
    note: "Bias-reduced logit: guards against small-sample bias and (quasi-)separation with few destination changes.",
  },
  {
    id: "relogit",
    label: "Rare-events logit",
    estimator: "relogit",
    note: "King and Zeng's correction for rare events; matters only when destinations are rare in the sample.",
  },
  {
    id: "clogit",
    label: "Conditional logit (country FE)",
    estimator: "clogit",
    group: "ccode",
    vcov: { type: "classical" },
    note:
      "Only within-country change over time identifies the effect; countries that never change status drop out. A student paper reported the sign reverses here. " +
      "Classical standard errors, as survival::clogit (exact) gives them: the country is already the conditioning group.",
  },
  {
    id: "alignment",
    label: "Other time alignment",
    note: "Joins TIP report year t to the other calendar year, testing sensitivity to when deployments are measured.",
  },
  {
    id: "year-effects",
    label: "Year effects instead of trend",
    options: { yearEffects: true },
    note: "Report-year dummies absorb any change in how thoroughly the TIP reports list destinations, not only a linear one.",
  },
  { id: "destination", label: "Outcome: destination (any type)", options: { outcome: "destination" }, note: "Broader outcome: destination for any form of trafficking, not only forced prostitution." },
  { id: "kathman", label: "Kathman source", options: { unSource: "kathman" }, note: "Deployment data from Kathman instead of IPI; tests dependence on the personnel source (no TCC counts: M3 not estimable)." },
  {
    id: "main-mission-duration",
    label: "M2 with the largest mission line's duration",
    options: { duration: "main-lineage" },
    note: "Times M2's duration from the start of the year's largest mission line in the host (MONUC and MONUSCO one line), instead of any qualifying UN presence; only M2 changes.",
  },
]);

/** The options of a variant: the main options with the variant's changes (the alignment check flips it). */
export function variantOptions(v: RobustnessVariant, main: StudyOptions): StudyOptions {
  if (v.id === "alignment") return { ...main, reportAlignment: main.reportAlignment === "t-1" ? "t" : "t-1" };
  return { ...main, ...(v.options ?? {}) };
}

/** A main model re-specified for a variant: estimator, variance and conditioning group. */
export function variantModel(v: RobustnessVariant, m: ModelSpec): ModelSpec {
  return {
    ...m,
    estimator: v.estimator ?? m.estimator,
    vcov: v.vcov ?? m.vcov,
    group: v.group ?? m.group,
  };
}
