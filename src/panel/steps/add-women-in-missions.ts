import { ipiMissionMonthSource, readIpiMissionMonth } from "../../sources/ipi-mission-month.js";
import { ipiTccGenderSource, readIpiTccGender, type IpiTccGenderRow } from "../../sources/ipi-tcc-gender.js";
import { panelCodes } from "../create-country-years.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import { column, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader, type StepContext } from "../pipeline.js";
import { memoIso3ToCow, unAllocator } from "./un-crosswalk.js";
import { Unplaced } from "./join.js";
import { missionKey } from "./un-hosts.js";

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const base =
    "IPI contributor-by-sex file (2009-11 to 2014-02; no host column): each contributor-mission-month's personnel of each kind (troops, police, experts) " +
    `are divided among host countries by the same shares as the UN personnel columns (option multiHost = ${o.multiHost}; un_allocation), ` +
    `with Kosovo missions placed by option kosovo = ${o.kosovo}. The HQ country, where a mission has no other host, comes from the IPI mission-month file for the same mission (and month where it has one).`;
  return [
    {
      name: "un_female_share",
      type: "number",
      description: "Female share of UN uniformed personnel (troops, police, experts on mission) deployed in the country.",
      unit: "share 0..1",
      sources: [ipiTccGenderSource.id, ipiMissionMonthSource.id, "unpko_crosswalk_csv", "geopko_locations"],
      derivation: `${base} Sum over the host's missions, contributors and covered months of female personnel, divided by the same sum of all personnel. Missing outside 2009-2014 and where the host had no personnel in the file.`,
    },
    {
      name: "un_gender_personnel",
      type: "number",
      description: "UN uniformed personnel in the country according to the contributor-by-sex file: mean over the year's covered months.",
      unit: "persons (mean over months)",
      sources: [ipiTccGenderSource.id, ipiMissionMonthSource.id, "unpko_crosswalk_csv", "geopko_locations"],
      derivation: `${base} The denominator of un_female_share divided by the number of months of the year the file covers (2 in 2009, 2 in 2014). Missing outside 2009-2014.`,
    },
  ];
}

/** One contributor-mission-month of the gender file in one host (`ccode` null: a territory, named by `place`). */
export interface GenderRowShare {
  readonly ccode: number | null;
  readonly place: string;
  /** Uniformed personnel (troops, police, experts) the host's shares give it. */
  readonly total: number;
  readonly female: number;
}

/**
 * How rows of the IPI contributor-by-sex file are placed in hosts: the mission's HQ from the
 * IPI mission-month file (same month where it has one), then the UN columns' allocator, with
 * troops, police (individual and formed) and experts each by their own share. Shared by the
 * women-in-missions and contributor-profile steps so that both place the file alike.
 */
export function genderRowPlacer(ctx: StepContext): (g: IpiTccGenderRow) => GenderRowShare[] {
  const { sources } = ctx;
  const ipi = sources.load("ipi_mission_month", [ipiMissionMonthSource], readIpiMissionMonth);
  const iso3ToCow = memoIso3ToCow(panelCodes(sources));
  const allocate = unAllocator(ctx);
  const hqByMonth = new Map<string, string>();
  const hqAny = new Map<string, string>();
  for (const r of ipi) {
    hqByMonth.set(`${missionKey(r.mission)}:${r.date}`, r.hostIso3);
    hqAny.set(missionKey(r.mission), r.hostIso3);
  }
  return (g) => {
    const key = missionKey(g.mission);
    const iso = hqByMonth.get(`${key}:${g.date}`) ?? hqAny.get(key);
    const hq = iso === undefined ? null : iso3ToCow(iso, g.year);
    const a = allocate(g.mission, g.year, g.month, hq === null ? [] : [hq]);
    const police = g.individualPolice.total + g.formedPolice.total;
    const policeF = g.individualPolice.female + g.formedPolice.female;
    return a.shares.map((s) => ({
      ccode: s.ccode,
      place: s.place,
      total: g.troops.total * s.troops + police * s.police + g.experts.total * s.observers,
      female: g.troops.female * s.troops + policeF * s.police + g.experts.female * s.observers,
    }));
  };
}

/** Women in missions (IPI gender file, 2009-2014): `un_female_share`, `un_gender_personnel`. */
export const womenInMissionsStep: PanelStep = {
  name: "addWomenInMissions",
  requires: ["ccode", "year"],
  produces: ["un_female_share", "un_gender_personnel"],
  docs,
  compute(panel, ctx) {
    const gender = ctx.sources.load("ipi_tcc_gender", [ipiTccGenderSource], readIpiTccGender);
    const place = genderRowPlacer(ctx);
    const female = new Map<number, number>();
    const total = new Map<number, number>();
    const monthsInYear = new Map<number, Set<number>>();
    const unplaced = new Unplaced();
    for (const g of gender) {
      const months = monthsInYear.get(g.year) ?? new Set<number>();
      months.add(g.month);
      monthsInYear.set(g.year, months);
      for (const { ccode, place: where, total: t, female: f } of place(g)) {
        if (ccode === null) {
          if (t > 0) unplaced.add(`${g.mission} in ${where}`);
          continue;
        }
        const k = rowKey(ccode, g.year);
        female.set(k, (female.get(k) ?? 0) + f);
        total.set(k, (total.get(k) ?? 0) + t);
      }
    }
    unplaced.report(ctx, `contributor-mission-months of ${ipiTccGenderSource.file}`, "have no COW host and are left out, by mission");
    const n = panel.nrows;
    const share = emptyColumn(n);
    const personnel = emptyColumn(n);
    const cc = column(panel, "ccode") as readonly number[];
    const yr = column(panel, "year") as readonly number[];
    for (let i = 0; i < n; i++) {
      const months = monthsInYear.get(yr[i]);
      if (months === undefined) continue;
      const k = rowKey(cc[i], yr[i]);
      const t = total.get(k) ?? 0;
      personnel[i] = t / months.size;
      share[i] = t > 0 ? (female.get(k) ?? 0) / t : null;
    }
    return { un_female_share: share, un_gender_personnel: personnel };
  },
};

/** Add the female share of UN personnel per host-year. Options used: `multiHost`, `kosovo`. */
export function addWomenInMissions(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, womenInMissionsStep, input, overrides);
}
