import { gdpPopFarissSource, readGdpPopFariss } from "../../sources/gdp-pop-fariss.js";
import { maddisonSource, readMaddison, type MaddisonRow } from "../../sources/maddison.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import { column, rowIndex, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader, type StepSources } from "../pipeline.js";

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const how: Record<ResolvedPanelOptions["gdp"], string> = {
    "fariss-maddison":
      "Fariss et al. latent estimates (option gdp = fariss-maddison) joined on COW code and year; for years after a country's last Fariss year, Maddison Project 2023 (joined on the row's ISO-3) scaled by the ratio Fariss/Maddison in that last year, so the series continues without a jump. Missing where neither applies (no Fariss value, or no Maddison value in the year or the last Fariss year).",
    fariss: "Fariss et al. latent estimates only (option gdp = fariss), joined on COW code and year.",
    maddison:
      "Maddison Project 2023 only (option gdp = maddison), joined on the row's ISO-3 code; population converted from thousands to millions.",
  };
  const src = o.gdp === "fariss" ? [gdpPopFarissSource.id] : o.gdp === "maddison" ? [maddisonSource.id] : [gdpPopFarissSource.id, maddisonSource.id];
  return [
    {
      name: "gdppc",
      type: "number",
      description: "Real GDP per capita.",
      unit: "2011 international dollars",
      sources: src,
      derivation: `Fariss column mrgdppc / Maddison column gdppc. ${how[o.gdp]}`,
    },
    {
      name: "pop",
      type: "number",
      description: "Population.",
      unit: "millions of persons",
      sources: src,
      derivation: `Fariss column pwtpop / Maddison column pop (thousands, divided by 1000). ${how[o.gdp]}`,
    },
    {
      name: "gdppc_source",
      type: "string",
      description: "Which series gives gdppc and pop on this row.",
      unit: "label: fariss or maddison",
      sources: [],
      derivation: "fariss or maddison; missing where gdppc and pop are both missing.",
    },
  ];
}

function maddisonIndex(sources: StepSources): Map<string, MaddisonRow> {
  return sources.load("maddison_index", [maddisonSource], (d) => new Map(readMaddison(d).map((r) => [`${r.iso3}:${r.year}`, r])));
}

/** GDP per capita and population: `gdppc`, `pop`, `gdppc_source`. */
export const economyStep: PanelStep = {
  name: "addEconomy",
  requires: ["ccode", "iso3", "year"],
  produces: ["gdppc", "pop", "gdppc_source"],
  docs,
  compute(panel, { options, sources }) {
    const n = panel.nrows;
    const gdppc = emptyColumn(n);
    const pop = emptyColumn(n);
    const src: (string | null)[] = new Array<string | null>(n).fill(null);
    const iso = column(panel, "iso3") as readonly (string | null)[];
    const yr = column(panel, "year") as readonly number[];
    const cc = column(panel, "ccode") as readonly number[];
    if (options.gdp === "maddison") {
      const m = maddisonIndex(sources);
      for (let i = 0; i < n; i++) {
        const r = iso[i] === null ? undefined : m.get(`${iso[i]}:${yr[i]}`);
        if (r === undefined) continue;
        gdppc[i] = r.gdppc;
        pop[i] = r.pop === null ? null : r.pop / 1000;
        if (r.gdppc !== null || r.pop !== null) src[i] = "maddison";
      }
      return { gdppc, pop, gdppc_source: src };
    }
    const rows = sources.load("gdp_pop_fariss", [gdpPopFarissSource], readGdpPopFariss);
    const idx = rowIndex(panel);
    const lastYear = new Map<number, number>();
    const fariss = new Map<number, { gdppc: number | null; pop: number | null }>();
    for (const r of rows) {
      if (r.mrgdppc !== null && (lastYear.get(r.ccode) ?? -Infinity) < r.year) lastYear.set(r.ccode, r.year);
      fariss.set(rowKey(r.ccode, r.year), { gdppc: r.mrgdppc, pop: r.pwtpop });
      const i = idx.get(rowKey(r.ccode, r.year));
      if (i === undefined) continue;
      gdppc[i] = r.mrgdppc;
      pop[i] = r.pwtpop;
      if (r.mrgdppc !== null || r.pwtpop !== null) src[i] = "fariss";
    }
    if (options.gdp === "fariss-maddison") {
      let m: Map<string, MaddisonRow> | null = null;
      for (let i = 0; i < n; i++) {
        const last = lastYear.get(cc[i]);
        if (last === undefined || yr[i] <= last || iso[i] === null) continue;
        m ??= maddisonIndex(sources);
        const now = m.get(`${iso[i]}:${yr[i]}`);
        const then = m.get(`${iso[i]}:${last}`);
        const f = fariss.get(rowKey(cc[i], last));
        if (now === undefined || then === undefined || f === undefined) continue;
        const g = ratio(f.gdppc, then.gdppc, now.gdppc);
        const p = ratio(f.pop, then.pop, now.pop);
        gdppc[i] = g;
        pop[i] = p;
        if (g !== null || p !== null) src[i] = "maddison";
      }
    }
    return { gdppc, pop, gdppc_source: src };
  },
};

function ratio(anchor: number | null, base: number | null, value: number | null): number | null {
  if (anchor === null || base === null || value === null || base === 0) return null;
  return (value * anchor) / base;
}

/** Add GDP per capita and population. Option used: `gdp`. */
export function addEconomy(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, economyStep, input, overrides);
}
