import { OptionError } from "../core/errors.js";

/** Which UN peacekeeping source feeds the deployment columns. */
export type UnSource = "ipi" | "kathman";
/**
 * How TIP report year t is joined to calendar-year data: `lag` joins report t to
 * calendar year t-1 (the year the report mostly covers: April t-1 to March t);
 * `same` joins report t to calendar year t.
 */
export type Alignment = "lag" | "same";
/** The outcome: `pdest` (destination for forced prostitution) or `destination` (any type). */
export type Outcome = "pdest" | "destination";
/**
 * How HTI's three labels become 0/1: `yes-vs-rest` codes Yes = 1, No and No mention = 0
 * (as the paper); `no-mention-missing` drops "No mention" rows (missing).
 */
export type OutcomeCoding = "yes-vs-rest" | "no-mention-missing";
/** The deployment size measure: mean monthly uniformed personnel, troops only, or the peak month. */
export type SizeMeasure = "un_total" | "un_troops" | "un_peak";
/**
 * The duration moderator of M2: `host` = years since the host's current continuous UN
 * deployment began (any mission, so UNTSO's observers date Lebanon from 1948); `main-mission`
 * = years since the current deployment of the year's largest mission began (UNIFIL, 1978).
 */
export type DurationMeasure = "host" | "main-mission";
/** The democracy control. */
export type Democracy = "polity2" | "v2x_polyarchy";
/** The US troop series for the placebo. */
export type UsSeries = "legacy" | "rebuild";

/** Every choice the study makes, each with a documented default (see `DEFAULT_OPTIONS`). */
export interface StudyOptions {
  readonly source: UnSource;
  readonly alignment: Alignment;
  readonly outcome: Outcome;
  readonly outcomeCoding: OutcomeCoding;
  readonly size: SizeMeasure;
  readonly duration: DurationMeasure;
  readonly democracy: Democracy;
  readonly usSeries: UsSeries;
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
 * is explicit and the data README where it is not (reasons in docs/study.md).
 */
export const DEFAULT_OPTIONS: StudyOptions = Object.freeze({
  source: "ipi",
  alignment: "lag",
  outcome: "pdest",
  outcomeCoding: "yes-vs-rest",
  size: "un_total",
  duration: "host",
  democracy: "polity2",
  usSeries: "legacy",
  trend: true,
  yearEffects: false,
  tier: false,
  yearFrom: 2001,
  yearTo: 2011,
  mapYear: 2008,
});

/** Allowed values of each enumerated option, for validation and `--help`. */
export const OPTION_CHOICES = Object.freeze({
  source: ["ipi", "kathman"],
  alignment: ["lag", "same"],
  outcome: ["pdest", "destination"],
  outcomeCoding: ["yes-vs-rest", "no-mention-missing"],
  size: ["un_total", "un_troops", "un_peak"],
  duration: ["host", "main-mission"],
  democracy: ["polity2", "v2x_polyarchy"],
  usSeries: ["legacy", "rebuild"],
} as const);

/** One line per option saying what it means, for the report's options section. */
export const OPTION_DOCS: Readonly<Record<keyof StudyOptions, string>> = Object.freeze({
  source: "UN peacekeeping source: IPI mission-month (default) or Kathman mission-month",
  alignment: "TIP report year t joined to calendar year t-1 (lag, default) or t (same)",
  outcome: "Outcome: pdest (destination for forced prostitution, default) or destination (any type)",
  outcomeCoding: "Yes = 1, No and No mention = 0 (yes-vs-rest, default); or No mention as missing",
  size: "Deployment size: mean monthly uniformed personnel (un_total, default), troops, or peak month",
  duration: "M2's duration: years since the host's UN deployment began (host, default) or its largest mission's (main-mission)",
  democracy: "Democracy control: Polity2 (default) or V-Dem polyarchy",
  usSeries: "US troop series for the placebo: legacy (default) or rebuild",
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
        throw new OptionError(`option ${key}: expected one of ${choices.join(", ")}, got ${JSON.stringify(value)}`);
      }
    } else if (typeof DEFAULT_OPTIONS[key as keyof StudyOptions] === "boolean") {
      if (typeof value !== "boolean") throw new OptionError(`option ${key}: expected true or false, got ${JSON.stringify(value)}`);
    } else if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new OptionError(`option ${key}: expected a whole year, got ${JSON.stringify(value)}`);
    }
    out[key] = value;
  }
  const o = out as unknown as StudyOptions;
  if (o.yearFrom > o.yearTo) throw new OptionError(`option yearFrom ${o.yearFrom} is after yearTo ${o.yearTo}`);
  if (o.yearFrom < 2001 || o.yearTo > 2011) {
    throw new OptionError(`years ${o.yearFrom}-${o.yearTo}: the outcome (HTI) covers TIP report years 2001-2011 only`);
  }
  if (o.mapYear < 2001 || o.mapYear > 2011) throw new OptionError(`option mapYear: expected 2001-2011, got ${o.mapYear}`);
  return Object.freeze(o);
}
