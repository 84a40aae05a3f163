import { democracySource } from "../../sources/democracy.js";
import { gdpPopFarissSource } from "../../sources/gdp-pop-fariss.js";
import { htiSource } from "../../sources/hti.js";
import { tipTiersSource } from "../../sources/tip-tiers.js";
import { ipiMissionMonthSource } from "../../sources/ipi-mission-month.js";
import { ipiTccGenderSource, readIpiTccGender } from "../../sources/ipi-tcc-gender.js";
import { panelCodes } from "../create-country-years.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import { column, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader, type StepContext } from "../pipeline.js";
import { calendarYearOfReport } from "./add-trafficking.js";
import { contributorTraits, DEMOCRACY_THRESHOLD, HIGH_INCOME_THRESHOLD, NATO_OECD, type ContributorTraits } from "./contributor-traits.js";
import { Unplaced } from "./join.js";
import { genderRowPlacer } from "./add-women-in-missions.js";
import { memoIso3ToCow } from "./un-crosswalk.js";

/** One contributor's personnel in one host-month (summed over missions), after allocation. */
export interface HostContributorMonth {
  readonly host: number;
  readonly year: number;
  readonly month: number;
  readonly contributorIso3: string;
  /** COW code of the contributor (null when it has none, e.g. a territory). */
  readonly contributor: number | null;
  readonly personnel: number;
  readonly female: number;
}

/**
 * The IPI contributor-by-sex file placed in hosts: each contributor-mission-month's troops,
 * police and experts go to hosts by the same shares as the UN columns (unAllocator), then are
 * summed over missions per (host, month, contributor). Territories with no COW state are left out
 * (reported through `ctx.warn`).
 */
export function hostContributorMonths(ctx: StepContext): HostContributorMonth[] {
  const { sources } = ctx;
  const gender = sources.load("ipi_tcc_gender", [ipiTccGenderSource], readIpiTccGender);
  const iso3ToCow = memoIso3ToCow(panelCodes(sources));
  const place = genderRowPlacer(ctx);
  const acc = new Map<string, { host: number; year: number; month: number; iso: string; personnel: number; female: number }>();
  const unplaced = new Unplaced();
  for (const g of gender) {
    for (const { ccode, place: where, total: t, female: f } of place(g)) {
      if (ccode === null) {
        if (t > 0) unplaced.add(`${g.mission} in ${where}`);
        continue;
      }
      if (t === 0) continue;
      const k = `${ccode}:${g.year}:${g.month}:${g.contributorIso3}`;
      const cur = acc.get(k);
      if (cur === undefined) acc.set(k, { host: ccode, year: g.year, month: g.month, iso: g.contributorIso3, personnel: t, female: f });
      else {
        cur.personnel += t;
        cur.female += f;
      }
    }
  }
  unplaced.report(ctx, `contributor-mission-months of ${ipiTccGenderSource.file}`, "have no COW host and are left out of the contributor profile, by mission");
  return [...acc.values()].map((v) => ({
    host: v.host,
    year: v.year,
    month: v.month,
    contributorIso3: v.iso,
    contributor: iso3ToCow(v.iso, v.year),
    personnel: v.personnel,
    female: v.female,
  }));
}

const MEASURES = [
  ["un_contrib_hti_share", "hti"],
  ["un_contrib_pdest_share", "pdest"],
  ["un_contrib_low_tier_share", "lowTier"],
  ["un_contrib_democracy_share", "democracy"],
  ["un_contrib_high_income_share", "highIncome"],
  ["un_contrib_nato_oecd_share", "natoOecd"],
] as const satisfies readonly (readonly [string, keyof ContributorTraits])[];

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const sources = [ipiTccGenderSource.id, ipiMissionMonthSource.id, "unpko_crosswalk_csv", "geopko_locations"];
  const base =
    "From the IPI contributor-by-sex file (2009-11 to 2014-02, every UN mission): each contributor-mission-month's troops, police and experts are divided among hosts " +
    `by the same shares as the UN personnel columns (option multiHost = ${o.multiHost}, kosovo = ${o.kosovo}; see un_allocation), then, over the host's months in the year, ` +
    "the personnel of contributors with the trait are divided by the personnel of contributors whose trait is known (a contributor with no value that year is left out of both). " +
    "Missing outside calendar years 2009-2014 (the file's span: two months of 2009, two of 2014) and where the host had no personnel in the file. " +
    "Not extended with Geo-PKO's contributors per location (1994-2020): those are troops only and estimated from unit symbols, a different quantity from the head-counts here; the two are not mixed.";
  const cal = [2001, 2011].map((y) => calendarYearOfReport(y, o.reportAlignment)).join("-");
  const members = Object.keys(NATO_OECD).length;
  return [
    {
      name: "un_contrib_hti_share",
      type: "number",
      description: "Share of the host's UN personnel sent by contributors that HTI itself lists as a destination or a source of forced prostitution.",
      unit: "share 0..1",
      sources: [...sources, htiSource.id],
      derivation: `${base} Trait: the contributor's own HTI row (COW code from its ISO-3) for the TIP report joined to the year (option reportAlignment = ${o.reportAlignment}) has pdest = "Yes" or psource = "Yes"; a contributor not in that report is unknown. HTI reports 2001-2011 are calendar years ${cal}, so this column exists only for calendar years 2009-${calendarYearOfReport(2011, o.reportAlignment)}. Nearly degenerate: the 2010 and 2011 reports list 168 of 173 and 178 of 179 countries as one or the other, so the share is 1 in every host-year with the default options; see un_contrib_pdest_share and un_contrib_low_tier_share for measures that vary.`,
    },
    {
      name: "un_contrib_pdest_share",
      type: "number",
      description: "Share of the host's UN personnel sent by contributors that HTI itself lists as a destination of forced prostitution.",
      unit: "share 0..1",
      sources: [...sources, htiSource.id],
      derivation: `${base} Trait: the contributor's own HTI row for the TIP report joined to the year (reportAlignment = ${o.reportAlignment}) has pdest = "Yes" ("No mention" and "No" = 0); a contributor not in that report is unknown. Calendar years 2009-${calendarYearOfReport(2011, o.reportAlignment)} only (HTI ends with report 2011).`,
    },
    {
      name: "un_contrib_low_tier_share",
      type: "number",
      description: "Share of the host's UN personnel sent by contributors ranked Tier 2 Watch List or Tier 3 (governments not making significant anti-trafficking efforts, by the TIP report's own ranking).",
      unit: "share 0..1",
      sources: [...sources, tipTiersSource.id],
      derivation: `${base} Trait: the contributor's tier in Kelley's series (tip_tiers_orig.csv, reports 1999-2015) for the TIP report joined to the year (reportAlignment = ${o.reportAlignment}) is the Watch List or Tier 3; unranked contributors (not in the report, Special Case) are unknown. Covers all of 2009-2014.`,
    },
    {
      name: "un_contrib_democracy_share",
      type: "number",
      description: "Share of the host's UN personnel sent by democracies.",
      unit: "share 0..1",
      sources: [...sources, democracySource.id],
      derivation: `${base} Trait: the contributor's V-Dem polyarchy (isard_cw_democracy.csv, the panel's democracy source) that year is at least ${DEMOCRACY_THRESHOLD}, V-Dem's own line for an electoral democracy (Regimes of the World, Luhrmann et al. 2018).`,
    },
    {
      name: "un_contrib_high_income_share",
      type: "number",
      description: "Share of the host's UN personnel sent by high-income countries.",
      unit: "share 0..1",
      sources: [...sources, gdpPopFarissSource.id],
      derivation: `${base} Trait: the contributor's Fariss et al. GDP per capita that year (the panel's GDP source; Fariss covers 2009-2014 for every state) above ${HIGH_INCOME_THRESHOLD} (2011 int. $), about where the World Bank's 2011 high-income line (GNI per capita $12,476, Atlas) falls in PPP terms: Uruguay and Argentina (upper-middle income in 2011) fall just below.`,
    },
    {
      name: "un_contrib_nato_oecd_share",
      type: "number",
      description: "Share of the host's UN personnel sent by NATO or OECD members.",
      unit: "share 0..1",
      sources,
      derivation: `${base} Trait: member of NATO or the OECD that year by the table NATO_OECD in src/panel/steps/contributor-traits.ts (${members} states with accession years); every contributor is known.`,
    },
  ];
}

/** Contributor profile of UN personnel per host-year (IPI gender file, 2009-2014). */
export const contributorProfileStep: PanelStep = {
  name: "addContributorProfile",
  requires: ["ccode", "year"],
  produces: MEASURES.map(([c]) => c),
  docs,
  compute(panel, ctx) {
    const o = ctx.options;
    const traitsOf = contributorTraits(ctx.sources, (y) => (o.reportAlignment === "t" ? y : y + 1));
    const num = new Map<string, number>();
    const den = new Map<string, number>();
    const years = new Set<number>();
    for (const m of hostContributorMonths(ctx)) {
      years.add(m.year);
      if (m.contributor === null) continue;
      const t = traitsOf(m.contributor, m.contributorIso3, m.year);
      const k = rowKey(m.host, m.year);
      for (const [, trait] of MEASURES) {
        const v = t[trait];
        if (v === null) continue;
        const kk = `${trait}:${k}`;
        den.set(kk, (den.get(kk) ?? 0) + m.personnel);
        num.set(kk, (num.get(kk) ?? 0) + v * m.personnel);
      }
    }
    const n = panel.nrows;
    const cc = column(panel, "ccode") as readonly number[];
    const yr = column(panel, "year") as readonly number[];
    const out: Record<string, (number | string | null)[]> = {};
    for (const [name, trait] of MEASURES) {
      const col = emptyColumn(n);
      for (let i = 0; i < n; i++) {
        if (!years.has(yr[i])) continue;
        const kk = `${trait}:${rowKey(cc[i], yr[i])}`;
        const d = den.get(kk) ?? 0;
        col[i] = d > 0 ? (num.get(kk) ?? 0) / d : null;
      }
      out[name] = col;
    }
    return out;
  },
};

/** Add the contributor profile shares. Options used: `multiHost`, `kosovo`, `reportAlignment`. */
export function addContributorProfile(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, contributorProfileStep, input, overrides);
}
