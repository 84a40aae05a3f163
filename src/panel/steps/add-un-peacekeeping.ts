import { ipiMissionMonthSource, readIpiMissionMonth } from "../../sources/ipi-mission-month.js";
import { kathmanMissionMonthCsvSource, readKathmanMissionMonth } from "../../sources/kathman-mission-month-csv.js";
import { panelCodes } from "../create-country-years.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import type { ColumnDoc, Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader, type StepContext } from "../pipeline.js";
import { readUnMissions, unMissionsSource } from "../../sources/un-missions.js";
import { aggregateUnHostYears, monthIndex, type HostMissionMonth, type UnHostYear } from "./un-aggregate.js";
import { missionKey } from "./un-hosts.js";
import { Unplaced } from "./join.js";
import { memoIso3ToCow, unHostResolver } from "./un-crosswalk.js";

/** UN mission-months placed in hosts, with the months the source covers. */
export interface PlacedUnMonths {
  readonly records: HostMissionMonth[];
  /** Month indexes (`year * 12 + month - 1`) present in the source file. */
  readonly covered: Set<number>;
  readonly hasTcc: boolean;
}

/** Read the chosen UN source and place each mission-month in its host(s) under the options. */
export function placeUnMonths(ctx: StepContext): PlacedUnMonths {
  const { options, sources } = ctx;
  const resolve = unHostResolver(ctx);
  const iso3ToCow = memoIso3ToCow(panelCodes(sources));
  const records: HostMissionMonth[] = [];
  const covered = new Set<number>();
  const unplaced = new Unplaced();
  const report = () =>
    unplaced.report(ctx, `mission-months with UN personnel (${options.unSource})`, "have no COW host that year and are left out, by mission");
  const split = options.multiHost === "crosswalk-split";
  if (options.unSource === "ipi") {
    const rows = sources.load("ipi_mission_month", [ipiMissionMonthSource], readIpiMissionMonth);
    for (const r of rows) {
      covered.add(monthIndex(r.year, r.month));
      const hq = iso3ToCow(r.hostIso3, r.year);
      const hosts = resolve(r.mission, r.year, hq === null ? [] : [hq]);
      if (hosts.length === 0 && r.total > 0) unplaced.add(r.mission);
      const w = split ? 1 / hosts.length : 1;
      for (const ccode of hosts) {
        records.push({
          ccode, mission: missionKey(r.mission), year: r.year, month: r.month,
          troops: r.troops * w, police: r.police * w, observers: r.observers * w, total: r.total * w, tcc: r.contributors,
        });
      }
    }
    report();
    return { records, covered, hasTcc: true };
  }
  const rows = sources.load("kathman_mission_month", [kathmanMissionMonthCsvSource], readKathmanMissionMonth);
  for (const r of rows) {
    covered.add(monthIndex(r.year, r.month));
    const own = [r.ccode, r.ccode2].filter((c): c is number => c !== null);
    const parts = (r.troops ?? 0) + (r.police ?? 0) + (r.observers ?? 0);
    const total = r.total ?? parts;
    const hosts = resolve(r.mission, r.year, own);
    if (hosts.length === 0 && total > 0) unplaced.add(r.mission);
    const w = split ? 1 / hosts.length : 1;
    for (const ccode of hosts) {
      records.push({
        ccode, mission: missionKey(r.mission), year: r.year, month: r.month,
        troops: (r.troops ?? 0) * w, police: (r.police ?? 0) * w, observers: (r.observers ?? 0) * w, total: total * w, tcc: null,
      });
    }
  }
  report();
  return { records, covered, hasTcc: false };
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

const PRODUCES = [
  "un_troops", "un_police", "un_observers", "un_total", "un_peak", "un_months", "un_any",
  "un_tcc", "un_tcc_double_count", "un_missions", "un_duration_years", "un_duration_months",
  "un_duration_main_years", "un_duration_main_months", "un_source",
] as const;

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const ipi = o.unSource === "ipi";
  const src = [ipi ? ipiMissionMonthSource.id : kathmanMissionMonthCsvSource.id, "unpko_crosswalk_csv", unMissionsSource.id];
  const span = ipi ? "1990-11 to 2017-03 (2016-11 missing)" : "1990-01 to 2019-12";
  const hosts =
    (o.multiHost !== "hq"
      ? "Missions are placed in every host the UN PKO crosswalk lists, " +
        (o.multiHost === "crosswalk"
          ? "each host counting the mission's full personnel (option multiHost = crosswalk)"
          : "the mission's personnel divided equally among them, contributor counts kept whole (option multiHost = crosswalk-split)") +
        "; missions not in the crosswalk stay in the source's host" +
        (ipi ? " (IPI's HQ country)" : " (Kathman's missionccode and missionccode2)")
      : "Missions are placed only in the source's HQ country (option multiHost = hq)") +
    `. UNMIK is placed by option kosovo = ${o.kosovo}` +
    (o.kosovo === "split-2008" ? " (Serbia 345 through 2007, Kosovo 347 from 2008)" : "") +
    ". Personnel in a host that is not a COW state that year are dropped: " +
    (ipi
      ? "UNAMET and UNTAET (East Timor before 2002)" + (o.multiHost === "hq" ? " and MINURSO (HQ in Western Sahara)" : "")
      : "UNPF, UNOWAS, UNMHA and LBB (no host code)" + (o.multiHost === "hq" ? ", UNTSO and ONUCA (no single host)" : "")) +
    ".";
  const base =
    `UN mission-month data (${ipi ? "IPI Providing for Peacekeeping" : "Kathman, updated to 2019"}; option unSource = ${o.unSource}), covering ${span}. ${hosts} ` +
    "A year the source does not cover at all is missing; otherwise a covered month without personnel counts as 0.";
  const mean = (what: string): string => `${base} Sum over the host's missions of ${what} per month, averaged over the year's covered months.`;
  const dur =
    "A continuous deployment is a run of covered months with UN personnel > 0 in the host (any mission); a month the source does not cover (e.g. IPI 2016-11) does not break it, a covered month without personnel does. Deployments under way in the source's first month start at the earliest start date, in the UN's list of missions (un_missions), of the missions present in the host that month (e.g. UNFICYP, Cyprus, 1964-03). Missing in years without UN personnel.";
  const mainDur =
    "The largest mission is the one with the most uniformed personnel in the host averaged over the year's covered months (ties go to the alphabetically first mission acronym). " +
    "Its continuous deployment follows the rules of un_duration_years applied to that mission's own months in the host: a covered month without its personnel breaks it, an uncovered month does not, and a deployment under way in the source's first month starts at the mission's start date in the UN's list of missions (e.g. UNIFIL, Lebanon, 1978-03, rather than UNTSO's 1948). " +
    "Unlike un_duration_years, a long-running small mission (UNTSO, UNMOGIP) does not date a larger, newer one. Missing in years without UN personnel.";
  const d = (name: string, type: ColumnDoc["type"], description: string, unit: string, derivation: string): ColumnDoc => ({
    name, type, description, unit, sources: src, derivation,
  });
  return [
    d("un_troops", "number", "UN troops in the country: mean of monthly counts.", "persons (mean over months)", mean("troops")),
    d("un_police", "number", "UN police (individual and formed units): mean of monthly counts.", "persons (mean over months)", mean("police")),
    d("un_observers", "number", "UN military observers / experts on mission: mean of monthly counts.", "persons (mean over months)", mean("observers")),
    d("un_total", "number", "All UN uniformed personnel: mean of monthly counts.", "persons (mean over months)", mean("total uniformed personnel")),
    d("un_peak", "number", "Largest monthly count of UN uniformed personnel in the year.", "persons (whole numbers except under multiHost = crosswalk-split)", `${base} Maximum over covered months of the summed monthly total.`),
    d("un_months", "integer", "Months of the year with UN uniformed personnel present.", "months (0-12)", `${base} Count of covered months with total > 0.`),
    d("un_any", "binary", "Any UN uniformed personnel present during the year.", "0/1", `${base} 1 when un_months > 0.`),
    d("un_tcc", "integer", "Number of troop- and police-contributing countries (largest monthly count).", "countries",
      ipi
        ? `${base} IPI 'Number of Contributors' per mission-month, summed over the host's missions in a month (a country serving in two missions is counted twice, see un_tcc_double_count); the year's largest monthly sum.`
        : "Kathman's data has no contributor counts: missing throughout when unSource = kathman."),
    d("un_tcc_double_count", "binary", "1 when the month giving un_tcc had several missions in the host, so a contributor may be counted twice.", "0/1",
      ipi ? `${base} 1 when the month with the largest contributor sum had more than one mission.` : "Missing when unSource = kathman."),
    d("un_missions", "integer", "Number of distinct UN missions with personnel in the country during the year.", "missions", `${base} Distinct mission acronyms with personnel > 0 in a covered month.`),
    d("un_duration_years", "integer", "Years since the current continuous UN deployment began (0 in its first year).", "years",
      `${base} ${dur} Year minus the calendar year of the first month of the deployment that includes the year's last month with personnel.`),
    d("un_duration_months", "integer", "Months from the start of the current continuous UN deployment to the year's last month with personnel, inclusive.", "months",
      `${base} ${dur}`),
    d("un_duration_main_years", "integer", "Years since the current continuous deployment of the country's largest UN mission that year began (0 in its first year).", "years",
      `${base} ${mainDur} Year minus the calendar year of the first month of that mission's deployment that includes its last month with personnel in the year.`),
    d("un_duration_main_months", "integer", "Months from the start of the largest mission's current continuous deployment to its last month with personnel in the year, inclusive.", "months",
      `${base} ${mainDur}`),
    d("un_source", "string", "Which UN mission-month source fills the un_* columns.", "label: ipi or kathman", "The unSource option, on rows the source covers."),
  ];
}

/** UN peacekeeping per host-year (see the codebook entries for each column). */
export const unPeacekeepingStep: PanelStep = {
  name: "addUnPeacekeeping",
  requires: ["ccode", "year"],
  produces: PRODUCES,
  docs,
  compute(panel, ctx) {
    const placed = placeUnMonths(ctx);
    const agg = aggregateUnHostYears(placed.records, placed.covered, placed.hasTcc, missionStarts(ctx.sources));
    const coveredYears = new Set([...placed.covered].map((m) => Math.floor(m / 12)));
    const n = panel.nrows;
    const out: Record<string, (number | string | null)[]> = {};
    for (const c of PRODUCES) out[c] = emptyColumn(n);
    const cc = panel.columns.get("ccode")!.values as readonly number[];
    const yr = panel.columns.get("year")!.values as readonly number[];
    const zero: UnHostYear = {
      troops: 0, police: 0, observers: 0, total: 0, peak: 0, months: 0,
      tcc: placed.hasTcc ? 0 : null, tccDoubleCount: placed.hasTcc ? 0 : null, missions: 0,
      durationYears: null, durationMonths: null, spellStart: null,
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
      out.un_tcc_double_count[i] = a.tccDoubleCount;
      out.un_missions[i] = a.missions;
      out.un_duration_years[i] = a.durationYears;
      out.un_duration_months[i] = a.durationMonths;
      out.un_duration_main_years[i] = a.mainDurationYears;
      out.un_duration_main_months[i] = a.mainDurationMonths;
      out.un_source[i] = ctx.options.unSource;
    }
    return out;
  },
};

/** Add the UN peacekeeping columns. Options used: `unSource`, `multiHost`, `kosovo`. */
export function addUnPeacekeeping(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, unPeacekeepingStep, input, overrides);
}
