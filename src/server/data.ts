/**
 * What the dashboard server serves, independent of how it was built: the panel
 * (in variants), per-mission timelines, sources and code tables. The real
 * implementation reads the source files (`loadDashboardData`); tests pass a
 * synthetic one.
 */

/** One country-year of the panel: column name -> value (null when missing). */
export type PanelRow = Readonly<Record<string, number | string | null>>;

/**
 * Panel options the dashboard can switch, each a closed set of values. The names, values
 * and defaults are the panel's (`--report-alignment` is `reportAlignment`, and so on), so
 * the dashboard, `pkt panel build`, `pkt report` and `pkt cases` agree.
 */
export interface PanelVariant {
  /** Join TIP report year t to calendar year t-1 (`t-1`, default) or t (`t`). */
  readonly reportAlignment: "t-1" | "t";
  /** UN personnel source: IPI mission-months or Kathman. */
  readonly unSource: "ipi" | "kathman";
  /** Placement of multi-host missions. */
  readonly multiHost: "located" | "split" | "hq" | "full";
  /** Where UNMIK is counted. */
  readonly kosovo: "split-2008" | "serbia" | "kosovo";
  /** US troop series: troopdata legacy country-year, or the rebuild series' yearly maximum. */
  readonly usTroops: "legacy" | "rebuild";
}

/** The values each variant option may take; the first is the default (the panel's default). */
export const VARIANT_CHOICES: { readonly [K in keyof PanelVariant]: readonly PanelVariant[K][] } = Object.freeze({
  reportAlignment: Object.freeze(["t-1", "t"] as const),
  unSource: Object.freeze(["ipi", "kathman"] as const),
  multiHost: Object.freeze(["located", "split", "hq", "full"] as const),
  kosovo: Object.freeze(["split-2008", "serbia", "kosovo"] as const),
  usTroops: Object.freeze(["legacy", "rebuild"] as const),
});

/** The default panel variant: the panel's defaults. */
export const DEFAULT_VARIANT: PanelVariant = Object.freeze({
  reportAlignment: "t-1", unSource: "ipi", multiHost: "located", kosovo: "split-2008", usTroops: "legacy",
});

/**
 * The variant the map, country and over-time views use: each calendar year beside the TIP
 * report of the same year, so that a year on screen is one year (the study itself joins
 * report t to calendar year t-1; the captions say so).
 */
export const DISPLAY_VARIANT: Partial<PanelVariant> = Object.freeze({ reportAlignment: "t" });

export type { HostContributors, HostContributorYear, HostContributor, ContributorsSourceNote } from "../contributors/host-contributors.js";
import type { HostContributors } from "../contributors/host-contributors.js";
import type { GeopkoHostYear } from "../contributors/geopko-host-contributors.js";
export type { GeopkoHostYear, GeopkoHostContributor } from "../contributors/geopko-host-contributors.js";

/** Personnel of one operation in one host country and year. */
export interface MissionYear {
  readonly mission: string;
  /** `UN`, or the non-UN organisation type (e.g. `NATO`, `EU`, `regional`, `state`). */
  readonly org: string;
  readonly year: number;
  /** Mean monthly uniformed personnel over the months reported. */
  readonly personnel: number;
  readonly troops: number | null;
  readonly police: number | null;
  readonly observers: number | null;
  /** Largest monthly count of contributing countries, null when the source has none. */
  readonly tcc: number | null;
}

/** A source file the data came from. */
export interface SourceInfo {
  readonly id: string;
  readonly file: string;
  readonly sha256: string;
  readonly citation: string;
  readonly license: string;
  readonly what: string;
}

/** A panel column: name, kind and a one-line meaning. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: "number" | "string";
  readonly label: string;
}

/** Everything the server needs; built once at start and cached. */
export interface DashboardData {
  /** Where the data came from, in one line (data directory or "synthetic fixture"). */
  readonly origin: string;
  readonly sources: readonly SourceInfo[];
  /** The options the panel was built with (for provenance). */
  readonly panelOptions: Readonly<Record<string, unknown>>;
  readonly columns: readonly ColumnInfo[];
  /** First and last panel year. */
  readonly years: readonly [number, number];
  /** ISO 3166 numeric code (3 digits, as in world-atlas) -> ISO-3. */
  readonly isoNumeric: Readonly<Record<string, string>>;
  /** The panel for a variant (the default variant must be available without delay). */
  panel(variant: PanelVariant): Promise<readonly PanelRow[]>;
  /** Per-operation personnel in a host country by year (UN missions and non-UN operations). */
  missions(iso3: string): readonly MissionYear[];
  /** Who sent how many personnel (and women) to a host, by year the contributor source covers; absent in data sets without it. */
  contributors?(iso3: string): HostContributors;
  /**
   * Contributors named on Geo-PKO's maps (troops only, estimated) by year; absent in data sets without it.
   * Troops sum the known counts: `unknownAt` counts the locations where a map gives none, and troops
   * are null, not 0, where no count is known (`GeopkoHostYear`).
   */
  geopkoContributors?(iso3: string): { readonly source: { readonly id: string; readonly file: string; readonly years: readonly [number, number]; readonly what: string }; readonly years: readonly GeopkoHostYear[] };
}

/** Stable key of a variant, for caches. */
export function variantKey(v: PanelVariant): string {
  return `${v.reportAlignment}|${v.unSource}|${v.multiHost}|${v.kosovo}|${v.usTroops}`;
}
