/**
 * The pure kernel behind `addUnPeacekeeping`: UN mission-month records, already placed
 * in host countries, aggregated to host-years. No file access, no options beyond the
 * arguments.
 */

/** One mission's share in one host in one month. Personnel counts are persons (fractions after allocation). */
export interface HostMissionMonth {
  readonly ccode: number;
  readonly mission: string;
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  /** How the mission-month was placed (see `AllocationBasis` in un-allocation.ts). */
  readonly basis: string;
  readonly troops: number;
  readonly police: number;
  readonly observers: number;
  readonly total: number;
  /** Number of the mission's contributing countries that month (whole mission), or null when the source has none. */
  readonly tcc: number | null;
  /**
   * True when the whole mission that month had no troops and no police and fewer uniformed
   * personnel than the observer threshold: such a month neither starts nor extends a
   * deployment under the presence and lineage duration rules.
   */
  readonly smallObserver: boolean;
}

/** How a host-year's distinct contributor count was found. */
export type TccBasis =
  /** One mission in the host that month: the source's own count of its contributors. */
  | "single-mission"
  /** Several missions: distinct contributor states from the IPI contributor-gender file (2009-11 to 2014-02). */
  | "ipi-identity"
  /** Several missions: distinct contributor states present in the year from RADPKO (African missions). */
  | "radpko-identity"
  /** Several missions, identities unknown: the largest single mission's count (a lower bound). */
  | "largest-mission";

/** Distinct contributors for several missions in a host-month, when their identities are known. */
export type ContributorIdentity = (
  missions: readonly string[],
  ccode: number,
  month: number,
  /** The largest single mission's own count (a lower bound on the distinct count). */
  largest: number,
) => { count: number; basis: TccBasis } | null;

/** Host-year aggregates; see the codebook entries in add-un-peacekeeping.ts. */
export interface UnHostYear {
  troops: number;
  police: number;
  observers: number;
  total: number;
  peak: number;
  months: number;
  /** Distinct contributing countries in the month with the most (see `tccBasis`). */
  tcc: number | null;
  tccBasis: TccBasis | null;
  /** The old measure: contributor counts summed over the host's missions, largest month. */
  tccSum: number | null;
  missions: number;
  /** Allocation bases used for the host-year's records, sorted, joined with `+`. */
  allocation: string | null;
  /** Presence rule: years since the current UN deployment began (0 in its first year, and when only small observer missions are present); null without personnel. */
  durationYears: number | null;
  /** Presence rule: months from the deployment's start to the year's last qualifying month, inclusive (0 when only small observer missions). */
  durationMonths: number | null;
  /** Year-month index of the start of the current deployment under the presence rule. */
  spellStart: number | null;
  /** Any-mission rule (version 0.1): any personnel, no gap allowed, observer missions date spells. */
  durationAnyYears: number | null;
  /** The year's largest lineage (named by its first mission), or null without personnel. */
  mainMission: string | null;
  /** Years since the largest lineage's current deployment in the host began; null without personnel. */
  mainDurationYears: number | null;
  mainDurationMonths: number | null;
}

/** `year * 12 + (month - 1)`: consecutive months are consecutive integers. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** Everything the aggregation needs besides the records. */
export interface AggregateSettings {
  /** Month indexes the source covers; a year without any gets no entry. */
  readonly covered: ReadonlySet<number>;
  /** Whether the source has contributor counts. */
  readonly hasTcc: boolean;
  /** Mission key -> month index of its start (UN list of missions), for spells under way in the source's first month. */
  readonly knownStarts?: ReadonlyMap<string, number>;
  /** Mission key -> its lineage's name (the first mission of the line); missions not listed are their own lineage. */
  readonly lineage?: (mission: string) => string;
  /** Longest absence, in covered months, that does not end a deployment (presence and lineage rules). */
  readonly durationGap?: number;
  /** Distinct contributors of several missions, where identities are known. */
  readonly identity?: ContributorIdentity;
}

interface HostMonth {
  troops: number;
  police: number;
  observers: number;
  total: number;
  /** Personnel of missions that count for the presence rule. */
  qualifying: number;
  /** Mission -> contributor count (null unknown). */
  tcc: Map<string, number | null>;
}

/**
 * Aggregate host-mission-months to host-years.
 *
 * Means are over the months of the year the source covers, with 0 for a covered month
 * without personnel; a year with no covered month gets no entry (the panel leaves it
 * missing). Contributors: one mission in a month gives its own count; several give the
 * distinct states from `identity` where known, else the largest mission's count
 * (`tccBasis` says which); the year's value is the month with the most.
 *
 * Durations (each the year minus the calendar year its current deployment began):
 * - presence (`durationYears`): months in which the host has personnel of missions that
 *   are not small observer missions; an absence of at most `durationGap` covered months
 *   does not end a deployment; a deployment under way in the first covered month starts
 *   at the earliest known start of the lineages present then. A year with personnel
 *   but only small observer missions gets 0.
 * - any (`durationAnyYears`, version 0.1's rule): any personnel; any covered month
 *   without personnel ends a deployment; left-censored runs start at the earliest known
 *   start of the missions present (so UNTSO dates Lebanon from 1948).
 * - main lineage (`mainDurationYears`): the year's largest lineage (most personnel over
 *   the year's covered months; ties to the first name), its own months in the host,
 *   with the presence rule's gap and left-censoring; renamings (MONUC to MONUSCO) do not
 *   restart it.
 * @returns map from `ccode * 10000 + year` to the aggregates.
 */
export function aggregateUnHostYears(records: readonly HostMissionMonth[], settings: AggregateSettings): Map<number, UnHostYear> {
  const { covered, hasTcc } = settings;
  const knownStarts = settings.knownStarts ?? new Map<string, number>();
  const lineageOf = settings.lineage ?? ((m: string) => m);
  const gap = settings.durationGap ?? 24;
  const coveredSorted = [...covered].sort((a, b) => a - b);
  const firstCovered = coveredSorted.length === 0 ? -1 : coveredSorted[0];
  /** Lineage -> earliest known start of any of its missions. */
  const lineageStart = new Map<string, number>();
  for (const [mission, start] of knownStarts) {
    const l = lineageOf(mission);
    if (!lineageStart.has(l) || start < lineageStart.get(l)!) lineageStart.set(l, start);
  }

  const byHostMonth = new Map<number, Map<number, HostMonth>>();
  const missionsByHostYear = new Map<number, Set<string>>();
  const basesByHostYear = new Map<number, Set<string>>();
  /** Host -> lineage -> month -> personnel. */
  const byHostLineage = new Map<number, Map<string, Map<number, number>>>();
  /** Host -> first covered month's missions: [all, qualifying]. */
  const firstMissions = new Map<number, { all: string[]; qualifying: string[] }>();
  for (const r of records) {
    const m = monthIndex(r.year, r.month);
    if (!covered.has(m)) continue;
    if (r.total <= 0 && r.troops <= 0 && r.police <= 0 && r.observers <= 0) continue;
    let months = byHostMonth.get(r.ccode);
    if (months === undefined) byHostMonth.set(r.ccode, (months = new Map()));
    let hm = months.get(m);
    if (hm === undefined) months.set(m, (hm = { troops: 0, police: 0, observers: 0, total: 0, qualifying: 0, tcc: new Map() }));
    hm.troops += r.troops;
    hm.police += r.police;
    hm.observers += r.observers;
    hm.total += r.total;
    if (!r.smallObserver) hm.qualifying += r.total;
    const prev = hm.tcc.get(r.mission);
    hm.tcc.set(r.mission, r.tcc ?? prev ?? null);
    if (m === firstCovered) {
      let f = firstMissions.get(r.ccode);
      if (f === undefined) firstMissions.set(r.ccode, (f = { all: [], qualifying: [] }));
      f.all.push(r.mission);
      if (!r.smallObserver) f.qualifying.push(r.mission);
    }
    const key = r.ccode * 10000 + r.year;
    addTo(missionsByHostYear, key, r.mission);
    addTo(basesByHostYear, key, r.basis);
    if (!r.smallObserver) {
      let lin = byHostLineage.get(r.ccode);
      if (lin === undefined) byHostLineage.set(r.ccode, (lin = new Map()));
      const l = lineageOf(r.mission);
      let lm = lin.get(l);
      if (lm === undefined) lin.set(l, (lm = new Map()));
      lm.set(m, (lm.get(m) ?? 0) + Math.max(r.total, 0));
    }
  }

  const monthsPerYear = new Map<number, number[]>();
  for (const m of coveredSorted) {
    const y = Math.floor(m / 12);
    let list = monthsPerYear.get(y);
    if (list === undefined) monthsPerYear.set(y, (list = []));
    list.push(m);
  }
  const earliest = (missions: readonly string[], viaLineage: boolean): number | null => {
    let best: number | null = null;
    for (const mission of missions) {
      const s = viaLineage ? lineageStart.get(lineageOf(mission)) : knownStarts.get(mission);
      if (s !== undefined && (best === null || s < best)) best = s;
    }
    return best;
  };

  const out = new Map<number, UnHostYear>();
  for (const [ccode, months] of byHostMonth) {
    const first = firstMissions.get(ccode) ?? { all: [], qualifying: [] };
    const qualifyingMonths = new Set([...months].filter(([, hm]) => hm.qualifying > 0).map(([m]) => m));
    const presence = spellStarts(coveredSorted, qualifyingMonths, gap, earliest(first.qualifying, true));
    const any = spellStarts(coveredSorted, new Set(months.keys()), 0, earliest(first.all, false));
    const lineages = byHostLineage.get(ccode) ?? new Map<string, Map<number, number>>();
    const lineageSpells = new Map<string, Map<number, number>>();
    for (const [l, lm] of lineages) {
      lineageSpells.set(l, spellStarts(coveredSorted, new Set(lm.keys()), gap, lm.has(firstCovered) ? lineageStart.get(l) ?? null : null));
    }
    for (const [year, list] of monthsPerYear) {
      const agg: UnHostYear = {
        troops: 0, police: 0, observers: 0, total: 0, peak: 0, months: 0,
        tcc: hasTcc ? 0 : null, tccBasis: null, tccSum: hasTcc ? 0 : null, missions: 0, allocation: null,
        durationYears: null, durationMonths: null, spellStart: null, durationAnyYears: null,
        mainMission: null, mainDurationYears: null, mainDurationMonths: null,
      };
      let last: number | null = null;
      let lastQualifying: number | null = null;
      for (const m of list) {
        const hm = months.get(m);
        if (hm === undefined) continue;
        agg.troops += hm.troops;
        agg.police += hm.police;
        agg.observers += hm.observers;
        agg.total += hm.total;
        if (hm.total > agg.peak) agg.peak = hm.total;
        agg.months += 1;
        last = m;
        if (hm.qualifying > 0) lastQualifying = m;
        if (hasTcc) {
          const c = contributorsInMonth(hm.tcc, ccode, m, settings.identity);
          if (c !== null && c.count > (agg.tcc as number)) {
            agg.tcc = c.count;
            agg.tccBasis = c.basis;
          }
          if (c !== null && c.sum > (agg.tccSum as number)) agg.tccSum = c.sum;
        }
      }
      const n = list.length;
      agg.troops /= n;
      agg.police /= n;
      agg.observers /= n;
      agg.total /= n;
      const key = ccode * 10000 + year;
      agg.missions = missionsByHostYear.get(key)?.size ?? 0;
      if (last !== null) {
        agg.allocation = [...(basesByHostYear.get(key) ?? [])].sort().join("+");
        agg.durationAnyYears = year - Math.floor(any.get(last)! / 12);
        if (lastQualifying !== null) {
          const s = presence.get(lastQualifying)!;
          agg.spellStart = s;
          agg.durationMonths = lastQualifying - s + 1;
          agg.durationYears = year - Math.floor(s / 12);
          const main = largest(lineages, list);
          if (main !== null) {
            const lm = lineages.get(main)!;
            const mLast = [...list].reverse().find((m) => lm.has(m))!;
            const ms = lineageSpells.get(main)!.get(mLast)!;
            agg.mainMission = main;
            agg.mainDurationMonths = mLast - ms + 1;
            agg.mainDurationYears = year - Math.floor(ms / 12);
          }
        } else {
          // Only small observer missions: no qualifying deployment.
          agg.durationYears = 0;
          agg.durationMonths = 0;
          agg.mainDurationYears = 0;
          agg.mainDurationMonths = 0;
        }
      }
      out.set(key, agg);
    }
  }
  return out;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let s = map.get(key);
  if (s === undefined) map.set(key, (s = new Set()));
  s.add(value);
}

/** Distinct contributors in one host-month, with the summed count beside it; null when no mission has a count. */
function contributorsInMonth(
  tcc: ReadonlyMap<string, number | null>,
  ccode: number,
  month: number,
  identity: ContributorIdentity | undefined,
): { count: number; basis: TccBasis; sum: number } | null {
  const known = [...tcc].filter((e): e is [string, number] => e[1] !== null);
  if (known.length === 0) return null;
  const sum = known.reduce((t, [, c]) => t + c, 0);
  if (tcc.size === 1) return { count: known[0][1], basis: "single-mission", sum };
  const largest = Math.max(...known.map(([, c]) => c));
  const id = identity?.([...tcc.keys()].sort(), ccode, month, largest) ?? null;
  if (id !== null) return { ...id, sum };
  return { count: largest, basis: "largest-mission", sum };
}

/**
 * Start of the deployment each present month belongs to, walking the covered months in
 * order: more than `gap` covered months without presence end a deployment; months the
 * source does not cover are not counted. A deployment present in the first covered month
 * starts at `censoredStart` when that is earlier.
 */
function spellStarts(coveredSorted: readonly number[], present: ReadonlySet<number>, gap: number, censoredStart: number | null): Map<number, number> {
  const at = new Map<number, number>();
  let start: number | null = null;
  let absent = 0;
  for (const m of coveredSorted) {
    if (!present.has(m)) {
      absent += 1;
      if (absent > gap) start = null;
      continue;
    }
    if (start === null) {
      start = m;
      if (m === coveredSorted[0] && censoredStart !== null && censoredStart < m) start = censoredStart;
    }
    absent = 0;
    at.set(m, start);
  }
  return at;
}

/** The key with the most personnel summed over `months` (ties: first key in code-unit order), or null. */
function largest(groups: ReadonlyMap<string, ReadonlyMap<number, number>>, months: readonly number[]): string | null {
  let best: string | null = null;
  let bestSum = -1;
  for (const [k, mm] of groups) {
    let sum = 0;
    let any = false;
    for (const m of months) {
      const v = mm.get(m);
      if (v === undefined) continue;
      sum += v;
      any = true;
    }
    if (!any) continue;
    if (sum > bestSum || (sum === bestSum && best !== null && k < best)) {
      best = k;
      bestSum = sum;
    }
  }
  return best;
}
