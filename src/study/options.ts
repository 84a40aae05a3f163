import { OptionError } from "../core/errors.js";

import type { KosovoPlacement, MultiHost, ReportAlignment, UnSource, UsTroopsSeries } from "../panel/options.js";

export type { KosovoPlacement, MultiHost, ReportAlignment, UnSource, UsTroopsSeries };
/** The outcome: `pdest` (destination for forced prostitution) or `destination` (any type). */
export type Outcome = "pdest" | "destination";
/** The deployment size measure: mean monthly uniformed personnel, troops only, or the peak month. */
export type SizeMeasure = "un_total" | "un_troops" | "un_peak";
/**
 * The duration moderator of M2 (panel columns and rules in docs/panel.md):
 * `presence` = years since the host's current UN deployment began, small observer
 * missions left out and short absences bridged (default); `presence-log` = log(1 + that);
 * `main-lineage` = years since the current deployment of the host's largest mission line
 * (MONUC and MONUSCO one line); `any-mission` = version 0.1's rule (any personnel, UNTSO
 * dates Lebanon from 1948), kept for comparison.
 */
export type DurationMeasure = "presence" | "presence-log" | "main-lineage" | "any-mission";
/** M3's contributor count: distinct states (default) or version 0.1's sum over a host's missions. */
export type Contributors = "distinct" | "sum";
/** The democracy control. */
export type Democracy = "v2x_polyarchy" | "polity2";

/** Every choice the study makes, each with a documented default (see `DEFAULT_OPTIONS`). */
export interface StudyOptions {
  /** UN mission-month source (panel option of the same name). */
  readonly unSource: UnSource;
  /** TIP report year t joined to calendar year t-1 (`t-1`) or t (`t`) (panel option of the same name). */
  readonly reportAlignment: ReportAlignment;
  /** How multi-host missions are placed (panel option of the same name). */
  readonly multiHost: MultiHost;
  /** Where UNMIK is placed (panel option of the same name). */
  readonly kosovo: KosovoPlacement;
  readonly outcome: Outcome;
  readonly size: SizeMeasure;
  readonly duration: DurationMeasure;
  readonly contributors: Contributors;
  readonly democracy: Democracy;
  /** US troop series for the placebo (panel option of the same name). */
  readonly usTroops: UsTroopsSeries;
  /** Include a linear time trend (`trend` = year - first year) among the controls. */
  readonly trend: boolean;
  /** Report-year dummies (`factor(report_year)`) instead of the linear trend. */
  readonly yearEffects: boolean;
  /** Include the lagged TIP tier among the controls. */
  readonly tier: boolean;
  /** First and last TIP report year of the estimation sample. */
  readonly yearFrom: number;
  readonly yearTo: number;
  /** Year shown on the world map (a TIP report year). */
  readonly mapYear: number;
}

/**
 * The defaults, chosen to follow Bell, Flynn & Martinez Machain (2018) where the paper
 * is explicit and the data where it is not (reasons in docs/study.md). The panel-level
 * choices have the panel's defaults (docs/panel.md), so `pkt panel build`, `pkt report`,
 * `pkt cases` and the dashboard agree.
 */
export const DEFAULT_OPTIONS: StudyOptions = Object.freeze({
  unSource: "ipi",
  reportAlignment: "t-1",
  multiHost: "located",
  kosovo: "split-2008",
  outcome: "pdest",
  size: "un_total",
  duration: "presence",
  contributors: "distinct",
  democracy: "v2x_polyarchy",
  usTroops: "legacy",
  trend: true,
  yearEffects: false,
  tier: false,
  yearFrom: 2001,
  yearTo: 2011,
  mapYear: 2008,
});

/** Allowed values of each enumerated option, for validation and `--help`. */
export const OPTION_CHOICES = Object.freeze({
  unSource: ["ipi", "kathman"],
  reportAlignment: ["t-1", "t"],
  multiHost: ["located", "split", "hq", "full"],
  kosovo: ["split-2008", "serbia", "kosovo"],
  outcome: ["pdest", "destination"],
  size: ["un_total", "un_troops", "un_peak"],
  duration: ["presence", "presence-log", "main-lineage", "any-mission"],
  contributors: ["distinct", "sum"],
  democracy: ["v2x_polyarchy", "polity2"],
  usTroops: ["legacy", "rebuild"],
} as const);

/** The command-line flag of each option (the same in `pkt panel build`, `pkt report` and `pkt cases`). */
export const OPTION_FLAGS: Readonly<Record<keyof StudyOptions, string>> = Object.freeze({
  unSource: "--un-source",
  reportAlignment: "--report-alignment",
  multiHost: "--multi-host",
  kosovo: "--kosovo",
  outcome: "--outcome",
  size: "--size",
  duration: "--duration",
  contributors: "--contributors",
  democracy: "--democracy",
  usTroops: "--us-troops",
  trend: "--no-trend",
  yearEffects: "--year-effects",
  tier: "--tier",
  yearFrom: "--years",
  yearTo: "--years",
  mapYear: "--map-year",
});

/** One line per option saying what it means, for the report's options section. */
export const OPTION_DOCS: Readonly<Record<keyof StudyOptions, string>> = Object.freeze({
  unSource: "UN peacekeeping source: IPI mission-month (default) or Kathman mission-month",
  reportAlignment: "TIP report year t joined to calendar year t-1 (t-1, default: the report covers April t-1 to March t) or t",
  multiHost: "Multi-host missions placed where their personnel served (located, default), split equally, in the HQ country, or in full in every host (full: counts personnel twice)",
  kosovo: "UNMIK in Serbia through 2007 and Kosovo from 2008 (split-2008, default), always Serbia, or always Kosovo",
  outcome: "Outcome: pdest (destination for forced prostitution, default) or destination (any type)",
  size: "Deployment size: mean monthly uniformed personnel (un_total, default), troops, or peak month",
  duration: "M2's duration: years of UN presence without small observer missions (presence, default), its log, the largest mission line's (main-lineage), or version 0.1's any-mission rule",
  contributors: "M3's contributing countries: distinct states (distinct, default) or version 0.1's sum over a host's missions (sum: a state in two missions counts twice)",
  democracy: "Democracy control: V-Dem polyarchy (default: covers Serbia, Bosnia and Kosovo) or Polity2 (missing for them)",
  usTroops: "US troop series for the placebo: legacy (default) or rebuild",
  trend: "Linear time trend among the controls (default on)",
  yearEffects: "Report-year dummies instead of the linear trend (default off)",
  tier: "Lagged TIP tier among the controls (default off)",
  yearFrom: "First TIP report year in the sample (default 2001)",
  yearTo: "Last TIP report year in the sample (default 2011)",
  mapYear: "Report year shown on the world map (default 2008)",
});

/**
 * Merge user options over the defaults and check them; unknown keys and values
 * outside the allowed set are an OptionError naming the option and the choices.
 */
export function resolveOptions(given: Partial<Record<keyof StudyOptions, unknown>> = {}): StudyOptions {
  const out: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_OPTIONS)) {
      throw new OptionError(`unknown study option ${JSON.stringify(key)}; known: ${Object.keys(DEFAULT_OPTIONS).join(", ")}`);
    }
    const choices = (OPTION_CHOICES as Record<string, readonly string[]>)[key];
    if (choices !== undefined) {
      if (typeof value !== "string" || !choices.includes(value)) {
        throw new OptionError(`${OPTION_FLAGS[key as keyof StudyOptions]}: expected one of ${choices.join(", ")}, got ${JSON.stringify(value)}`);
      }
    } else if (typeof DEFAULT_OPTIONS[key as keyof StudyOptions] === "boolean") {
      if (typeof value !== "boolean") throw new OptionError(`${OPTION_FLAGS[key as keyof StudyOptions]}: expected true or false, got ${JSON.stringify(value)}`);
    } else if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new OptionError(`${OPTION_FLAGS[key as keyof StudyOptions]}: expected a whole year, got ${JSON.stringify(value)}`);
    }
    out[key] = value;
  }
  const o = out as unknown as StudyOptions;
  if (o.yearFrom > o.yearTo) throw new OptionError(`--years: first report year ${o.yearFrom} is after the last, ${o.yearTo}`);
  if (o.yearFrom < 2001 || o.yearTo > 2011) {
    throw new OptionError(`years ${o.yearFrom}-${o.yearTo}: the outcome (HTI) covers TIP report years 2001-2011 only`);
  }
  if (o.mapYear < 2001 || o.mapYear > 2011) throw new OptionError(`--map-year: expected 2001-2011, got ${o.mapYear}`);
  return Object.freeze(o);
}
