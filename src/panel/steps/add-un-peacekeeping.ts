import { ipiMissionMonthSource, readIpiMissionMonth } from "../../sources/ipi-mission-month.js";
import { kathmanMissionMonthCsvSource, readKathmanMissionMonth } from "../../sources/kathman-mission-month-csv.js";
import { panelCodes } from "../create-country-years.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import type { ColumnDoc, Panel } from "../panel.js";
import { PktError } from "../../core/errors.js";
import type { SourceDef } from "../../sources/source.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader, type StepContext } from "../pipeline.js";
import { readUnMissions, unMissionsSource } from "../../sources/un-missions.js";
import { ipiTccGenderSource, readIpiTccGender } from "../../sources/ipi-tcc-gender.js";
import { radpkoBaseYearSource, readRadpko } from "../../sources/radpko-base-year.js";
import { aggregateUnHostYears, monthIndex, type ContributorIdentity, type HostMissionMonth, type UnHostYear } from "./un-aggregate.js";
import { missionKey } from "./un-hosts.js";
import { lineageOf } from "./un-lineage.js";
import { memoIso3ToCow, unAllocator } from "./un-crosswalk.js";

/** UN mission-months placed in hosts, with the months the source covers. */
export interface PlacedUnMonths {
  readonly records: HostMissionMonth[];
  /** Month indexes (`year * 12 + month - 1`) present in the source file. */
  readonly covered: Set<number>;
  readonly hasTcc: boolean;
  /**
   * Per covered month: uniformed personnel summed over the source's missions, over the
   * records placed in COW states, and left in places that are not states that month.
   */
  readonly ledger: ReadonlyMap<number, MonthLedger>;
  /** Person-months left out, by place (`Western Sahara`, `UNTAET (no host)`) with the missions. */
  readonly unplaced: ReadonlyMap<string, { personMonths: number; missions: Set<string> }>;
}

/** One month's conservation account. */
export interface MonthLedger {
  missions: number;
  placed: number;
  unplaced: number;
}

/** Read the chosen UN source and place each mission-month in its host(s) under the options. */
export function placeUnMonths(ctx: StepContext): PlacedUnMonths {
  const { options, sources } = ctx;
  const iso3ToCow = memoIso3ToCow(panelCodes(sources));
  const allocate = unAllocator(ctx);
  const records: HostMissionMonth[] = [];
  const covered = new Set<number>();
  const ledger = new Map<number, MonthLedger>();
  const unplaced = new Map<string, { personMonths: number; missions: Set<string> }>();
  let observerMissions: ReadonlySet<string> = new Set();
  const place = (mission: string, year: number, month: number, hosts: readonly number[], p: Personnel, tcc: number | null): void => {
    const m = monthIndex(year, month);
    covered.add(m);
    let l = ledger.get(m);
    if (l === undefined) ledger.set(m, (l = { missions: 0, placed: 0, unplaced: 0 }));
    l.missions += p.total;
    if (p.total <= 0 && p.troops <= 0 && p.police <= 0 && p.observers <= 0) return;
    const a = allocate(mission, year, month, hosts);
    const smallObserver = observerMissions.has(missionKey(mission)) && p.total < options.observerThreshold;
    const other = p.total - p.troops - p.police - p.observers;
    for (const s of a.shares) {
      const total = p.troops * s.troops + p.police * s.police + p.observers * s.observers + other * s.other;
      if (s.ccode === null) {
        l.unplaced += total;
        let u = unplaced.get(s.place);
        if (u === undefined) unplaced.set(s.place, (u = { personMonths: 0, missions: new Set() }));
        u.personMonths += total;
        u.missions.add(missionKey(mission));
        continue;
      }
      l.placed += total;
      if (total <= 0) continue;
      records.push({
        ccode: s.ccode, mission: missionKey(mission), year, month, basis: a.basis,
        troops: p.troops * s.troops, police: p.police * s.police, observers: p.observers * s.observers, total, tcc, smallObserver,
      });
    }
  };
  if (options.unSource === "ipi") {
    const rows = sources.load("ipi_mission_month", [ipiMissionMonthSource], readIpiMissionMonth);
    observerMissions = observerOnlyMissions(rows.map((r) => ({ mission: r.mission, troops: r.troops, police: r.police, total: r.total })));
    for (const r of rows) {
      const hq = iso3ToCow(r.hostIso3, r.year);
      place(r.mission, r.year, r.month, hq === null ? [] : [hq], r, r.contributors);
    }
  } else {
    const rows = sources.load("kathman_mission_month", [kathmanMissionMonthCsvSource], readKathmanMissionMonth);
    observerMissions = observerOnlyMissions(rows.map((r) => ({ mission: r.mission, troops: r.troops ?? 0, police: r.police ?? 0, total: r.total ?? 0 })));
    for (const r of rows) {
      const own = [r.ccode, r.ccode2].filter((c): c is number => c !== null);
      const troops = r.troops ?? 0;
      const police = r.police ?? 0;
      const observers = r.observers ?? 0;
      place(r.mission, r.year, r.month, own, { troops, police, observers, total: r.total ?? troops + police + observers }, null);
    }
  }
  reportUnplaced(ctx, unplaced);
  if (options.multiHost === "full") {
    ctx.warn?.("multiHost = full counts a mission with several hosts in full in every host, so personnel are counted more than once (UNPROFOR in Bosnia, Croatia, Macedonia and Yugoslavia at once): use it only to reproduce earlier builds");
  }
  return { records, covered, hasTcc: options.unSource === "ipi", ledger, unplaced };
}

/**
 * Observer missions: those with neither troops nor police in most of their months with
 * personnel in the source (UNTSO, UNMOGIP, UNOMIG, UNMOT, UNMOP, UNMIN, UNSMIS...). Judged
 * over the whole record rather than month by month, because IPI's earliest months put a
 * mission's whole strength under troops (UNTSO 1990-11: 290 "troops").
 */
export function observerOnlyMissions(rows: readonly { mission: string; troops: number; police: number; total: number }[]): Set<string> {
  const count = new Map<string, { months: number; observerOnly: number }>();
  for (const r of rows) {
    if (r.total <= 0) continue;
    const k = missionKey(r.mission);
    let c = count.get(k);
    if (c === undefined) count.set(k, (c = { months: 0, observerOnly: 0 }));
    c.months += 1;
    if (r.troops <= 0 && r.police <= 0) c.observerOnly += 1;
  }
  return new Set([...count].filter(([, c]) => c.observerOnly * 2 > c.months).map(([k]) => k));
}

interface Personnel {
  readonly troops: number;
  readonly police: number;
  readonly observers: number;
  readonly total: number;
}

function reportUnplaced(ctx: StepContext, unplaced: PlacedUnMonths["unplaced"]): void {
  if (unplaced.size === 0) return;
  const parts = [...unplaced]
    .sort((a, b) => b[1].personMonths - a[1].personMonths || (a[0] < b[0] ? -1 : 1))
    .map(([place, u]) => `${place} (${[...u.missions].sort().join(", ")}: ${Math.round(u.personMonths).toLocaleString("en-US")} person-months)`);
  ctx.warn?.(`UN personnel serving where no COW state existed that month are left out of every host: ${parts.join("; ")}`);
}

/** Mission key -> month index of the mission's start, from the UN's list of missions. */
export function missionStarts(sources: StepContext["sources"]): Map<string, number> {
  return sources.load("un_mission_starts", [unMissionsSource], (d) => {
    const out = new Map<string, number>();
    for (const m of readUnMissions(d)) {
      if (m.start === null) continue;
      const k = missionKey(m.mission);
      const start = monthIndex(Number(m.start.slice(0, 4)), Number(m.start.slice(5, 7)));
      if (!out.has(k) || start < out.get(k)!) out.set(k, start);
    }
    return out;
  });
}

/**
 * Distinct contributors of several missions in a host-month, where the sources name the
 * contributors: the IPI contributor-gender file (contributor ISO-3 per mission-month,
 * 2009-11 to 2014-02; contributors with personnel that month), else RADPKO (contributors
 * present at the missions' bases in that host during the year, African missions
 * 1999-2019; RADPKO files UNISFA's bases under "Abyei", read as Sudan, where the panel
 * places UNISFA). RADPKO's `cc_present` names only the contributors identified at bases,
 * so its union is never taken below the largest single mission's own count. Every mission
 * present must be in the same file, or the answer is null.
 */
export function contributorIdentity(ctx: StepContext): ContributorIdentity {
  const { sources } = ctx;
  const codes = panelCodes(sources);
  const gender = sources.load("un_tcc_identity_ipi", [ipiTccGenderSource], (d) => {
    const out = new Map<string, Set<string>>();
    for (const r of readIpiTccGender(d)) {
      if (r.total.total <= 0) continue;
      const k = `${missionKey(r.mission)}|${monthIndex(r.year, r.month)}`;
      let set = out.get(k);
      if (set === undefined) out.set(k, (set = new Set()));
      set.add(r.contributorIso3);
    }
    return out;
  });
  const radpko = sources.load("un_tcc_identity_radpko", [radpkoBaseYearSource], (d) => {
    const out = new Map<string, Set<string>>();
    for (const r of readRadpko(d)) {
      const host = r.country === "Abyei" ? 625 : codes.matchCountryName(r.country, r.year)?.ccode;
      if (host === undefined || r.contributors.length === 0) continue;
      const k = `${missionKey(r.mission)}|${host}|${r.year}`;
      let set = out.get(k);
      if (set === undefined) out.set(k, (set = new Set()));
      for (const c of r.contributors) set.add(c);
    }
    return out;
  });
  return (missions, ccode, month, largest) => {
    const union = (keys: string[], table: ReadonlyMap<string, ReadonlySet<string>>): number | null => {
      const all = new Set<string>();
      for (const k of keys) {
        const set = table.get(k);
        if (set === undefined) return null;
        for (const c of set) all.add(c);
      }
      return all.size;
    };
    const g = union(missions.map((m) => `${m}|${month}`), gender);
    if (g !== null) return { count: g, basis: "ipi-identity" };
    const r = union(missions.map((m) => `${m}|${ccode}|${Math.floor(month / 12)}`), radpko);
    if (r !== null) return { count: Math.max(r, largest), basis: "radpko-identity" };
    return null;
  };
}

const PRODUCES = [
  "un_troops", "un_police", "un_observers", "un_total", "un_peak", "un_months", "un_any",
  "un_tcc", "un_tcc_basis", "un_tcc_sum", "un_missions", "un_allocation",
  "un_duration_years", "un_duration_months", "un_duration_any_years",
  "un_duration_main_years", "un_duration_main_months", "un_main_lineage", "un_source",
] as const;

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const ipi = o.unSource === "ipi";
  const src = [
    ipi ? ipiMissionMonthSource.id : kathmanMissionMonthCsvSource.id, "unpko_crosswalk_csv", "geopko_locations", unMissionsSource.id,
  ];
  const span = ipi ? "1990-11 to 2017-03 (2016-11 missing)" : "1990-01 to 2019-12";
  const placement = {
    located:
      "Each mission-month's personnel are divided among the countries where they served, so that the sum over hosts equals the mission's strength: " +
      `by the mission's nearest Geo-PKO deployment map within ${o.locationWindow} months (troops by the map's estimated troops per location, police and observers by the locations where they are drawn); ` +
      "without a map, by the mission's area of operations where it lies in one country (UNDOF: Syria; UNMEE: Eritrea; UNISFA: Sudan; reasons in docs/panel.md); otherwise divided equally among the hosts the UN PKO crosswalk lists (option multiHost = located, the default)",
    split: "Each mission-month's personnel are divided equally among the hosts the UN PKO crosswalk lists (option multiHost = split)",
    hq: "Missions are placed only in the source's HQ country (option multiHost = hq)",
    full: "Every host the UN PKO crosswalk lists counts the mission's full personnel (option multiHost = full: personnel are counted more than once; kept only to reproduce version 0.1)",
  }[o.multiHost];
  const hosts =
    `${placement}. UNMIK is placed by option kosovo = ${o.kosovo}` +
    (o.kosovo === "split-2008" ? " (Serbia 345 through 2007, Kosovo 347 from 2008)" : "") +
    ". Personnel serving where no COW state existed that month (Western Sahara, MINURSO; East Timor before 2002, UNAMET and UNTAET) are in no host; " +
    (o.multiHost === "full"
      ? "under multiHost = full the sum over hosts exceeds the sum over missions."
      : "apart from them, the sum over hosts equals the sum over missions in every month (a conservation law the build checks and the tests assert within 1% for 1991-2016).");
  const base =
    `UN mission-month data (${ipi ? "IPI Providing for Peacekeeping" : "Kathman, updated to 2019"}; option unSource = ${o.unSource}), covering ${span}. ${hosts} ` +
    "A year the source does not cover at all is missing; otherwise a covered month without personnel counts as 0.";
  const mean = (what: string): string => `${base} Sum over the host's missions of ${what} per month, averaged over the year's covered months.`;
  const small = `A small observer mission is a mission-month with no troops, no police and fewer than ${o.observerThreshold} uniformed personnel in all (option observerThreshold; UNTSO, UNMOGIP)`;
  const presence =
    `A deployment is a run of months in which the host has personnel of UN missions other than small observer missions (${small}); ` +
    `an absence of at most ${o.durationGap} covered months does not end it, a longer one does (option durationGap). ` +
    "A deployment under way in the source's first month starts at the earliest UN start date of the mission lines present (un_missions; e.g. UNFICYP, Cyprus, 1964-03; UNIFIL, Lebanon, 1978-03). " +
    "0 in years with only small observer missions; missing in years without UN personnel.";
  const mainDur =
    "The largest mission line is the one with the most uniformed personnel in the host over the year's covered months (ties to the alphabetically first); a line follows a mission through its successors and renamings (MONUC to MONUSCO; UNOMSIL, UNAMSIL, UNIOSIL; the Haiti missions of 1993-2000; table in docs/panel.md). " +
    `Its deployment follows the presence rule applied to that line's own months in the host (gap ${o.durationGap} months).`;
  const d = (name: string, type: ColumnDoc["type"], description: string, unit: string, derivation: string): ColumnDoc => ({
    name, type, description, unit, sources: src, derivation,
  });
  const tccSrc = "IPI 'Number of Contributors' per mission-month";
  return [
    d("un_troops", "number", "UN troops in the country: mean of monthly counts.", "persons (mean over months)", mean("troops")),
    d("un_police", "number", "UN police (individual and formed units): mean of monthly counts.", "persons (mean over months)", mean("police")),
    d("un_observers", "number", "UN military observers / experts on mission: mean of monthly counts.", "persons (mean over months)", mean("observers")),
    d("un_total", "number", "All UN uniformed personnel: mean of monthly counts.", "persons (mean over months)", mean("total uniformed personnel")),
    d("un_peak", "number", "Largest monthly count of UN uniformed personnel in the year.", "persons (fractional where a mission is divided among hosts)", `${base} Maximum over covered months of the summed monthly total.`),
    d("un_months", "integer", "Months of the year with UN uniformed personnel present.", "months (0-12)", `${base} Count of covered months with total > 0.`),
    d("un_any", "binary", "Any UN uniformed personnel present during the year.", "0/1", `${base} 1 when un_months > 0.`),
    d("un_tcc", "integer", "Distinct troop- and police-contributing countries (the month with the most).", "countries",
      ipi
        ? `${base} One mission in the host that month: ${tccSrc}. Several missions: the distinct contributor states, from the IPI contributor-gender file (2009-11 to 2014-02) or RADPKO's contributors present at the missions' bases in the host that year (African missions 1999-2019); where neither names them, the largest single mission's count (a lower bound; un_tcc_basis = largest-mission). A mission divided among hosts counts all its contributors in each (the sources do not say who served where).`
        : "Kathman's data has no contributor counts: missing throughout when unSource = kathman."),
    d("un_tcc_basis", "string", "How un_tcc was found: single-mission, ipi-identity, radpko-identity or largest-mission (a lower bound).", "label",
      ipi ? `${base} The basis of the month giving un_tcc; missing without personnel.` : "Missing when unSource = kathman."),
    d("un_tcc_sum", "integer", "Contributor counts summed over the host's missions (version 0.1's un_tcc: a state in two missions counts twice).", "countries",
      ipi ? `${base} ${tccSrc}, summed over the host's missions in a month; the year's largest monthly sum. For comparison only.` : "Missing when unSource = kathman."),
    d("un_missions", "integer", "Number of distinct UN missions with personnel in the country during the year.", "missions", `${base} Distinct mission acronyms with personnel > 0 in a covered month.`),
    d("un_allocation", "string", "How the year's UN personnel were placed in the country: single-host, located, area, equal-split, hq, full or kosovo, joined with + when several.", "label",
      `${base} The allocation bases of the host's mission-months in the year; missing without personnel.`),
    d("un_duration_years", "integer", "Years since the current UN deployment began (0 in its first year and with only small observer missions).", "years",
      `${base} ${presence} Year minus the calendar year the deployment began that includes the year's last qualifying month.`),
    d("un_duration_months", "integer", "Months from the start of the current UN deployment to the year's last qualifying month, inclusive.", "months",
      `${base} ${presence}`),
    d("un_duration_any_years", "integer", "Years since the current run of any UN personnel began (version 0.1's rule: observer missions count and any month without personnel ends a run).", "years",
      `${base} Any covered month without personnel ends a run; a run under way in the first month starts at the earliest UN start date of the missions present (UNTSO, 1948, for Egypt, Israel, Jordan, Lebanon and Syria). For comparison only: decades-old observer missions dominate it.`),
    d("un_duration_main_years", "integer", "Years since the current deployment of the country's largest UN mission line that year began.", "years",
      `${base} ${mainDur} Year minus the calendar year that deployment began.`),
    d("un_duration_main_months", "integer", "Months from the start of the largest mission line's current deployment to its last month in the year, inclusive.", "months", `${base} ${mainDur}`),
    d("un_main_lineage", "string", "The year's largest UN mission line, named by its first mission (e.g. MONUC for MONUSCO).", "mission acronym", `${base} ${mainDur}`),
    d("un_source", "string", "Which UN mission-month source fills the un_* columns.", "label: ipi or kathman", "The unSource option, on rows the source covers."),
  ];
}

/**
 * The options the UN host-years depend on (placeUnMonths, the allocation, the aggregation);
 * the others (report alignment, US troop series, GDP source...) do not change them.
 */
const UN_OPTIONS = ["unSource", "multiHost", "kosovo", "locationWindow", "durationGap", "observerThreshold"] as const satisfies readonly (keyof ResolvedPanelOptions)[];

/**
 * UN personnel placed in hosts and aggregated to host-years, computed once per loader for the
 * {@link UN_OPTIONS} in force: panels that differ only in other options (the multiverse's
 * report alignments and US troop series, the report's robustness checks) share it. A later
 * build records the same source files and repeats the same warnings as the first.
 */
function unHostYears(ctx: StepContext): { agg: Map<number, UnHostYear>; coveredYears: Set<number>; hasTcc: boolean } {
  const o = ctx.options;
  const key = `un_host_years|${JSON.stringify(UN_OPTIONS.map((k) => o[k]))}`;
  const memo = ctx.sources.load(key, [], () => {
    const loads: { key: string; defs: readonly SourceDef[] }[] = [];
    const warnings: string[] = [];
    const inner: StepContext = {
      options: o,
      sources: {
        load: (k, defs, read) => {
          loads.push({ key: k, defs });
          return ctx.sources.load(k, defs, read);
        },
      },
      warn: (m) => warnings.push(m),
    };
    const placed = placeUnMonths(inner);
    const agg = aggregateUnHostYears(placed.records, {
      covered: placed.covered,
      hasTcc: placed.hasTcc,
      knownStarts: missionStarts(inner.sources),
      lineage: lineageOf,
      durationGap: o.durationGap,
      identity: placed.hasTcc ? contributorIdentity(inner) : undefined,
    });
    const coveredYears = new Set([...placed.covered].map((m) => Math.floor(m / 12)));
    return { agg, coveredYears, hasTcc: placed.hasTcc, loads, warnings };
  });
  // Record the files and warnings on this panel too (the loads are cached: nothing is read again).
  for (const l of memo.loads) ctx.sources.load(l.key, l.defs, () => { throw new PktError(`${l.key} should have been read already`); });
  for (const w of memo.warnings) ctx.warn?.(w);
  return memo;
}

/** UN peacekeeping per host-year (see the codebook entries for each column). */
export const unPeacekeepingStep: PanelStep = {
  name: "addUnPeacekeeping",
  requires: ["ccode", "year"],
  produces: PRODUCES,
  docs,
  compute(panel, ctx) {
    const { agg, coveredYears, hasTcc } = unHostYears(ctx);
    const n = panel.nrows;
    const out: Record<string, (number | string | null)[]> = {};
    for (const c of PRODUCES) out[c] = emptyColumn(n);
    const cc = panel.columns.get("ccode")!.values as readonly number[];
    const yr = panel.columns.get("year")!.values as readonly number[];
    const zero: UnHostYear = {
      troops: 0, police: 0, observers: 0, total: 0, peak: 0, months: 0,
      tcc: hasTcc ? 0 : null, tccBasis: null, tccSum: hasTcc ? 0 : null, missions: 0, allocation: null,
      durationYears: null, durationMonths: null, spellStart: null, durationAnyYears: null,
      mainMission: null, mainDurationYears: null, mainDurationMonths: null,
    };
    for (let i = 0; i < n; i++) {
      if (!coveredYears.has(yr[i])) continue;
      const a = agg.get(cc[i] * 10000 + yr[i]) ?? zero;
      out.un_troops[i] = a.troops;
      out.un_police[i] = a.police;
      out.un_observers[i] = a.observers;
      out.un_total[i] = a.total;
      out.un_peak[i] = a.peak;
      out.un_months[i] = a.months;
      out.un_any[i] = a.months > 0 ? 1 : 0;
      out.un_tcc[i] = a.tcc;
      out.un_tcc_basis[i] = a.tccBasis;
      out.un_tcc_sum[i] = a.tccSum;
      out.un_missions[i] = a.missions;
      out.un_allocation[i] = a.allocation;
      out.un_duration_years[i] = a.durationYears;
      out.un_duration_months[i] = a.durationMonths;
      out.un_duration_any_years[i] = a.durationAnyYears;
      out.un_main_lineage[i] = a.mainMission;
      out.un_duration_main_years[i] = a.mainDurationYears;
      out.un_duration_main_months[i] = a.mainDurationMonths;
      out.un_source[i] = ctx.options.unSource;
    }
    return out;
  },
};

/** Add the UN peacekeeping columns. Options used: `unSource`, `multiHost`, `kosovo`, `locationWindow`, `durationGap`, `observerThreshold`. */
export function addUnPeacekeeping(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, unPeacekeepingStep, input, overrides);
}
