import type { SourceLoader } from "../panel/pipeline.js";
import { geopkoLocationsSource, readGeopko, type GeopkoLocationRow } from "../sources/geopko-locations.js";

/** One contributor named on the Geo-PKO maps of a host-year, with its estimated troops. */
export interface GeopkoHostContributor {
  /** The name the maps give; "unknown" where a map names none. */
  readonly name: string;
  /** Estimated troops: per mission the mean over that mission-year's maps, summed over missions. */
  readonly troops: number;
}

/** A host's contributors in one year as Geo-PKO's maps draw them (troops only, estimated from unit symbols). */
export interface GeopkoHostYear {
  readonly year: number;
  /** Missions and maps behind the year. */
  readonly missions: readonly string[];
  readonly maps: number;
  readonly troops: number;
  /** Largest first. */
  readonly contributors: readonly GeopkoHostContributor[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Geo-PKO's contributors per host-year: each location's contributors and estimated troops go to
 * the location's country (split equally where the file gives two, as on the Ethiopia/Eritrea
 * border); a mission-year with several maps counts the mean over its maps. Hosts are the file's
 * COW codes (current codes, as the file writes them). Troops only: police and observers are not
 * counted, and small contingents no map draws are absent.
 */
export function geopkoByHostYear(rows: readonly GeopkoLocationRow[]): Map<number, GeopkoHostYear[]> {
  const mapsOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = `${r.mission}|${r.year}`;
    const s = mapsOf.get(k) ?? new Set<string>();
    s.add(`${r.map}|${r.month}`);
    mapsOf.set(k, s);
  }
  type Acc = { missions: Set<string>; maps: Set<string>; by: Map<string, number> };
  const acc = new Map<string, Acc>();
  for (const r of rows) {
    const nMaps = mapsOf.get(`${r.mission}|${r.year}`)!.size;
    for (const host of r.countryCow) {
      const k = `${host}|${r.year}`;
      const a = acc.get(k) ?? { missions: new Set(), maps: new Set(), by: new Map() };
      a.missions.add(r.mission);
      a.maps.add(`${r.mission}|${r.map}|${r.month}`);
      for (const c of r.contributors) {
        const name = c.name ?? "unknown";
        a.by.set(name, (a.by.get(name) ?? 0) + (c.troops ?? 0) / r.countryCow.length / nMaps);
      }
      acc.set(k, a);
    }
  }
  const out = new Map<number, GeopkoHostYear[]>();
  for (const [k, a] of acc) {
    const [host, year] = k.split("|").map(Number);
    const contributors = [...a.by].map(([name, t]) => ({ name, troops: round1(t) })).sort((x, y) => y.troops - x.troops || x.name.localeCompare(y.name));
    const list = out.get(host) ?? [];
    list.push({ year, missions: [...a.missions].sort(), maps: a.maps.size, troops: round1([...a.by.values()].reduce((s, t) => s + t, 0)), contributors });
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
