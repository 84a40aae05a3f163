/**
 * The pure kernel behind `addUnPeacekeeping`: UN mission-month records, already placed
 * in host countries, aggregated to host-years. No file access, no options.
 */

/** One mission in one host in one month. Personnel counts are persons (missing reported as 0 by the source = 0). */
export interface HostMissionMonth {
  readonly ccode: number;
  readonly mission: string;
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly troops: number;
  readonly police: number;
  readonly observers: number;
  readonly total: number;
  /** Number of contributing countries, or null when the source has none. */
  readonly tcc: number | null;
}

/** Host-year aggregates; see the codebook entries in add-un-peacekeeping.ts. */
export interface UnHostYear {
  troops: number;
  police: number;
  observers: number;
  total: number;
  peak: number;
  months: number;
  tcc: number | null;
  tccDoubleCount: number | null;
  missions: number;
  /** Years since the current continuous deployment began (0 in its first year); null without personnel. */
  durationYears: number | null;
  /** Months from the start of the current continuous deployment to the year's last month with personnel, inclusive. */
  durationMonths: number | null;
  /** Year-month (`year * 12 + month - 1`) of the start of the current continuous deployment. */
  spellStart: number | null;
  /** The year's largest mission (by mean monthly personnel; ties to the first name), or null without personnel. */
  mainMission: string | null;
  /** Years since the main mission's current continuous deployment in the host began; null without personnel. */
  mainDurationYears: number | null;
  /** Months from the start of the main mission's current deployment to its last month with personnel in the year, inclusive. */
  mainDurationMonths: number | null;
}

/** `year * 12 + (month - 1)`: consecutive months are consecutive integers. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

interface HostMonth {
  troops: number;
  police: number;
  observers: number;
  total: number;
  tcc: number;
  tccKnown: boolean;
  missions: number;
}

/**
 * Aggregate host-mission-months to host-years.
 *
 * Means are over the months of the year the source covers (`covered`), with 0 for a
 * covered month without personnel; a year with no covered month gets no entry (so the
 * panel leaves it missing). A host-month with several missions sums their personnel
 * and their contributor counts (a country contributing to two missions is then
 * counted twice: `tccDoubleCount` = 1 when the month giving the yearly maximum had
 * several missions). A continuous deployment is a run of covered months with
 * personnel > 0; a month the source does not cover does not break a run, a covered
 * month with no personnel does. A run under way in the source's first covered month
 * starts at the earliest `knownStarts` date of the missions present in the host that
 * month (the UN's own mission start dates), or at that month when none is known.
 * The same rules, applied to one mission's months in the host, give the main-mission
 * duration: the year's largest mission (largest summed monthly personnel over the
 * year's covered months, i.e. largest mean; ties go to the alphabetically first
 * mission key), timed from the start of its own current run (left-censored runs start
 * at that mission's `knownStarts` date) to its last month with personnel in the year.
 * @param knownStarts mission -> month index of the mission's start, for left-censored runs.
 * @returns map from `ccode * 10000 + year` to the aggregates, for host-years in covered years.
 */
export function aggregateUnHostYears(
  records: readonly HostMissionMonth[],
  covered: ReadonlySet<number>,
  hasTcc: boolean,
  knownStarts: ReadonlyMap<string, number> = new Map(),
): Map<number, UnHostYear> {
  const firstCovered = covered.size === 0 ? -1 : Math.min(...covered);
  const firstMonthMissions = new Map<number, string[]>();
  const byHostMonth = new Map<number, Map<number, HostMonth>>();
  const missionsByHostYear = new Map<number, Set<string>>();
  /** Host -> mission -> month index -> personnel (the mission's own months, for its duration). */
  const byHostMission = new Map<number, Map<string, Map<number, number>>>();
  for (const r of records) {
    const m = monthIndex(r.year, r.month);
    if (!covered.has(m)) continue;
    if (r.total <= 0 && r.troops <= 0 && r.police <= 0 && r.observers <= 0) continue;
    let months = byHostMonth.get(r.ccode);
    if (months === undefined) byHostMonth.set(r.ccode, (months = new Map()));
    let hm = months.get(m);
    if (hm === undefined) {
      months.set(m, (hm = { troops: 0, police: 0, observers: 0, total: 0, tcc: 0, tccKnown: false, missions: 0 }));
    }
    hm.troops += r.troops;
    hm.police += r.police;
    hm.observers += r.observers;
    hm.total += r.total;
    hm.missions += 1;
    if (m === firstCovered) {
      const list = firstMonthMissions.get(r.ccode) ?? [];
      list.push(r.mission);
      firstMonthMissions.set(r.ccode, list);
    }
    if (r.tcc !== null) {
      hm.tcc += r.tcc;
      hm.tccKnown = true;
    }
    const key = r.ccode * 10000 + r.year;
    let ms = missionsByHostYear.get(key);
    if (ms === undefined) missionsByHostYear.set(key, (ms = new Set()));
    ms.add(r.mission);
    let hostMissions = byHostMission.get(r.ccode);
    if (hostMissions === undefined) byHostMission.set(r.ccode, (hostMissions = new Map()));
    let mm = hostMissions.get(r.mission);
    if (mm === undefined) hostMissions.set(r.mission, (mm = new Map()));
    mm.set(m, (mm.get(m) ?? 0) + Math.max(r.total, 0));
  }

  const coveredSorted = [...covered].sort((a, b) => a - b);
  const monthsPerYear = new Map<number, number[]>();
  for (const m of coveredSorted) {
    const y = Math.floor(m / 12);
    let list = monthsPerYear.get(y);
    if (list === undefined) monthsPerYear.set(y, (list = []));
    list.push(m);
  }

  const out = new Map<number, UnHostYear>();
  const hosts = new Set(byHostMonth.keys());
  for (const ccode of hosts) {
    const months = byHostMonth.get(ccode)!;
    // Spell start for each covered month with personnel, walking covered months in order.
    const spellStartAt = spellStarts(coveredSorted, months, firstCovered, firstMonthMissions.get(ccode) ?? [], knownStarts);
    const missionSpells = new Map<string, Map<number, number>>();
    for (const [mission, mm] of byHostMission.get(ccode) ?? []) {
      missionSpells.set(mission, spellStarts(coveredSorted, mm, firstCovered, mm.has(firstCovered) ? [mission] : [], knownStarts));
    }
    for (const [year, list] of monthsPerYear) {
      const agg: UnHostYear = {
        troops: 0, police: 0, observers: 0, total: 0, peak: 0, months: 0,
        tcc: hasTcc ? 0 : null, tccDoubleCount: hasTcc ? 0 : null, missions: 0,
        durationYears: null, durationMonths: null, spellStart: null,
        mainMission: null, mainDurationYears: null, mainDurationMonths: null,
      };
      let last: number | null = null;
      for (const m of list) {
        const hm = months.get(m);
        if (hm === undefined) continue;
        agg.troops += hm.troops;
        agg.police += hm.police;
        agg.observers += hm.observers;
        agg.total += hm.total;
        if (hm.total > agg.peak) agg.peak = hm.total;
        agg.months += 1;
        if (hasTcc && hm.tccKnown && hm.tcc > (agg.tcc as number)) {
          agg.tcc = hm.tcc;
          agg.tccDoubleCount = hm.missions > 1 ? 1 : 0;
        }
        last = m;
      }
      const n = list.length;
      agg.troops /= n;
      agg.police /= n;
      agg.observers /= n;
      agg.total /= n;
      agg.missions = missionsByHostYear.get(ccode * 10000 + year)?.size ?? 0;
      if (last !== null) {
        const s = spellStartAt.get(last)!;
        agg.spellStart = s;
        agg.durationMonths = last - s + 1;
        agg.durationYears = year - Math.floor(s / 12);
        const main = largestMission(byHostMission.get(ccode)!, list);
        if (main !== null) {
          const mm = byHostMission.get(ccode)!.get(main)!;
          const mLast = lastWith(mm, list)!;
          const ms = missionSpells.get(main)!.get(mLast)!;
          agg.mainMission = main;
          agg.mainDurationMonths = mLast - ms + 1;
          agg.mainDurationYears = year - Math.floor(ms / 12);
        }
      }
      out.set(ccode * 10000 + year, agg);
    }
  }
  return out;
}

/**
 * Start of the run each month with personnel belongs to, walking the covered months in
 * order: an uncovered month does not break a run, a covered month without personnel does.
 * A run under way in the first covered month starts at the earliest known start of the
 * missions present then (`firstMissions`), if earlier.
 */
function spellStarts(
  coveredSorted: readonly number[],
  present: ReadonlyMap<number, unknown>,
  firstCovered: number,
  firstMissions: readonly string[],
  knownStarts: ReadonlyMap<string, number>,
): Map<number, number> {
  const at = new Map<number, number>();
  let start: number | null = null;
  for (const m of coveredSorted) {
    if (!present.has(m)) {
      start = null;
      continue;
    }
    if (start === null) {
      start = m;
      if (m === firstCovered) {
        for (const mission of firstMissions) {
          const k = knownStarts.get(mission);
          if (k !== undefined && k < start) start = k;
        }
      }
    }
    at.set(m, start);
  }
  return at;
}

/** The mission with the most personnel summed over `months` (ties: first key in code-unit order), or null. */
function largestMission(missions: ReadonlyMap<string, ReadonlyMap<number, number>>, months: readonly number[]): string | null {
  let best: string | null = null;
  let bestSum = -1;
  for (const [mission, mm] of missions) {
    let sum = 0;
    let any = false;
    for (const m of months) {
      const v = mm.get(m);
      if (v === undefined) continue;
      sum += v;
      any = true;
    }
    if (!any) continue;
    if (sum > bestSum || (sum === bestSum && best !== null && mission < best)) {
      best = mission;
      bestSum = sum;
    }
  }
  return best;
}

/** The last of `months` in which the mission has personnel, or null. */
function lastWith(mm: ReadonlyMap<number, number>, months: readonly number[]): number | null {
  for (let i = months.length - 1; i >= 0; i--) if (mm.has(months[i])) return months[i];
  return null;
}
