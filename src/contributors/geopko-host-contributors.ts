import type { SourceLoader } from "../panel/pipeline.js";
import { geopkoLocationsSource, readGeopko, type GeopkoLocationRow } from "../sources/geopko-locations.js";

/**
 * One contributor named on the Geo-PKO maps of a host-year, with its estimated troops.
 * Where a map gives the contributor at a location but no troop number (`unknown` or `NA` in
 * the file), that location adds nothing to `troops` and one to `unknownAt`: `troops` is then a
 * lower bound, and null when no location of the year gives a number.
 */
export interface GeopkoHostContributor {
  /** The name the maps give; "unknown" where a map names none. */
  readonly name: string;
  /**
   * Estimated troops over the locations whose number is known: per mission the mean over that
   * mission-year's maps, summed over missions. Null when every count is unknown (never 0 for that).
   */
  readonly troops: number | null;
  /**
   * Location rows (one location on one map; a location drawn on two maps of the year counts twice,
   * not divided by the number of maps) where this contributor's troops are unknown. 0: all known.
   */
  readonly unknownAt: number;
}

/** A host's contributors in one year as Geo-PKO's maps draw them (troops only, estimated from unit symbols). */
export interface GeopkoHostYear {
  readonly year: number;
  /** Missions and maps behind the year. */
  readonly missions: readonly string[];
  readonly maps: number;
  /**
   * Sum of the contributors' known troops; a lower bound when `unknownAt` > 0, null when no
   * contributor's count is known at any location (0 only where the maps list no contributor).
   */
  readonly troops: number | null;
  /** Location rows (as `GeopkoHostContributor.unknownAt`) where at least one contributor's troops are unknown. */
  readonly unknownAt: number;
  /** Largest first; contributors whose troops are all unknown last, by name. */
  readonly contributors: readonly GeopkoHostContributor[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Geo-PKO's contributors per host-year: each location's contributors and estimated troops go to
 * the location's country (split equally where the file gives two, as on the Ethiopia/Eritrea
 * border); a mission-year with several maps counts the mean over its maps. Hosts are the file's
 * COW codes (current codes, as the file writes them). Troops only: police and observers are not
 * counted, and small contingents no map draws are absent. A contributor named at a location
 * without a troop number is not drawn as 0: the location is counted in `unknownAt` (of the
 * contributor and of the host-year, once per location row and host), and a contributor or
 * host-year with no known number at all has `troops: null`.
 */
export function geopkoByHostYear(rows: readonly GeopkoLocationRow[]): Map<number, GeopkoHostYear[]> {
  const mapsOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = `${r.mission}|${r.year}`;
    const s = mapsOf.get(k) ?? new Set<string>();
    s.add(`${r.map}|${r.month}`);
    mapsOf.set(k, s);
  }
  type By = { troops: number; known: boolean; unknownAt: number };
  type Acc = { missions: Set<string>; maps: Set<string>; unknownAt: number; by: Map<string, By> };
  const acc = new Map<string, Acc>();
  for (const r of rows) {
    const nMaps = mapsOf.get(`${r.mission}|${r.year}`)!.size;
    // A name listed twice at one location (a known and an unknown unit) counts the location once.
    const unknownHere = new Set(r.contributors.filter((c) => c.troops === null).map((c) => c.name ?? "unknown"));
    for (const host of r.countryCow) {
      const k = `${host}|${r.year}`;
      const a = acc.get(k) ?? { missions: new Set(), maps: new Set(), unknownAt: 0, by: new Map() };
      a.missions.add(r.mission);
      a.maps.add(`${r.mission}|${r.map}|${r.month}`);
      if (unknownHere.size > 0) a.unknownAt++;
      for (const c of r.contributors) {
        const name = c.name ?? "unknown";
        const b = a.by.get(name) ?? { troops: 0, known: false, unknownAt: 0 };
        if (c.troops !== null) {
          b.troops += c.troops / r.countryCow.length / nMaps;
          b.known = true;
        }
        a.by.set(name, b);
      }
      for (const name of unknownHere) a.by.get(name)!.unknownAt++;
      acc.set(k, a);
    }
  }
  const out = new Map<number, GeopkoHostYear[]>();
  for (const [k, a] of acc) {
    const [host, year] = k.split("|").map(Number);
    const contributors = [...a.by]
      .map(([name, b]) => ({ name, troops: b.known ? round1(b.troops) : null, unknownAt: b.unknownAt }))
      .sort((x, y) => (y.troops ?? -1) - (x.troops ?? -1) || x.name.localeCompare(y.name));
    const known = [...a.by.values()].filter((b) => b.known);
    const troops = known.length > 0 ? round1(known.reduce((s, b) => s + b.troops, 0)) : a.unknownAt > 0 ? null : 0;
    const list = out.get(host) ?? [];
    list.push({ year, missions: [...a.missions].sort(), maps: a.maps.size, troops, unknownAt: a.unknownAt, contributors });
    out.set(host, list);
  }
  for (const list of out.values()) list.sort((x, y) => x.year - y.year);
  return out;
}

/** Geo-PKO's contributors by host (COW code, as the file writes it), with a note on what they measure. */
export function geopkoHostContributors(loader: SourceLoader): { source: { id: string; file: string; years: readonly [number, number]; what: string }; byHost: (ccode: number) => readonly GeopkoHostYear[] } {
  const rows = loader.load("geopko_locations", [geopkoLocationsSource], readGeopko);
  const byHost = geopkoByHostYear(rows);
  const years = rows.map((r) => r.year);
  return {
    source: {
      id: geopkoLocationsSource.id,
      file: geopkoLocationsSource.file,
      years: [Math.min(...years), Math.max(...years)],
      what: "Geo-PKO: contributors named at each deployment location on the UN's maps, troops estimated from the unit symbols drawn (troops only; police, observers and small contingents no map draws are missing; about one map per mission-year; missions without maps absent)",
    },
    byHost: (ccode) => byHost.get(ccode) ?? [],
  };
}
