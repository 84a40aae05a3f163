import { PANEL_STEPS } from "../panel/build.js";
import { createCountryYears, panelCodes } from "../panel/create-country-years.js";
import { resolveOptions, type PanelOptions } from "../panel/options.js";
import { toRows, type PanelRow } from "../panel/panel.js";
import { runSteps, SourceLoader } from "../panel/pipeline.js";
import { nonUnType, type NonUnType } from "../panel/steps/add-non-un-operations.js";
import { placeUnMonths } from "../panel/steps/add-un-peacekeeping.js";
import { readNonUnMonths } from "../panel/steps/non-un-source.js";
import { KOSOVO, KOSOVO_MISSIONS, missionKey, SERBIA } from "../panel/steps/un-hosts.js";
import { kathmanMissionMonthCsvSource, readKathmanMissionMonth } from "../sources/kathman-mission-month-csv.js";
import { baraHultmanPkoSource } from "../sources/bara-hultman-pko.js";
import type { SourceDef } from "../sources/source.js";
import type { CountryCodes } from "../codes/country-codes.js";

/** Personnel of one mission in one host-year (persons, mean over the year's months). */
export interface MissionYear {
  readonly mission: string;
  /** `un`, or the non-UN organisation type. */
  readonly org: "un" | NonUnType;
  readonly total: number;
  /** UN troops (null for non-UN: Bara-Hultman's combined series is used for totals only). */
  readonly troops: number | null;
}

/**
 * Everything the case studies read: the panel (indicators, US troops, controls) and
 * mission-level personnel placed in host-years. Missions in Kosovo (UNMIK, KFOR,
 * EULEX) are placed in Kosovo (COW 347) in every year here, so Serbia's series never
 * includes them; see docs/cases.md for why.
 */
export interface CaseData {
  /** Panel rows by `ccode:year` (calendar years 1990-2019, TIP report t+1 shown at calendar year t). */
  readonly panel: ReadonlyMap<string, PanelRow>;
  /** All panel rows, sorted by ccode then year. */
  readonly rows: readonly PanelRow[];
  /** Mission-level personnel by `ccode:year`. */
  readonly missions: ReadonlyMap<string, readonly MissionYear[]>;
  /** Calendar years the UN mission-month source covers (at least one month). */
  readonly unYears: ReadonlySet<number>;
  /** Calendar years Bara-Hultman covers. */
  readonly nonUnYears: readonly [number, number];
  /**
   * COW codes of every country that hosted any UN personnel (IPI 1990-11 to 2017-03, or
   * Kathman 1990-2019, first or second host) or any non-UN operation (Bara-Hultman
   * 1993-2016) in some month. Kosovo missions count for both Serbia (345) and Kosovo (347).
   */
  readonly everHosted: ReadonlySet<number>;
  readonly codes: CountryCodes;
  /** Source files read, sorted by id. */
  readonly sources: readonly SourceDef[];
}

/** The panel options the cases use: IPI, crosswalk hosts, Kosovo split at 2008, report t+1 at calendar t. */
export const CASE_PANEL_OPTIONS: PanelOptions = Object.freeze({ years: [1990, 2019] as const, reportAlignment: "t-1" as const });

/** `ccode:year`, the key of {@link CaseData} maps. */
export function cyKey(ccode: number, year: number): string {
  return `${ccode}:${year}`;
}

/**
 * Read the panel and the mission-level personnel from the raw files in `dataDir`;
 * pass a `loader` to share raw reads with another build (e.g. the report's).
 */
export function loadCaseData(dataDir: string, loader: SourceLoader = new SourceLoader(dataDir), shared: PanelOptions = {}): CaseData {
  const options: PanelOptions = { ...shared, ...CASE_PANEL_OPTIONS, ...(shared.reportAlignment ? { reportAlignment: shared.reportAlignment } : {}) };
  const panel = runSteps(createCountryYears(loader, options), PANEL_STEPS, loader);
  const rows = toRows(panel);
  const byKey = new Map<string, PanelRow>();
  for (const r of rows) byKey.set(cyKey(r.ccode as number, r.year as number), r);

  const missions = new Map<string, Map<string, { org: MissionYear["org"]; total: number; troops: number | null }>>();
  const add = (ccode: number, year: number, mission: string, org: MissionYear["org"], total: number, troops: number | null): void => {
    const k = cyKey(ccode, year);
    let m = missions.get(k);
    if (m === undefined) missions.set(k, (m = new Map()));
    const prev = m.get(mission) ?? { org, total: 0, troops: troops === null ? null : 0 };
    prev.total += total;
    if (troops !== null) prev.troops = (prev.troops ?? 0) + troops;
    m.set(mission, prev);
  };

  // Warnings from placing the months are the panel build's own (same files), already on panel.meta.
  const ctx = { options: resolveOptions({ ...options, kosovo: "kosovo" }), sources: loader, warn: () => undefined };
  const placed = placeUnMonths(ctx);
  const monthsIn = new Map<number, number>();
  for (const m of placed.covered) {
    const y = Math.floor(m / 12);
    monthsIn.set(y, (monthsIn.get(y) ?? 0) + 1);
  }
  for (const r of placed.records) {
    const n = monthsIn.get(r.year);
    if (n === undefined || r.total <= 0) continue;
    add(r.ccode, r.year, r.mission, "un", r.total / n, r.troops / n);
  }
  const nonUn = loader.load("bara_hultman_pko", [baraHultmanPkoSource], readNonUnMonths);
  let first = Infinity;
  let last = -Infinity;
  for (const r of nonUn) {
    first = Math.min(first, r.year);
    last = Math.max(last, r.year);
    if (r.org === 1 || r.total <= 0) continue;
    const host = KOSOVO_MISSIONS.has(missionKey(r.mission)) ? KOSOVO : r.ccode;
    add(host, r.year, r.mission, nonUnType(r), r.total / 12, null);
  }
  const everHosted = new Set<number>();
  for (const r of placed.records) if (r.total > 0) everHosted.add(r.ccode);
  for (const r of nonUn) if (r.total > 0) everHosted.add(KOSOVO_MISSIONS.has(missionKey(r.mission)) ? KOSOVO : r.ccode);
  const kathman = loader.load("kathman_mission_month", [kathmanMissionMonthCsvSource], readKathmanMissionMonth);
  for (const r of kathman) {
    if (!((r.total ?? 0) > 0 || (r.troops ?? 0) > 0)) continue;
    if (r.ccode !== null) everHosted.add(r.ccode);
    if (r.ccode2 !== null) everHosted.add(r.ccode2);
  }
  if (everHosted.has(KOSOVO)) everHosted.add(SERBIA);
  const frozen = new Map<string, MissionYear[]>();
  for (const [k, m] of missions) {
    frozen.set(
      k,
      [...m].map(([mission, v]) => ({ mission, ...v })).sort((a, b) => b.total - a.total || (a.mission < b.mission ? -1 : 1)),
    );
  }
  const used = new Map<string, SourceDef>();
  for (const s of loader.sourcesUsed()) used.set(s.id, s);
  return {
    panel: byKey,
    rows,
    missions: frozen,
    unYears: new Set(monthsIn.keys()),
    nonUnYears: [first, last],
    everHosted,
    codes: panelCodes(loader),
    sources: [...used.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** The COW code whose indicators stand for `ccode` in `year`: Kosovo before 2008 reads Serbia's (345). */
export function indicatorHost(ccode: number, year: number): number {
  return ccode === KOSOVO && year < 2008 ? SERBIA : ccode;
}
