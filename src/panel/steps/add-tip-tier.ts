import { readTipTiers, tipTiersSource } from "../../sources/tip-tiers.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import { rowIndex, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader } from "../pipeline.js";
import { calendarYearOfReport } from "./add-trafficking.js";
import { Unplaced } from "./join.js";

/** TIP report years with tiers in the file (the first report is 2001). */
export const TIP_REPORT_YEARS: readonly [number, number] = [2001, 2015];

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const align =
    o.reportAlignment === "t"
      ? "report year t joined to calendar year t (option reportAlignment = t)"
      : "report year t joined to calendar year t-1 (option reportAlignment = t-1)";
  const cal = TIP_REPORT_YEARS.map((y) => calendarYearOfReport(y, o.reportAlignment)).join("-");
  return [
    {
      name: "tip_tier",
      type: "integer",
      description: "US State Department TIP report tier: 1 (full compliance), 2, or 3 (worst). The Tier 2 Watch List is tier 2 here; see tip_watch_list.",
      unit: "tier 1-3",
      sources: [tipTiersSource.id],
      derivation: `Kelley's tier series (tip_tiers_orig.csv), ${align}. Missing when the country is not ranked (not in the report, or a Special Case) or outside calendar years ${cal}.`,
    },
    {
      name: "tip_watch_list",
      type: "binary",
      description: "On the Tier 2 Watch List in the TIP report.",
      unit: "0/1",
      sources: [tipTiersSource.id],
      derivation: `1 for "Watchlist", 0 for other ranked countries, missing where tip_tier is missing; ${align}.`,
    },
  ];
}

/** TIP tiers: `tip_tier` (1-3) and `tip_watch_list`. */
export const tipTierStep: PanelStep = {
  name: "addTipTier",
  requires: ["ccode", "year"],
  produces: ["tip_tier", "tip_watch_list"],
  docs,
  compute(panel, ctx) {
    const { options, sources } = ctx;
    const rows = sources.load("tip_tiers", [tipTiersSource], readTipTiers);
    const unplaced = new Unplaced();
    const idx = rowIndex(panel);
    const tier = emptyColumn(panel.nrows);
    const watch = emptyColumn(panel.nrows);
    for (const r of rows) {
      if (r.tier === null) continue;
      const y = calendarYearOfReport(r.year, options.reportAlignment);
      const i = r.ccode === null ? undefined : idx.get(rowKey(r.ccode, y));
      if (i === undefined) {
        if (y >= panel.meta.years[0] && y <= panel.meta.years[1]) unplaced.add(`${r.ccode ?? r.iso} ${r.country}`);
        continue;
      }
      tier[i] = r.tier === 2.5 ? 2 : r.tier;
      watch[i] = r.watchList ? 1 : 0;
    }
    unplaced.report(ctx, `ranked rows of ${tipTiersSource.file}`, "have no country-year in the panel (after report-year alignment), by code and name");
    return { tip_tier: tier, tip_watch_list: watch };
  },
};

/** Add TIP tiers. Option used: `reportAlignment`. */
export function addTipTier(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, tipTierStep, input, overrides);
}
