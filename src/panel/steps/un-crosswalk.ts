import { parse } from "csv-parse/sync";
import { readVerified } from "../../sources/verify.js";
import { unpkoCrosswalkCsvSource } from "../../sources/unpko-crosswalk-csv.js";
import { panelCodes } from "../create-country-years.js";
import type { StepContext, StepSources } from "../pipeline.js";
import { makeHostResolver, missionKey } from "./un-hosts.js";

/**
 * The UN PKO crosswalk as mission key -> host ISO-3 codes. Rows without a host (the
 * umbrella rows UNPF, UNOSOM, UNEF, UNAVEM, UNFOR, which also lack the trailing field)
 * are left out.
 */
export function loadUnCrosswalk(sources: StepSources): ReadonlyMap<string, readonly string[]> {
  return sources.load("unpko_crosswalk", [unpkoCrosswalkCsvSource], (dir) => {
    const text = readVerified(dir, unpkoCrosswalkCsvSource).toString("utf8");
    const records = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    const map = new Map<string, string[]>();
    for (const rec of records.slice(1)) {
      const iso = (rec[2] ?? "").trim();
      if (iso === "") continue;
      const mission = missionKey(rec[0]);
      const list = map.get(mission) ?? [];
      if (!list.includes(iso)) list.push(iso);
      map.set(mission, list);
    }
    return map;
  });
}

/** The host resolver for a step: crosswalk, country codes and options. */
export function unHostResolver(ctx: StepContext): (mission: string, year: number, sourceHosts: readonly number[]) => number[] {
  const codes = panelCodes(ctx.sources);
  const crosswalk = ctx.options.multiHost === "crosswalk" ? loadUnCrosswalk(ctx.sources) : new Map<string, string[]>();
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
