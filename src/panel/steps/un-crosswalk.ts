import { readUnpkoCrosswalk, unpkoCrosswalkCsvSource } from "../../sources/unpko-crosswalk-csv.js";
import { panelCodes } from "../create-country-years.js";
import type { StepContext, StepSources } from "../pipeline.js";
import { makeHostResolver, missionKey } from "./un-hosts.js";

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

/** The host resolver for a step: crosswalk, country codes and options. */
export function unHostResolver(ctx: StepContext): (mission: string, year: number, sourceHosts: readonly number[]) => number[] {
  const codes = panelCodes(ctx.sources);
  const crosswalk = ctx.options.multiHost !== "hq" ? loadUnCrosswalk(ctx.sources) : new Map<string, string[]>();
  return makeHostResolver(crosswalk, memoIso3ToCow(codes), ctx.options);
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
