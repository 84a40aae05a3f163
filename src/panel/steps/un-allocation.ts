import type { CountryCodes } from "../../codes/country-codes.js";
import { PanelInvariantError } from "../validate.js";
import type { ResolvedPanelOptions } from "../options.js";
import { nearestMap, type MissionMap, type PlaceShares } from "./un-locations.js";
import { KOSOVO_MISSIONS, kosovoHost, missionKey } from "./un-hosts.js";

/** How a mission-month's personnel were placed in hosts. */
export type AllocationBasis =
  /** The mission has one host in the crosswalk and the source, and no location data. */
  | "single-host"
  /** Geo-PKO's deployment locations (the mission's nearest map within the window). */
  | "located"
  /** The mission's area of operations lies in one country ({@link AREA_RULES}). */
  | "area"
  /** Divided equally among the crosswalk's hosts. */
  | "equal-split"
  /** The source's HQ country (option multiHost = hq). */
  | "hq"
  /** The whole mission in every crosswalk host (option multiHost = full; not conserved). */
  | "full"
  /** UNMIK, KFOR and EULEX, placed by the kosovo option. */
  | "kosovo";

/** One host's share of a mission-month, by kind of personnel. `ccode` null: a territory that is not a state then. */
export interface HostShare {
  readonly ccode: number | null;
  /** The place as named by the rule or the location data (for messages about territories). */
  readonly place: string;
  readonly troops: number;
  readonly police: number;
  readonly observers: number;
  /** Share of personnel the source does not break down by kind. */
  readonly other: number;
}

/** A mission-month's placement. */
export interface Allocation {
  readonly basis: AllocationBasis;
  readonly shares: readonly HostShare[];
}

/** A mission whose area of operations lies in one country, used when no map is near. */
export interface AreaRule {
  readonly mission: string;
  /** A country name the crosswalk resolves (e.g. `Eritrea`). */
  readonly place: string;
  /** Why the personnel served there. */
  readonly reason: string;
}

/**
 * Multi-host missions whose personnel served, in practice, in one country. Used under
 * `multiHost = located` for months without a Geo-PKO map within the window (UNMEE before
 * 2004, UNDOF before 1992); months with a map follow the map.
 */
export const AREA_RULES: readonly AreaRule[] = Object.freeze([
  {
    mission: "UNDOF",
    place: "Syria",
    reason: "the area of separation of the 1974 Disengagement Agreement lies in Syrian territory on the Golan; Geo-PKO places every UNDOF location in Syria (71 maps, 1994-2020)",
  },
  {
    mission: "UNMEE",
    place: "Eritrea",
    reason: "the Temporary Security Zone of the 2000 Algiers agreement was a 25 km strip inside Eritrea; Geo-PKO's maps of 2006-08 put 73% of UNMEE's estimated troops in Eritrea",
  },
  {
    mission: "MINURSO",
    place: "Western Sahara",
    reason: "MINURSO's team sites and headquarters are in Western Sahara (Geo-PKO codes every location there), not in Morocco, which the crosswalk lists; Western Sahara is not a COW state, so MINURSO is in no host",
  },
  {
    mission: "UNISFA",
    place: "Sudan",
    reason: "the Abyei Area is administered from Sudan's side of the 1956 line pending its final status; Geo-PKO codes every UNISFA location Sudan",
  },
]);

/**
 * Location names whose state depends on the date (Geo-PKO uses current names), resolved
 * before the crosswalk's name matching.
 */
const PLACE_RULES: Readonly<Record<string, (year: number, month: number, kosovo: ResolvedPanelOptions["kosovo"]) => readonly [number, number][]>> = {
  // Eight UNMEE locations on the border are coded to both countries: half each.
  "Ethiopia/Eritrea": () => [[530, 0.5], [531, 0.5]],
  // Montenegro was part of Serbia and Montenegro (COW 345) until its entry on 2006-06-03.
  Montenegro: (y, m) => [[y * 12 + m < 2006 * 12 + 6 ? 345 : 341, 1]],
  // Geo-PKO writes Macedonia by its current name, which the country tables do not know (COW 343).
  "North Macedonia": () => [[343, 1]],
  // South Sudan became a state on 2011-07-09 (COW 626); before, Sudan (625).
  "South Sudan": (y, m) => [[y * 12 + m < 2011 * 12 + 7 ? 625 : 626, 1]],
  Kosovo: (y, _m, k) => [[kosovoHost(y, k), 1]],
};

/** What allocation needs besides the options: crosswalk hosts, maps, and country codes. */
export interface AllocationInputs {
  readonly options: Pick<ResolvedPanelOptions, "multiHost" | "kosovo" | "locationWindow">;
  /** Mission key -> host COW codes in a year (from the crosswalk). */
  readonly crosswalkHosts: (mission: string, year: number) => readonly number[];
  readonly maps: ReadonlyMap<string, readonly MissionMap[]>;
  readonly codes: Pick<CountryCodes, "matchCountryName" | "isCowState">;
  /**
   * Whether a COW state is a member of the system on the last day of a month (the date of
   * the mission-month figures); defaults to `codes.isCowState` for the year.
   */
  readonly isStateMonth?: (ccode: number, year: number, month: number) => boolean;
}

/**
 * Place one mission-month. `sourceHosts` are the hosts the source names (IPI's HQ
 * country; Kathman's one or two codes). Shares of each kind sum to 1 over the result,
 * except under `multiHost = full`.
 */
export function allocate(inp: AllocationInputs, mission: string, year: number, month: number, sourceHosts: readonly number[]): Allocation {
  const a = allocateHosts(inp, mission, year, month, sourceHosts);
  const member = inp.isStateMonth;
  // multiHost = full reproduces version 0.1, which checked membership by year.
  if (member === undefined || a.basis === "kosovo" || a.basis === "full") return a;
  // A host that is a state later in the year (Macedonia before 1993-04, East Timor before 2002-09) is not one yet.
  return {
    basis: a.basis,
    shares: a.shares.map((s) => (s.ccode !== null && !member(s.ccode, year, month) ? { ...s, ccode: null, place: s.place === String(s.ccode) ? `${missionKey(mission)} (no host)` : s.place } : s)),
  };
}

function allocateHosts(inp: AllocationInputs, mission: string, year: number, month: number, sourceHosts: readonly number[]): Allocation {
  const key = missionKey(mission);
  const o = inp.options;
  if (KOSOVO_MISSIONS.has(key)) return whole("kosovo", [kosovoHost(year, o.kosovo)], mission);
  if (o.multiHost === "hq") return whole("hq", sourceHosts.slice(0, 1), mission);
  const listed = inp.crosswalkHosts(key, year);
  const hosts = listed.length > 0 ? listed : dedupe(sourceHosts);
  if (o.multiHost === "full") {
    return { basis: "full", shares: hosts.map((c) => ({ ccode: c, place: String(c), troops: 1, police: 1, observers: 1, other: 1 })) };
  }
  if (o.multiHost === "split") return whole(hosts.length > 1 ? "equal-split" : "single-host", hosts, mission);
  const map = nearestMap(inp.maps.get(key) ?? [], year * 12 + month - 1, o.locationWindow);
  if (map !== null) return { basis: "located", shares: fromPlaces(inp, map.shares, year, month) };
  const rule = AREA_RULES.find((r) => r.mission === key);
  if (rule !== undefined) {
    return { basis: "area", shares: fromPlaces(inp, { troops: one(rule.place), police: one(rule.place), observers: one(rule.place), all: one(rule.place) }, year, month) };
  }
  return whole(hosts.length > 1 ? "equal-split" : "single-host", hosts, mission);
}

/** Equal shares among `hosts`; no host gives one unplaced share named after the mission. */
function whole(basis: AllocationBasis, hosts: readonly number[], mission: string): Allocation {
  if (hosts.length === 0) return { basis, shares: [{ ccode: null, place: `${mission} (no host)`, troops: 1, police: 1, observers: 1, other: 1 }] };
  const w = 1 / hosts.length;
  return { basis, shares: hosts.map((c) => ({ ccode: c, place: String(c), troops: w, police: w, observers: w, other: w })) };
}

function one(place: string): Map<string, number> {
  return new Map([[place, 1]]);
}

/** Turn place shares into host shares for a year; places that are not states that year keep a null code. */
function fromPlaces(inp: AllocationInputs, s: PlaceShares, year: number, month: number): HostShare[] {
  const acc = new Map<string, { ccode: number | null; place: string; troops: number; police: number; observers: number; other: number }>();
  const kinds = [["troops", s.troops], ["police", s.police], ["observers", s.observers], ["other", s.all]] as const;
  for (const [kind, shares] of kinds) {
    for (const [place, w] of shares) {
      for (const [ccode, part] of placeHosts(inp, place, year, month)) {
        const k = ccode === null ? `territory:${place}` : `state:${ccode}`;
        let a = acc.get(k);
        if (a === undefined) acc.set(k, (a = { ccode, place, troops: 0, police: 0, observers: 0, other: 0 }));
        a[kind] += w * part;
      }
    }
  }
  return [...acc.values()].sort((a, b) => (a.ccode ?? Infinity) - (b.ccode ?? Infinity) || (a.place < b.place ? -1 : 1));
}

/** A place name in a year -> [COW code or null for a territory, part]. */
function placeHosts(inp: AllocationInputs, place: string, year: number, month: number): readonly [number | null, number][] {
  const rule = PLACE_RULES[place];
  const list: readonly [number | null, number][] = rule !== undefined
    ? rule(year, month, inp.options.kosovo)
    : [[inp.codes.matchCountryName(place, year)?.ccode ?? null, 1]];
  return list.map(([c, w]) => [c !== null && inp.codes.isCowState(c, year) ? c : null, w]);
}

function dedupe(xs: readonly number[]): number[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}

/**
 * Check that an allocation conserves personnel: for each kind, shares sum to 1 (within
 * 1e-9). Raises a PanelInvariantError naming the mission and month otherwise. Not called
 * for `multiHost = full`, which counts the mission in every host on purpose.
 */
export function checkConserves(a: Allocation, mission: string, year: number, month: number): void {
  for (const kind of ["troops", "police", "observers", "other"] as const) {
    const sum = a.shares.reduce((t, s) => t + s[kind], 0);
    if (Math.abs(sum - 1) > 1e-9 || a.shares.some((s) => s[kind] < 0)) {
      throw new PanelInvariantError(
        `allocation of ${mission} in ${year}-${String(month).padStart(2, "0")} does not conserve ${kind}: host shares sum to ${sum.toPrecision(6)}, expected 1 (basis ${a.basis})`,
      );
    }
  }
}
