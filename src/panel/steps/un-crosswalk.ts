import { cowStatesSource, readCowStates } from "../../sources/cow-states.js";
import { readUnpkoCrosswalk, unpkoCrosswalkCsvSource } from "../../sources/unpko-crosswalk-csv.js";
import { panelCodes } from "../create-country-years.js";
import type { StepContext, StepSources } from "../pipeline.js";
import { allocate, checkConserves, type Allocation, type AllocationInputs } from "./un-allocation.js";
import { missionKey } from "./un-hosts.js";
import { loadMissionMaps } from "./un-locations.js";

/**
 * The UN PKO crosswalk as mission key -> host ISO-3 codes (Kosovo as XKX). Missions whose
 * rows name no host (the umbrella rows UNOSOM, UNEF, UNAVEM, and UNPF, UNFOR) are left out.
 */
export function loadUnCrosswalk(sources: StepSources): ReadonlyMap<string, readonly string[]> {
  return sources.load("unpko_crosswalk", [unpkoCrosswalkCsvSource], (dir) => {
    const map = new Map<string, string[]>();
    for (const r of readUnpkoCrosswalk(dir)) {
      if (r.hosts.length === 0) continue;
      const key = missionKey(r.mission);
      const list = map.get(key) ?? [];
      for (const h of r.hosts) if (!list.includes(h)) list.push(h);
      map.set(key, list);
    }
    return map;
  });
}

/** What `allocate` needs for a step: the options, the crosswalk's hosts by year, Geo-PKO maps and country codes. */
export function allocationInputs(ctx: StepContext): AllocationInputs {
  const codes = panelCodes(ctx.sources);
  const iso3ToCow = memoIso3ToCow(codes);
  const crosswalk = ctx.options.multiHost === "hq" ? new Map<string, readonly string[]>() : loadUnCrosswalk(ctx.sources);
  return {
    options: ctx.options,
    crosswalkHosts: (mission, year) => {
      const out: number[] = [];
      for (const iso of crosswalk.get(missionKey(mission)) ?? []) {
        const c = iso3ToCow(iso, year);
        if (c !== null && !out.includes(c)) out.push(c);
      }
      return out;
    },
    maps: ctx.options.multiHost === "located" ? loadMissionMaps(ctx.sources) : new Map(),
    codes,
    isStateMonth: loadStateMonths(ctx.sources),
  };
}

/**
 * COW system membership on a month's last day, from the state list's entry and exit dates
 * (`cow_states_v2016`). Spells the list closes on 2016-12-31, its version date, are read as
 * continuing. Codes the list does not have fall back on nothing: they are not states.
 */
export function loadStateMonths(sources: StepSources): (ccode: number, year: number, month: number) => boolean {
  const spells = sources.load("cow_state_spells", [cowStatesSource], (dir) => {
    const out = new Map<number, { from: number; to: number }[]>();
    for (const r of readCowStates(dir)) {
      const from = r.styear * 10000 + r.stmonth * 100 + r.stday;
      const open = r.endyear === r.version && r.endmonth === 12 && r.endday === 31;
      const to = open ? Infinity : r.endyear * 10000 + r.endmonth * 100 + r.endday;
      const list = out.get(r.ccode) ?? [];
      list.push({ from, to });
      out.set(r.ccode, list);
    }
    return out;
  });
  return (ccode, year, month) => {
    const last = year * 10000 + month * 100 + new Date(Date.UTC(year, month, 0)).getUTCDate();
    return (spells.get(ccode) ?? []).some((s) => s.from <= last && last <= s.to);
  };
}

/**
 * The allocator every UN step uses (so that the women-in-missions shares and the
 * personnel columns place a mission alike): mission, year, month and the source's hosts
 * -> host shares, checked for conservation except under `multiHost = full`.
 */
export function unAllocator(ctx: StepContext): (mission: string, year: number, month: number, sourceHosts: readonly number[]) => Allocation {
  const inputs = allocationInputs(ctx);
  return (mission, year, month, sourceHosts) => {
    const a = allocate(inputs, mission, year, month, sourceHosts);
    if (a.basis !== "full") checkConserves(a, mission, year, month);
    return a;
  };
}

/** `codes.iso3ToCow`, remembered per (ISO-3, year): failed lookups are slow and frequent here. */
export function memoIso3ToCow(codes: { iso3ToCow(iso3: string, year: number): number | null }): (iso3: string, year: number) => number | null {
  const memo = new Map<string, number | null>();
  return (iso3, year) => {
    const k = `${iso3}:${year}`;
    let v = memo.get(k);
    if (v === undefined) {
      v = codes.iso3ToCow(iso3, year);
      memo.set(k, v);
    }
    return v;
  };
}
