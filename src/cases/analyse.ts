import { KOSOVO, SERBIA } from "../panel/steps/un-hosts.js";
import type { CaseData } from "./data.js";

const SIERRA_LEONE = 451;
import { deploymentOf, periodTable, type Deployment, type PeriodRow, type PeriodYear } from "./periods.js";
import { caseTimeline, type CaseCountry, type CaseTimeline, type TimelineYear } from "./timeline.js";

/** Indicators of the before/during/after table, in order, with words and units. */
export const INDICATORS: readonly { readonly key: string; readonly label: string; readonly unit: string }[] = [
  { key: "personnel", label: "UN + non-UN personnel", unit: "persons, mean" },
  { key: "unTotal", label: "UN personnel", unit: "persons, mean" },
  { key: "nonUnTotal", label: "Non-UN personnel", unit: "persons, mean" },
  { key: "usTroops", label: "US troops", unit: "persons, mean" },
  { key: "pdest", label: "Destination, forced prostitution (HTI pdest)", unit: "share of years Yes" },
  { key: "destination", label: "Destination, any trafficking (HTI)", unit: "share of years Yes" },
  { key: "tipTier", label: "TIP tier (1 best, 3 worst; 2.5 Watch List)", unit: "mean tier" },
  { key: "p3Total", label: "3P anti-trafficking policy index (3-15)", unit: "mean score" },
];

/** The trafficking indicators the cross-case relation uses. */
export const OUTCOME_KEYS = ["pdest", "destination", "tipTier", "p3Total"] as const;

/** One case, analysed. */
export interface CaseResult {
  readonly country: CaseCountry;
  readonly timeline: CaseTimeline;
  /** The main deployment (spell with the largest peak), or null. */
  readonly deployment: Deployment | null;
  readonly table: readonly PeriodRow[];
  /** Largest mission over the deployment by peak yearly personnel, with its organisation. */
  readonly missions: readonly { readonly mission: string; readonly org: string; readonly peak: number; readonly first: number; readonly last: number }[];
  /** Sentences about data choices and gaps specific to this case. */
  readonly notes: readonly string[];
}

function periodYears(t: CaseTimeline): PeriodYear[] {
  return t.years.map((y) => ({
    year: y.year,
    personnel: y.personnel,
    values: {
      personnel: y.personnel, unTotal: y.unTotal, nonUnTotal: y.nonUnTotal, usTroops: y.usTroops,
      pdest: y.pdest, destination: y.destination, tipTier: y.tipTier, p3Total: y.p3Total,
    },
  }));
}

function missionSummary(years: readonly TimelineYear[]): CaseResult["missions"] {
  const m = new Map<string, { mission: string; org: string; peak: number; first: number; last: number }>();
  for (const y of years) {
    for (const x of y.missions) {
      const e = m.get(x.mission) ?? { mission: x.mission, org: x.org, peak: 0, first: y.year, last: y.year };
      e.peak = Math.max(e.peak, x.total);
      e.last = y.year;
      m.set(x.mission, e);
    }
  }
  return [...m.values()].sort((a, b) => b.peak - a.peak || (a.mission < b.mission ? -1 : 1));
}

function range(years: readonly TimelineYear[], pick: (y: TimelineYear) => number | null): string | null {
  const ys = years.filter((y) => pick(y) !== null).map((y) => y.year);
  return ys.length ? `${ys[0]}-${ys[ys.length - 1]}` : null;
}

function notesFor(t: CaseTimeline, dep: Deployment | null): string[] {
  const notes: string[] = [];
  const y = t.years;
  if (t.country.ccode === KOSOVO) {
    notes.push(
      "Kosovo: personnel are the missions in Kosovo (UNMIK, KFOR, EULEX) in every year, although IPI lists UNMIK under Serbia (SRB) and Bara-Hultman lists KFOR under Serbia (Yugoslavia); " +
        `before 2008, when Kosovo is not a state, the trafficking indicators and US troops shown are those of Serbia and Montenegro / Serbia (COW ${SERBIA}), which the TIP reports and HTI covered Kosovo under.`,
    );
  }
  if (t.country.ccode === SIERRA_LEONE && y.some((v) => v.missions.some((m) => m.mission === "ECOWAS"))) {
    notes.push("Sierra Leone: Bara-Hultman names the ECOWAS force (ECOMOG) \"ECOWAS\"; it is listed from 1997, with the force's build-up after the May 1997 coup.");
  }
  if (t.country.ccode === KOSOVO) {
    notes.push("US troops in Kosovo (Camp Bondsteel) are in the legacy series under Serbia (345) through 2007; from 2008 the series lists only small numbers under Kosovo (347).");
  }
  if (t.country.ccode === SERBIA) notes.push("Serbia: the Kosovo missions (UNMIK, KFOR, EULEX) are shown under Kosovo in every year, not here.");
  if (dep !== null && dep.spells.length > 1) {
    notes.push(`Deployment spells in the window: ${dep.spells.map((s) => (s.start === s.end ? `${s.start}` : `${s.start}-${s.end}`)).join(", ")}; the before/during/after table uses the one with the largest peak (${dep.start}-${dep.end}).`);
  }
  const troops = Math.max(0, ...y.map((v) => (v.unTroops ?? 0) + (v.nonUnTotal ?? 0)));
  if (dep !== null && troops === 0) notes.push("No troops at any time: the personnel are UN police, observers or monitors only.");
  if (dep === null) notes.push("No UN or non-UN personnel in the window: every year counts as \"before\".");
  const hti = range(y, (v) => v.pdest);
  const tier = range(y, (v) => v.tipTier);
  const p3 = range(y, (v) => v.p3Total);
  notes.push(
    `Indicator years with data: HTI ${hti ?? "none"}, TIP tier ${tier ?? "none"}, 3P index ${p3 ?? "none"} (calendar years; HTI and tiers from the TIP report of the following year).`,
  );
  if (dep !== null) {
    const first = [hti, tier, p3].filter((r): r is string => r !== null).map((r) => Number(r.slice(0, 4)));
    if (first.length > 0 && Math.min(...first) >= dep.start) {
      notes.push(`The deployment began in ${dep.start}, before any trafficking indicator exists for this country: there is no "before" to compare with.`);
    }
  }
  return notes;
}

/** Analyse one case over `from`-`to`: timeline, deployment, before/during/after table, notes. */
export function analyseCase(data: CaseData, country: CaseCountry, from: number, to: number): CaseResult {
  const timeline = caseTimeline(data, country, from, to);
  const years = periodYears(timeline);
  const deployment = deploymentOf(years);
  const table = periodTable(years, deployment, INDICATORS.map((i) => i.key));
  const during = deployment === null ? [] : timeline.years.filter((y) => y.year >= deployment.start && y.year <= deployment.end);
  return { country, timeline, deployment, table, missions: missionSummary(during.length ? during : timeline.years), notes: notesFor(timeline, deployment) };
}

/** One case in the cross-case relation. */
export interface RelationPoint {
  readonly country: string;
  readonly ccode: number;
  /** Peak yearly personnel of the deployment (0 without one). */
  readonly peak: number;
  readonly start: number | null;
  /** during - before, per outcome (null when a period lacks data). */
  readonly change: Readonly<Record<(typeof OUTCOME_KEYS)[number], number | null>>;
}

/** Relation between deployment size and the change in the indicators across cases. */
export interface Relation {
  readonly points: readonly RelationPoint[];
  /** Pearson correlation of log(1 + peak) with the change, per outcome, when at least 3 cases have both; else null. */
  readonly correlation: Readonly<Record<(typeof OUTCOME_KEYS)[number], { readonly r: number | null; readonly n: number }>>;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 3) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** The cross-case relation between peak deployment size and the change in each outcome. */
export function crossCaseRelation(cases: readonly CaseResult[]): Relation {
  const points = cases.map((c) => {
    const change = Object.fromEntries(OUTCOME_KEYS.map((k) => [k, c.table.find((r) => r.indicator === k)?.changeDuring ?? null]));
    return {
      country: c.country.name,
      ccode: c.country.ccode,
      peak: c.deployment?.peak ?? 0,
      start: c.deployment?.start ?? null,
      change: change as RelationPoint["change"],
    };
  });
  const correlation = Object.fromEntries(
    OUTCOME_KEYS.map((k) => {
      const have = points.filter((p) => p.change[k] !== null);
      return [k, { r: pearson(have.map((p) => Math.log1p(p.peak)), have.map((p) => p.change[k]!)), n: have.length }];
    }),
  ) as Relation["correlation"];
  return { points, correlation };
}
