import { OptionError, quote } from "../core/errors.js";
import type { CountryCodes } from "../codes/country-codes.js";
import { NON_UN_TYPE_LIST } from "./types.js";
import { cyKey, indicatorHost, type CaseData, type MissionYear } from "./data.js";
import type { NonUnType } from "../panel/steps/add-non-un-operations.js";
import type { PanelRow } from "../panel/panel.js";

/** A case country, resolved to its COW code. */
export interface CaseCountry {
  /** What the user typed. */
  readonly query: string;
  readonly ccode: number;
  readonly name: string;
}

/** One calendar year of a case. Personnel are persons (mean of monthly counts); null = not covered by the source. */
export interface TimelineYear {
  readonly year: number;
  /** UN uniformed personnel, all missions placed in the country (IPI). */
  readonly unTotal: number | null;
  readonly unTroops: number | null;
  /** Non-UN personnel (Bara-Hultman), all operations. */
  readonly nonUnTotal: number | null;
  /** Non-UN personnel by organisation type (null outside Bara-Hultman's years). */
  readonly nonUnByType: Readonly<Record<NonUnType, number>> | null;
  /** UN plus non-UN personnel (null when neither source covers the year). */
  readonly personnel: number | null;
  /** Each mission present, largest first. */
  readonly missions: readonly MissionYear[];
  /** US troops (legacy series), of the indicator host. */
  readonly usTroops: number | null;
  /** HTI destination for forced prostitution (0/1) from the TIP report of year + 1. */
  readonly pdest: number | null;
  /** HTI destination of any trafficking (0/1), same report. */
  readonly destination: number | null;
  /** TIP tier (1, 2, 2.5 = Watch List, 3), same report. */
  readonly tipTier: number | null;
  /** 3P anti-trafficking policy index (3-15), calendar year. */
  readonly p3Total: number | null;
  /** COW code whose indicators are shown (Kosovo before 2008: Serbia, 345). */
  readonly indicatorsFrom: number;
}

/** A case's timeline with its country. */
export interface CaseTimeline {
  readonly country: CaseCountry;
  readonly years: readonly TimelineYear[];
}

/**
 * Resolve a case given as a country name (any spelling the crosswalk knows), an ISO-3
 * code (XKX or KSV for Kosovo) or a COW code.
 * @throws OptionError naming the text when nothing matches.
 */
export function resolveCase(codes: CountryCodes, query: string): CaseCountry {
  const q = query.trim();
  let ccode: number | null = null;
  if (/^\d{1,3}$/.test(q)) {
    const c = Number(q);
    if (codes.cowName(c) !== null) ccode = c;
  } else if (/^[A-Za-z]{3}$/.test(q) && q === q.toUpperCase()) {
    const iso = q === "KSV" ? "XKX" : q;
    for (const y of [2010, 2000, 1995, 2019]) {
      ccode = codes.iso3ToCow(iso, y);
      if (ccode !== null) break;
    }
  }
  if (ccode === null) ccode = codes.matchCountryName(q)?.ccode ?? null;
  if (ccode === null) {
    throw new OptionError(`--countries: ${quote(q)} is not a country name, ISO-3 code or COW code the crosswalk knows`);
  }
  return { query: q, ccode, name: codes.cowName(ccode) ?? q };
}

function num(r: PanelRow | undefined, col: string): number | null {
  const v = r?.[col];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** The yearly timeline of one case over `from`-`to` (calendar years). */
export function caseTimeline(data: CaseData, country: CaseCountry, from: number, to: number): CaseTimeline {
  const years: TimelineYear[] = [];
  for (let year = from; year <= to; year++) {
    const missions = data.missions.get(cyKey(country.ccode, year)) ?? [];
    const unCovered = data.unYears.has(year);
    const nonUnCovered = year >= data.nonUnYears[0] && year <= data.nonUnYears[1];
    let unTotal = 0;
    let unTroops = 0;
    const byType = Object.fromEntries(NON_UN_TYPE_LIST.map((t) => [t, 0])) as Record<NonUnType, number>;
    for (const m of missions) {
      if (m.org === "un") {
        unTotal += m.total;
        unTroops += m.troops ?? 0;
      } else byType[m.org] += m.total;
    }
    const nonUnTotal = NON_UN_TYPE_LIST.reduce((s, t) => s + byType[t], 0);
    const host = indicatorHost(country.ccode, year);
    const row = data.panel.get(cyKey(host, year));
    years.push({
      year,
      unTotal: unCovered ? unTotal : null,
      unTroops: unCovered ? unTroops : null,
      nonUnTotal: nonUnCovered ? nonUnTotal : null,
      nonUnByType: nonUnCovered ? byType : null,
      personnel: unCovered || nonUnCovered ? (unCovered ? unTotal : 0) + (nonUnCovered ? nonUnTotal : 0) : null,
      missions: missions.filter((m) => (m.org === "un" ? unCovered : nonUnCovered)),
      usTroops: num(row, "us_troops"),
      pdest: num(row, "pdest"),
      destination: num(row, "destination"),
      tipTier: num(row, "tip_tier"),
      p3Total: num(row, "p3_total"),
      indicatorsFrom: host,
    });
  }
  return { country, years };
}
