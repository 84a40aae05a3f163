import type { ResolvedPanelOptions } from "../options.js";

/** The COW code of Kosovo, a state-system member from 2008. */
export const KOSOVO = 347;
/** The COW code of Yugoslavia / Serbia and Montenegro / Serbia. */
export const SERBIA = 345;
/** The year Kosovo enters the COW state system. */
export const KOSOVO_ENTRY = 2008;

/** Missions located in Kosovo, placed by the `kosovo` option rather than by the sources' host codes. */
export const KOSOVO_MISSIONS: ReadonlySet<string> = new Set(["UNMIK", "KFOR", "EULEX"]);

/** Where a Kosovo mission is counted in `year` under the `kosovo` option. */
export function kosovoHost(year: number, placement: ResolvedPanelOptions["kosovo"]): number {
  if (placement === "serbia") return SERBIA;
  if (placement === "kosovo") return KOSOVO;
  return year < KOSOVO_ENTRY ? SERBIA : KOSOVO;
}

const MISSION_KEYS = new Map<string, string>();

/** Normalise a mission acronym for matching across files (case, spaces). Memoized: the files name a few hundred missions, on every row. */
export function missionKey(mission: string): string {
  let k = MISSION_KEYS.get(mission);
  if (k === undefined) {
    k = mission.trim().toUpperCase().replace(/\s+/g, " ");
    MISSION_KEYS.set(mission, k);
  }
  return k;
}
