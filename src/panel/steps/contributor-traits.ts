import { democracySource, readDemocracy } from "../../sources/democracy.js";
import { gdpPopFarissSource, readGdpPopFariss } from "../../sources/gdp-pop-fariss.js";
import { htiSource, readHti } from "../../sources/hti.js";
import { readTipTiers, tipTiersSource } from "../../sources/tip-tiers.js";
import { rowKey } from "../panel.js";
import type { StepSources } from "../pipeline.js";

/** V-Dem polyarchy at or above this is a democracy (V-Dem's Regimes of the World: electoral democracy needs polyarchy > 0.5). */
export const DEMOCRACY_THRESHOLD = 0.5;

/**
 * GDP per capita (Fariss et al., 2011 international $) above this is high-income. The World
 * Bank's 2011 high-income line is a GNI per capita of $12,476 (Atlas, current US$); in PPP GDP
 * per capita that line falls near $20,000: Uruguay (18,452) and Argentina (19,942), upper-middle
 * income in the Bank's 2011 list, fall below; Korea (33,471) and Italy (32,900) above.
 */
export const HIGH_INCOME_THRESHOLD = 20000;

/**
 * NATO and OECD accession years by ISO-3 (NATO: nato.int member list; OECD: oecd.org list of
 * member countries and ratification dates). A contributor is a member in year y when it joined
 * either body in or before y.
 */
export const NATO_OECD: Readonly<Record<string, { readonly nato: number | null; readonly oecd: number | null }>> = Object.freeze({
  USA: { nato: 1949, oecd: 1961 }, CAN: { nato: 1949, oecd: 1961 }, GBR: { nato: 1949, oecd: 1961 },
  FRA: { nato: 1949, oecd: 1961 }, BEL: { nato: 1949, oecd: 1961 }, NLD: { nato: 1949, oecd: 1961 },
  LUX: { nato: 1949, oecd: 1961 }, DNK: { nato: 1949, oecd: 1961 }, NOR: { nato: 1949, oecd: 1961 },
  ISL: { nato: 1949, oecd: 1961 }, ITA: { nato: 1949, oecd: 1961 }, PRT: { nato: 1949, oecd: 1961 },
  GRC: { nato: 1952, oecd: 1961 }, TUR: { nato: 1952, oecd: 1961 }, DEU: { nato: 1955, oecd: 1961 },
  ESP: { nato: 1982, oecd: 1961 }, CZE: { nato: 1999, oecd: 1995 }, HUN: { nato: 1999, oecd: 1996 },
  POL: { nato: 1999, oecd: 1996 }, BGR: { nato: 2004, oecd: null }, EST: { nato: 2004, oecd: 2010 },
  LVA: { nato: 2004, oecd: 2016 }, LTU: { nato: 2004, oecd: 2018 }, ROU: { nato: 2004, oecd: null },
  SVK: { nato: 2004, oecd: 2000 }, SVN: { nato: 2004, oecd: 2010 }, ALB: { nato: 2009, oecd: null },
  HRV: { nato: 2009, oecd: null }, MNE: { nato: 2017, oecd: null }, MKD: { nato: 2020, oecd: null },
  AUT: { nato: null, oecd: 1961 }, IRL: { nato: null, oecd: 1961 }, SWE: { nato: null, oecd: 1961 },
  CHE: { nato: null, oecd: 1961 }, JPN: { nato: null, oecd: 1964 }, FIN: { nato: null, oecd: 1969 },
  AUS: { nato: null, oecd: 1971 }, NZL: { nato: null, oecd: 1973 }, MEX: { nato: null, oecd: 1994 },
  KOR: { nato: null, oecd: 1996 }, CHL: { nato: null, oecd: 2010 }, ISR: { nato: null, oecd: 2010 },
  COL: { nato: null, oecd: 2020 }, CRI: { nato: null, oecd: 2021 },
});

/** NATO or OECD member in `year` (by ISO-3). */
export function natoOrOecd(iso3: string, year: number): boolean {
  const m = NATO_OECD[iso3];
  if (m === undefined) return false;
  return (m.nato !== null && m.nato <= year) || (m.oecd !== null && m.oecd <= year);
}

/** One contributor's characteristics in one calendar year; null = unknown. */
export interface ContributorTraits {
  /** Listed by HTI as a destination (pdest) or source (psource) of forced prostitution in the report joined to this year. */
  readonly hti: number | null;
  /** Listed by HTI as a destination of forced prostitution (pdest) in the report joined to this year. */
  readonly pdest: number | null;
  /** Ranked on the Tier 2 Watch List or Tier 3 in the TIP report joined to this year (Kelley's tier series). */
  readonly lowTier: number | null;
  readonly democracy: number | null;
  readonly highIncome: number | null;
  readonly natoOecd: number;
}

/**
 * Contributor characteristics by (COW code, calendar year). `reportYearOf` maps a calendar
 * year to the TIP report joined to it (the panel's reportAlignment).
 */
export function contributorTraits(sources: StepSources, reportYearOf: (calendarYear: number) => number): (ccode: number, iso3: string, year: number) => ContributorTraits {
  const hti = new Map<number, number>();
  const pdest = new Map<number, number>();
  for (const r of sources.load("hti", [htiSource], readHti)) {
    hti.set(rowKey(r.ccode, r.year), r.pdest === "Yes" || r.psource === "Yes" ? 1 : 0);
    pdest.set(rowKey(r.ccode, r.year), r.pdest === "Yes" ? 1 : 0);
  }
  const tier = new Map<number, number>();
  for (const r of sources.load("tip_tiers", [tipTiersSource], readTipTiers)) {
    if (r.ccode !== null && r.tier !== null) tier.set(rowKey(r.ccode, r.year), r.tier >= 2.5 ? 1 : 0);
  }
  const poly = new Map<number, number>();
  for (const r of sources.load("democracy", [democracySource], readDemocracy)) {
    if (r.v2xPolyarchy !== null) poly.set(rowKey(r.ccode, r.year), r.v2xPolyarchy);
  }
  const gdp = new Map<number, number>();
  for (const r of sources.load("gdp_pop_fariss", [gdpPopFarissSource], readGdpPopFariss)) {
    if (r.mrgdppc !== null) gdp.set(rowKey(r.ccode, r.year), r.mrgdppc);
  }
  return (ccode, iso3, year) => {
    const ry = rowKey(ccode, reportYearOf(year));
    const h = hti.get(ry);
    const d = pdest.get(ry);
    const t = tier.get(ry);
    const p = poly.get(rowKey(ccode, year));
    const g = gdp.get(rowKey(ccode, year));
    return {
      hti: h ?? null,
      pdest: d ?? null,
      lowTier: t ?? null,
      democracy: p === undefined ? null : p >= DEMOCRACY_THRESHOLD ? 1 : 0,
      highIncome: g === undefined ? null : g > HIGH_INCOME_THRESHOLD ? 1 : 0,
      natoOecd: natoOrOecd(iso3, year) ? 1 : 0,
    };
  };
}
