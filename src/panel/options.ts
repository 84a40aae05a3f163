import { OptionError, quote } from "../core/errors.js";

/** Which UN mission-month file gives the peacekeeping columns. */
export type UnSource = "ipi" | "kathman";
/**
 * How the personnel of a mission are placed in host countries: `located` (default: where
 * they served, from location data), `split` (equally among the crosswalk's hosts), `hq`
 * (the source's HQ country), `full` (every crosswalk host counts the whole mission; double
 * counts, kept only to reproduce earlier builds).
 */
export type MultiHost = "located" | "split" | "hq" | "full";
/** Where missions in Kosovo (UNMIK, KFOR, EULEX) are counted. */
export type KosovoPlacement = "split-2008" | "serbia" | "kosovo";
/**
 * How an HTI "No mention" label is coded. Only `zero` is accepted: coded as missing it
 * leaves 1 "No" against 1,100 "Yes" (see {@link NO_MENTION_MISSING_REFUSED}).
 */
export type NoMentionCoding = "zero";
/** Which calendar year a TIP report of year t describes. */
export type ReportAlignment = "t" | "t-1";
/** Which US troop series fills `us_troops`. */
export type UsTroopsSeries = "legacy" | "rebuild";
/** Where GDP per capita and population come from. */
export type GdpSource = "fariss-maddison" | "fariss" | "maddison";

/**
 * Every modelling choice the panel exposes. All fields are optional in
 * {@link PanelOptions}; {@link DEFAULT_OPTIONS} gives the defaults.
 */
export interface ResolvedPanelOptions {
  /** First and last calendar year, inclusive. Default 1990-2019. Must lie within the state-system data (1816-2025). */
  readonly years: readonly [number, number];
  /**
   * UN mission-month source. `ipi` (default): IPI Providing for Peacekeeping,
   * 1990-11 to 2017-03 (2016-11 missing), with contributor counts. `kathman`:
   * Kathman (2013) updated to 2019-12, no contributor counts (`un_tcc` is missing).
   * Years the source does not cover at all get missing UN columns, not 0.
   */
  readonly unSource: UnSource;
  /**
   * `located` (default): each mission-month's personnel are divided among the countries
   * where the mission's deployment locations were (Geo-PKO maps, the nearest map of the
   * mission within `locationWindow` months), else by the mission's documented area of
   * operations (e.g. UNMEE's Temporary Security Zone in Eritrea), else equally among the
   * hosts of `unpko_country_crosswalk.csv` (docs/panel.md has the table and reasons).
   * `split`: equally among the crosswalk's hosts. `hq`: only the source's HQ country.
   * `full`: every crosswalk host counts the mission's whole strength (UNPROFOR in Bosnia,
   * Croatia, Macedonia and Yugoslavia at once): personnel are counted several times, so a
   * build with it carries a warning; kept only to reproduce earlier results.
   * Every option conserves personnel except `full`: for each month the sum over hosts plus
   * the personnel in territories that are not states (named in the warnings) equals the
   * sum over missions.
   */
  readonly multiHost: MultiHost;
  /**
   * How far (months) a Geo-PKO map may be from a mission-month for its locations to place
   * that month's personnel under `multiHost = located`. Default 24: Geo-PKO has about one
   * map per mission per year, with gaps of up to two years in long missions.
   */
  readonly locationWindow: number;
  /**
   * Months without any UN personnel in a host after which the deployment clock (the
   * `un_duration_*` columns) restarts. Default 24: a mission that leaves and a successor
   * that arrives within two years are one UN presence (Haiti's 1990s missions ran back to
   * back; MINUSTAH came in 2004 after a gap of more than three years).
   */
  readonly durationGap: number;
  /**
   * A mission-month of an observer mission (one with neither troops nor police in most of
   * its months in the source: UNTSO, UNMOGIP, UNOMIG, UNMOT, UNMOP, UNMIN...) with fewer
   * than this many uniformed personnel does not start or extend the deployment clock of
   * `un_duration_years` and `un_duration_main_years`. Default 500: above every observer
   * mission in IPI 1990-2016 (the largest, UNTSO, had 300 in 1992; UNMOGIP about 45), so
   * no observer mission dates Lebanon, Egypt, Israel, India or Pakistan from 1948-49,
   * while any mission with troops or police counts. 0 turns the rule off.
   */
  readonly observerThreshold: number;
  /**
   * Missions in Kosovo (UNMIK; KFOR and EULEX in Bara-Hultman): `split-2008` (default)
   * counts them in Serbia (COW 345) through 2007 and in Kosovo (COW 347) from 2008, when
   * Kosovo enters the state system; `serbia`: always 345; `kosovo`: always 347 (so before
   * 2008 they are in no country-year).
   */
  readonly kosovo: KosovoPlacement;
  /**
   * HTI labels: "Yes" = 1, "No" = 0, "No mention" = 0 (`zero`, the only accepted value).
   * A country-year with no HTI row is always missing.
   */
  readonly htiNoMention: NoMentionCoding;
  /**
   * `t-1` (default): TIP report year t is joined to calendar year t-1, the year it mostly
   * covers (the report of year t covers April t-1 to March t; data README, "Time
   * alignment"). `t`: to calendar year t. Applies to HTI and the TIP tiers.
   */
  readonly reportAlignment: ReportAlignment;
  /** `legacy` (default): troopdata legacy country-year series; `rebuild`: the yearly maximum of the quarterly reports. */
  readonly usTroops: UsTroopsSeries;
  /**
   * `fariss-maddison` (default): Fariss et al. estimates, and Maddison 2023 (scaled to
   * the unit of the Fariss columns) for years after a country's last Fariss year;
   * `fariss` only; `maddison` only.
   */
  readonly gdp: GdpSource;
  /** Keep only these columns (plus the keys ccode, iso3, country, year). Default: all columns. */
  readonly columns: readonly string[] | null;
}

/** User-supplied options; anything left out takes its default. */
export type PanelOptions = Partial<ResolvedPanelOptions>;

/** The defaults, as documented on {@link ResolvedPanelOptions}. */
export const DEFAULT_OPTIONS: ResolvedPanelOptions = Object.freeze({
  years: Object.freeze([1990, 2019]) as unknown as readonly [number, number],
  unSource: "ipi",
  multiHost: "located",
  locationWindow: 24,
  durationGap: 24,
  observerThreshold: 500,
  kosovo: "split-2008",
  htiNoMention: "zero",
  reportAlignment: "t-1",
  usTroops: "legacy",
  gdp: "fariss-maddison",
  columns: null,
});

/** The CLI flag of each option, for messages in the user's words. */
export const OPTION_FLAGS: Readonly<Record<keyof ResolvedPanelOptions, string>> = Object.freeze({
  years: "--years",
  unSource: "--un-source",
  multiHost: "--multi-host",
  locationWindow: "--location-window",
  durationGap: "--duration-gap",
  observerThreshold: "--observer-threshold",
  kosovo: "--kosovo",
  htiNoMention: "--hti-no-mention",
  reportAlignment: "--report-alignment",
  usTroops: "--us-troops",
  gdp: "--gdp",
  columns: "--columns",
});

/** Whole-number options and their allowed ranges. */
export const OPTION_RANGES = {
  locationWindow: [0, 120],
  durationGap: [1, 600],
  observerThreshold: [0, 100000],
} as const satisfies Partial<Record<keyof ResolvedPanelOptions, readonly [number, number]>>;

/**
 * Why "No mention" cannot be coded missing: HTI writes "No" only where a report says a
 * country is not a destination, which happens once in 2001-2011.
 */
export const NO_MENTION_MISSING_REFUSED =
  '--hti-no-mention missing is refused: HTI says "No" for pdest once in 2001-2011 against 1,100 "Yes", so with "No mention" as missing ' +
  "the outcome is almost constant and every model is separated; \"No mention\" is coded 0 (the TIP report does not list the country as a destination)";

/** Years the state-system data cover; a panel cannot reach beyond them. */
export const DATA_YEARS: readonly [number, number] = [1816, 2025];

/** The allowed values of each enumerated option (for messages, the CLI and tests). */
export const OPTION_CHOICES = {
  unSource: ["ipi", "kathman"],
  multiHost: ["located", "split", "hq", "full"],
  kosovo: ["split-2008", "serbia", "kosovo"],
  htiNoMention: ["zero"],
  reportAlignment: ["t-1", "t"],
  usTroops: ["legacy", "rebuild"],
  gdp: ["fariss-maddison", "fariss", "maddison"],
} as const satisfies Record<string, readonly string[]>;

const KNOWN = new Set<string>([...Object.keys(DEFAULT_OPTIONS)]);

/**
 * Fill defaults and check every option; a bad one raises an OptionError naming the
 * option, the value found and what is allowed. Column names are checked later,
 * against the columns the pipeline produces ({@link checkColumnSelection}).
 */
export function resolveOptions(opts: PanelOptions = {}): ResolvedPanelOptions {
  for (const k of Object.keys(opts)) {
    if (!KNOWN.has(k)) throw new OptionError(`unknown panel option ${quote(k)}; known options: ${[...KNOWN].join(", ")}`);
  }
  const out = { ...DEFAULT_OPTIONS, ...stripUndefined(opts) } as ResolvedPanelOptions;
  if ((out.htiNoMention as string) === "missing") throw new OptionError(NO_MENTION_MISSING_REFUSED);
  for (const [key, allowed] of Object.entries(OPTION_CHOICES)) {
    const v = (out as unknown as Record<string, unknown>)[key];
    if (!(allowed as readonly string[]).includes(v as string)) {
      const flag = OPTION_FLAGS[key as keyof ResolvedPanelOptions];
      throw new OptionError(`${flag}: expected one of ${allowed.join(", ")}, got ${quote(v)}`);
    }
  }
  for (const [key, [lo, hi]] of Object.entries(OPTION_RANGES)) {
    const v = (out as unknown as Record<string, unknown>)[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) {
      const flag = OPTION_FLAGS[key as keyof ResolvedPanelOptions];
      throw new OptionError(`${flag}: expected a whole number from ${lo} to ${hi}, got ${typeof v === "number" ? String(v) : quote(v)}`);
    }
  }
  const y = out.years;
  if (!Array.isArray(y) || y.length !== 2 || !y.every((v) => Number.isInteger(v))) {
    throw new OptionError(`--years: expected two whole years [first, last], got ${quote(JSON.stringify(y))}`);
  }
  if (y[0] > y[1]) throw new OptionError(`--years: first year ${y[0]} is after last year ${y[1]}`);
  if (y[0] < DATA_YEARS[0] || y[1] > DATA_YEARS[1]) {
    throw new OptionError(
      `--years: ${y[0]}-${y[1]} reaches outside the state-system data (${DATA_YEARS[0]}-${DATA_YEARS[1]})`,
    );
  }
  if (out.columns !== null && !(Array.isArray(out.columns) && out.columns.every((c) => typeof c === "string"))) {
    throw new OptionError(`--columns: expected a list of column names, got ${quote(JSON.stringify(out.columns))}`);
  }
  return Object.freeze({
    ...out,
    years: Object.freeze([y[0], y[1]]) as unknown as readonly [number, number],
    columns: out.columns === null ? null : Object.freeze([...out.columns]),
  });
}

/** Raise an OptionError for any selected column the pipeline does not produce. */
export function checkColumnSelection(selected: readonly string[], available: readonly string[]): void {
  const have = new Set(available);
  const bad = selected.filter((c) => !have.has(c));
  if (bad.length > 0) {
    throw new OptionError(
      `unknown panel column${bad.length > 1 ? "s" : ""} ${bad.map((c) => quote(c)).join(", ")}; ` +
        `available: ${available.join(", ")}`,
    );
  }
}

/**
 * Parse a year range written `1990-2019` or `2005` (CLI form).
 * @throws OptionError when the text is not a year or a range.
 */
export function parseYearRange(text: string): readonly [number, number] {
  const m = /^\s*(\d{4})\s*(?:[-:]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) throw new OptionError(`--years: expected a year or a range like 1990-2019, got ${quote(text)}`);
  const a = Number(m[1]);
  return [a, m[2] === undefined ? a : Number(m[2])];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
