import type { PanelRow } from "../panel/panel.js";

/** How many years without UN personnel must precede a year for it to count as an onset. */
export const CLEAN_YEARS = 3;

/** A country's UN deployment onset, or why it has none usable. */
export interface Onset {
  readonly ccode: number;
  readonly country: string;
  /** Every year of UN personnel that follows at least {@link CLEAN_YEARS} years without, in order. */
  readonly years: readonly number[];
  /** Years with UN personnel (`un_any` = 1). */
  readonly deployed: ReadonlySet<number>;
  /** True when UN personnel were present in the source's first years, so that start is not seen. */
  readonly leftCensored: boolean;
}

/**
 * UN deployment onsets from panel rows (`un_any`, calendar years): every year with
 * UN personnel that follows at least {@link CLEAN_YEARS} observed years without any.
 * A deployment under way before such a run (e.g. present since 1990) is left-censored
 * and gives no onset. Years with `un_any` missing (outside the source) break a run.
 */
export function unOnsets(rows: readonly PanelRow[]): Map<number, Onset> {
  const byCountry = new Map<number, PanelRow[]>();
  for (const r of rows) {
    const c = r.ccode as number;
    const list = byCountry.get(c) ?? [];
    list.push(r);
    byCountry.set(c, list);
  }
  const out = new Map<number, Onset>();
  for (const [ccode, list] of byCountry) {
    list.sort((a, b) => (a.year as number) - (b.year as number));
    let clean = 0;
    const years: number[] = [];
    const deployed = new Set<number>();
    let leftCensored = false;
    let seenAny = false;
    let prevOn = false;
    for (const r of list) {
      const v = r.un_any;
      if (v === null || v === undefined) {
        clean = 0;
        prevOn = false;
        continue;
      }
      if (v === 1) {
        deployed.add(r.year as number);
        if (!prevOn && clean >= CLEAN_YEARS) years.push(r.year as number);
        else if (!seenAny) leftCensored = true;
        seenAny = true;
        prevOn = true;
        clean = 0;
      } else {
        clean += 1;
        prevOn = false;
      }
    }
    out.set(ccode, { ccode, country: String(list[0].country), years, deployed, leftCensored });
  }
  return out;
}
