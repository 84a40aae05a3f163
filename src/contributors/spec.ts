import type { ModelKind } from "../stats/results.js";

/** A host-year moderator of the size effect: a panel column in 0..1. */
export interface Moderator {
  readonly col: string;
  readonly label: string;
  /** Short name for files and tables. */
  readonly id: string;
}

/**
 * The moderators, in the order the issue lists them. The panel's un_contrib_hti_share (listed as
 * source or destination) is left out: HTI's 2010-2011 reports list all but a handful of countries
 * as one or the other, so it is 1 in every host-year and cannot moderate anything.
 */
export const MODERATORS: readonly Moderator[] = [
  { id: "female", col: "un_female_share", label: "Female share of UN personnel" },
  { id: "pdest", col: "un_contrib_pdest_share", label: "Share from contributors HTI lists as destinations" },
  { id: "low_tier", col: "un_contrib_low_tier_share", label: "Share from contributors on the TIP Watch List or Tier 3" },
  { id: "democracy", col: "un_contrib_democracy_share", label: "Share from democracies (V-Dem polyarchy >= 0.5)" },
  { id: "income", col: "un_contrib_high_income_share", label: "Share from high-income contributors" },
  { id: "nato_oecd", col: "un_contrib_nato_oecd_share", label: "Share from NATO or OECD members" },
];

/** An outcome with its estimator and the years where it overlaps the contributor file. */
export interface Outcome {
  readonly col: string;
  readonly label: string;
  readonly model: ModelKind;
  /** "trafficking" (HTI listing) or "government-effort" (tier, 3P: what governments do, not trafficking itself). */
  readonly kind: "trafficking" | "government-effort";
  /** Calendar years of the panel rows used (default alignment t-1: report year = calendar year + 1 for HTI and tiers). */
  readonly years: readonly [number, number];
  /** In words: which reports or years these are, and why. */
  readonly coverage: string;
  /** Sign of a harmful change: +1 when a higher outcome is worse (listing, tier), -1 when higher is better (3P). */
  readonly harm: 1 | -1;
  /**
   * The smallest change that matters, on the model's scale, in the effect of a median-sized
   * deployment (log1p of the hosts' median personnel) between the moderator's 25th and 75th
   * percentiles among hosts.
   */
  readonly meaningful: number;
  /** The same in words. */
  readonly meaningfulText: string;
}

/** The outcomes. HTI ends with report 2011: only reports 2010-2011 (calendar 2009-2010) overlap the gender file. */
export const OUTCOMES: readonly Outcome[] = [
  { col: "pdest", label: "Destination for forced prostitution (HTI pdest)", model: "logit", kind: "trafficking", years: [2009, 2010], coverage: "TIP reports 2010-2011 (calendar years 2009-2010): the only HTI reports that overlap the contributor file (2009-11 to 2014-02)", harm: 1, meaningful: Math.log(1.5), meaningfulText: "an odds ratio of 1.5 (log-odds 0.405)" },
  { col: "destination", label: "Destination for any trafficking (HTI)", model: "logit", kind: "trafficking", years: [2009, 2010], coverage: "TIP reports 2010-2011 (calendar years 2009-2010), as pdest", harm: 1, meaningful: Math.log(1.5), meaningfulText: "an odds ratio of 1.5 (log-odds 0.405)" },
  { col: "tip_tier", label: "TIP tier (1-3; government effort, higher = less effort)", model: "ols", kind: "government-effort", years: [2009, 2014], coverage: "TIP reports 2010-2015 (calendar years 2009-2014); a linear model of the tier", harm: 1, meaningful: 0.25, meaningfulText: "a quarter of a tier" },
  { col: "p3_total", label: "3P anti-trafficking policy index (government effort, higher = more effort)", model: "ols", kind: "government-effort", years: [2009, 2013], coverage: "calendar years 2009-2013 (the index ends 2013; it is already aligned to the year of the policies)", harm: -1, meaningful: 1, meaningfulText: "one point of the 3-15 index" },
];

/** The paper's controls (the study's defaults: V-Dem democracy, civil conflict, a linear trend). */
export const CONTROLS = "log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend";

/** The size term. */
export const SIZE = "log1p(un_total)";

