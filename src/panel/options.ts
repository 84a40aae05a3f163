import { OptionError, quote } from "../core/errors.js";

/** Which UN mission-month file gives the peacekeeping columns. */
export type UnSource = "ipi" | "kathman";
/** How a mission with several host countries is placed. */
export type MultiHost = "crosswalk" | "crosswalk-split" | "hq";
/** Where missions in Kosovo (UNMIK, KFOR, EULEX) are counted. */
export type KosovoPlacement = "split-2008" | "serbia" | "kosovo";
/** How an HTI "No mention" label is coded. */
export type NoMentionCoding = "zero" | "missing";
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
   * `crosswalk` (default): a mission with several hosts in `unpko_country_crosswalk.csv`
   * counts in full in every host (the mission is present in each; personnel are not split,
   * so e.g. UNPROFOR's whole force appears in Bosnia, Croatia, Macedonia and Yugoslavia).
   * `crosswalk-split`: the same hosts, personnel divided equally among them (contributor
   * counts stay whole). `hq`: only the HQ country named by the UN source.
   */
  readonly multiHost: MultiHost;
  /**
   * Missions in Kosovo (UNMIK; KFOR and EULEX in Bara-Hultman): `split-2008` (default)
   * counts them in Serbia (COW 345) through 2007 and in Kosovo (COW 347) from 2008, when
   * Kosovo enters the state system; `serbia`: always 345; `kosovo`: always 347 (so before
   * 2008 they are in no country-year).
   */
  readonly kosovo: KosovoPlacement;
  /**
   * HTI labels: "Yes" = 1, "No" = 0; "No mention" = 0 (`zero`, default) or missing (`missing`).
   * A country-year with no HTI row is always missing.
   */
  readonly htiNoMention: NoMentionCoding;
  /**
   * `t` (default): TIP report year t is joined to calendar year t. `t-1`: to calendar year t-1
   * (the report of year t covers April t-1 to March t). Applies to HTI, TIP tiers.
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
  multiHost: "crosswalk",
  kosovo: "split-2008",
  htiNoMention: "zero",
  reportAlignment: "t",
  usTroops: "legacy",
  gdp: "fariss-maddison",
  columns: null,
});

/** Years the state-system data cover; a panel cannot reach beyond them. */
export const DATA_YEARS: readonly [number, number] = [1816, 2025];

/** The allowed values of each enumerated option (for messages, the CLI and tests). */
export const OPTION_CHOICES = {
  unSource: ["ipi", "kathman"],
  multiHost: ["crosswalk", "crosswalk-split", "hq"],
  kosovo: ["split-2008", "serbia", "kosovo"],
  htiNoMention: ["zero", "missing"],
  reportAlignment: ["t", "t-1"],
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
  for (const [key, allowed] of Object.entries(OPTION_CHOICES)) {
    const v = (out as unknown as Record<string, unknown>)[key];
    if (!(allowed as readonly string[]).includes(v as string)) {
      throw new OptionError(`panel option ${key}: expected one of ${allowed.join(", ")}, got ${quote(v)}`);
    }
  }
  const y = out.years;
  if (!Array.isArray(y) || y.length !== 2 || !y.every((v) => Number.isInteger(v))) {
    throw new OptionError(`panel option years: expected two whole years [first, last], got ${quote(JSON.stringify(y))}`);
  }
  if (y[0] > y[1]) throw new OptionError(`panel option years: first year ${y[0]} is after last year ${y[1]}`);
  if (y[0] < DATA_YEARS[0] || y[1] > DATA_YEARS[1]) {
    throw new OptionError(
      `panel option years: ${y[0]}-${y[1]} reaches outside the state-system data (${DATA_YEARS[0]}-${DATA_YEARS[1]})`,
    );
  }
  if (out.columns !== null && !(Array.isArray(out.columns) && out.columns.every((c) => typeof c === "string"))) {
    throw new OptionError(`panel option columns: expected a list of column names, got ${quote(JSON.stringify(out.columns))}`);
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
