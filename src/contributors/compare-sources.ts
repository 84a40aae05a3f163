import { panelCodes } from "../panel/create-country-years.js";
import type { SourceLoader } from "../panel/pipeline.js";
import { memoIso3ToCow } from "../panel/steps/un-crosswalk.js";
import { missionKey } from "../panel/steps/un-hosts.js";
import { geopkoLocationsSource, readGeopko } from "../sources/geopko-locations.js";
import { ipiTccGenderSource, readIpiTccGender } from "../sources/ipi-tcc-gender.js";

/** How Geo-PKO's contributors per location agree with the IPI contributor file, on the mission-months both cover. */
export interface SourceAgreement {
  /** Geo-PKO maps (mission x year x month) whose month the IPI file also has for that mission. */
  readonly maps: number;
  /** Median over maps: share of IPI's troop contributors that the map names. */
  readonly medianNamed: number;
  /** Median over maps: share of the map's contributors that IPI has troops from that month. */
  readonly medianConfirmed: number;
  /** Median over maps: Geo-PKO's estimated troops (sum over contributors) / IPI's troops. */
  readonly medianTroopRatio: number;
  /** Maps that do not name the mission's largest IPI troop contributor that month. */
  readonly mapsMissingLargest: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/**
 * Compare the two contributor sources where they overlap (2009-11 to 2014-02): per Geo-PKO map,
 * the contributors with estimated troops > 0 against the IPI file's contributors with troops > 0
 * in the same mission and month (COW codes), and the troop totals.
 */
export function compareContributorSources(loader: SourceLoader): SourceAgreement {
  const geo = loader.load("geopko_locations", [geopkoLocationsSource], readGeopko);
  const ipi = loader.load("ipi_tcc_gender", [ipiTccGenderSource], readIpiTccGender);
  const iso3ToCow = memoIso3ToCow(panelCodes(loader));
  const ipiBy = new Map<string, Map<number, number>>();
  for (const r of ipi) {
    if (r.troops.total <= 0) continue;
    const c = iso3ToCow(r.contributorIso3, r.year);
    if (c === null) continue;
    const k = `${missionKey(r.mission)}:${r.year}:${r.month}`;
    const m = ipiBy.get(k) ?? new Map<number, number>();
    m.set(c, (m.get(c) ?? 0) + r.troops.total);
    ipiBy.set(k, m);
  }
  const geoBy = new Map<string, Map<number, number>>();
  for (const r of geo) {
    const k = `${missionKey(r.mission)}:${r.year}:${r.month}`;
    if (!ipiBy.has(k)) continue;
    const m = geoBy.get(k) ?? new Map<number, number>();
    for (const c of r.contributors) {
      if (c.cow === null) continue;
      m.set(c.cow, (m.get(c.cow) ?? 0) + (c.troops ?? 0));
    }
    geoBy.set(k, m);
  }
  const named: number[] = [];
  const confirmed: number[] = [];
  const ratio: number[] = [];
  let missingLargest = 0;
  for (const [k, g] of geoBy) {
    const i = ipiBy.get(k)!;
    const gSet = new Set([...g.keys()]);
    named.push([...i.keys()].filter((c) => gSet.has(c)).length / i.size);
    if (gSet.size > 0) confirmed.push([...gSet].filter((c) => i.has(c)).length / gSet.size);
    const it = [...i.values()].reduce((a, b) => a + b, 0);
    const gt = [...g.values()].reduce((a, b) => a + b, 0);
    if (it > 0 && gt > 0) ratio.push(gt / it);
    const largest = [...i.entries()].sort((a, b) => b[1] - a[1])[0][0];
    if (!gSet.has(largest)) missingLargest++;
  }
  return { maps: geoBy.size, medianNamed: median(named), medianConfirmed: median(confirmed), medianTroopRatio: median(ratio), mapsMissingLargest: missingLargest };
}
