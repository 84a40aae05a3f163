import { geopkoLocationsSource, readGeopko, type GeopkoLocationRow } from "../../sources/geopko-locations.js";
import type { StepSources } from "../pipeline.js";
import { monthIndex } from "./un-aggregate.js";
import { missionKey } from "./un-hosts.js";

/** Weights of the places a mission's personnel served in, by kind of personnel; each sums to 1 over places. */
export interface PlaceShares {
  /** Place (a Geo-PKO country name, e.g. `Eritrea`, `Ethiopia/Eritrea`, `Western Sahara`) -> share. */
  readonly troops: ReadonlyMap<string, number>;
  readonly police: ReadonlyMap<string, number>;
  readonly observers: ReadonlyMap<string, number>;
  /** Share of all deployment locations (for personnel the source does not break down by kind). */
  readonly all: ReadonlyMap<string, number>;
}

/** One mission's deployment map (or maps of the same month, merged) as place shares. */
export interface MissionMap {
  /** Month index of the map (`year * 12 + month - 1`). */
  readonly month: number;
  /** The maps merged (a month with two revisions of a map, e.g. `Rev. 5` and `Rev. 05`). */
  readonly maps: readonly string[];
  readonly shares: PlaceShares;
}

/**
 * Place shares from one mission-month's Geo-PKO locations. Troops go by the estimated
 * troops at each location (`no.troops`, where known), or by the count of locations when
 * the map gives no troops at all (observer missions such as UNMOGIP and UNTSO); police by
 * the count of locations with police (`unpol.dummy`), observers by the count with military
 * observers (`unmo.dummy`), each falling back on the count of all locations when no
 * location has that kind. Geo-PKO draws no head-counts of police or observers, so counting
 * their locations is the closest the data come.
 */
export function placeShares(locations: readonly GeopkoLocationRow[]): PlaceShares {
  const all = weights(locations, () => 1);
  const troopsKnown = locations.some((l) => (l.troops ?? 0) > 0);
  return {
    troops: troopsKnown ? weights(locations, (l) => l.troops ?? 0) : all,
    police: locations.some((l) => l.police) ? weights(locations, (l) => (l.police ? 1 : 0)) : all,
    observers: locations.some((l) => l.observers) ? weights(locations, (l) => (l.observers ? 1 : 0)) : all,
    all,
  };
}

function weights(locations: readonly GeopkoLocationRow[], w: (l: GeopkoLocationRow) => number): Map<string, number> {
  const sums = new Map<string, number>();
  let total = 0;
  for (const l of locations) {
    const v = w(l);
    if (v <= 0) continue;
    sums.set(l.country, (sums.get(l.country) ?? 0) + v);
    total += v;
  }
  const out = new Map<string, number>();
  for (const [place, v] of [...sums].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out.set(place, v / total);
  return out;
}

/**
 * Every mission's Geo-PKO maps as place shares, by mission key, sorted by month. Two
 * maps of one mission in the same month (revisions of one map) are merged by pooling
 * their locations.
 */
export function missionMaps(rows: readonly GeopkoLocationRow[]): Map<string, MissionMap[]> {
  const groups = new Map<string, Map<number, GeopkoLocationRow[]>>();
  for (const r of rows) {
    const k = missionKey(r.mission);
    let byMonth = groups.get(k);
    if (byMonth === undefined) groups.set(k, (byMonth = new Map()));
    const m = monthIndex(r.year, r.month);
    const list = byMonth.get(m) ?? [];
    list.push(r);
    byMonth.set(m, list);
  }
  const out = new Map<string, MissionMap[]>();
  for (const [k, byMonth] of groups) {
    const maps = [...byMonth]
      .sort((a, b) => a[0] - b[0])
      .map(([month, locs]) => ({ month, maps: [...new Set(locs.map((l) => l.map))].sort(), shares: placeShares(locs) }));
    out.set(k, maps);
  }
  return out;
}

/** The Geo-PKO maps of every mission, read once per build. */
export function loadMissionMaps(sources: StepSources): ReadonlyMap<string, readonly MissionMap[]> {
  return sources.load("geopko_mission_maps", [geopkoLocationsSource], (dir) => missionMaps(readGeopko(dir)));
}

/**
 * The map nearest to `month` within `window` months (ties go to the earlier map), or null.
 * @param maps one mission's maps, sorted by month.
 */
export function nearestMap(maps: readonly MissionMap[], month: number, window: number): MissionMap | null {
  let best: MissionMap | null = null;
  let bestGap = Infinity;
  for (const m of maps) {
    const gap = Math.abs(m.month - month);
    if (gap < bestGap) {
      best = m;
      bestGap = gap;
    }
  }
  return best !== null && bestGap <= window ? best : null;
}
