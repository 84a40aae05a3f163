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

/** Normalise a mission acronym for matching across files (case, spaces). */
export function missionKey(mission: string): string {
  return mission.trim().toUpperCase().replace(/\s+/g, " ");
}

/**
 * Decides the host countries of a UN mission in a year.
 * @param crosswalk mission key -> host ISO-3 codes (from `unpko_country_crosswalk.csv`).
 * @param iso3ToCow ISO-3 (KSV accepted) in a year -> COW code, or null.
 */
export function makeHostResolver(
  crosswalk: ReadonlyMap<string, readonly string[]>,
  iso3ToCow: (iso3: string, year: number) => number | null,
  options: Pick<ResolvedPanelOptions, "multiHost" | "kosovo">,
): (mission: string, year: number, sourceHosts: readonly number[]) => number[] {
  return (mission, year, sourceHosts) => {
    const key = missionKey(mission);
    if (KOSOVO_MISSIONS.has(key)) return [kosovoHost(year, options.kosovo)];
    if (options.multiHost !== "hq") {
      const isos = crosswalk.get(key);
      if (isos !== undefined) {
        const hosts: number[] = [];
        for (const iso of isos) {
          const c = iso3ToCow(iso, year);
          if (c !== null && !hosts.includes(c)) hosts.push(c);
        }
        if (hosts.length > 0) return hosts;
      }
      return dedupe(sourceHosts);
    }
    return sourceHosts.length > 0 ? [sourceHosts[0]] : [];
  };
}

function dedupe(xs: readonly number[]): number[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}
