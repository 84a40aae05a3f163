import { readUsTroopsLegacy, usTroopsLegacySource } from "../../sources/us-troops-legacy.js";
import {
  foldKosovoIntoSerbia,
  readUsTroopsRebuild,
  usTroopsRebuildSource,
  usTroopsRebuildYearly,
} from "../../sources/us-troops-rebuild.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import { rowIndex, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader, type StepContext } from "../pipeline.js";
import { Unplaced } from "./join.js";

/** US troops in one host-year, on COW codes as the panel uses them. */
export interface UsTroopsYear {
  readonly ccode: number;
  readonly year: number;
  /** Active-duty US military personnel (persons). */
  readonly troops: number;
}

function series(ctx: StepContext): UsTroopsYear[] {
  if (ctx.options.usTroops === "legacy") {
    return ctx.sources.load("us_troops_legacy", [usTroopsLegacySource], (d) =>
      readUsTroopsLegacy(d).map((r) => ({ ccode: r.ccode, year: r.year, troops: r.troops })),
    );
  }
  return ctx.sources.load("us_troops_rebuild_yearly", [usTroopsRebuildSource], (d) =>
    foldKosovoIntoSerbia(usTroopsRebuildYearly(readUsTroopsRebuild(d))).flatMap((r) =>
      r.troopsAd === null ? [] : [{ ccode: r.ccode === 255 && r.year <= 1990 ? 260 : r.ccode, year: r.year, troops: r.troopsAd }],
    ),
  );
}

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const legacy = o.usTroops === "legacy";
  return [
    {
      name: "us_troops",
      type: "integer",
      description: "US active-duty military personnel stationed in the country.",
      unit: "persons",
      sources: [legacy ? usTroopsLegacySource.id : usTroopsRebuildSource.id],
      derivation: legacy
        ? "troopdata legacy country-year series (option usTroops = legacy), joined on COW code and year as published (West Germany 260 through 1990, Germany 255 from 1991; Kosovo within 345 until 2007). Missing where the series has no row."
        : "troopdata rebuild series (option usTroops = rebuild): the largest active-duty count among the year's quarterly reports; Kosovo (347) before 2008 added to 345, Germany (255) through 1990 placed in 260. Missing where the series has no row for the year.",
    },
    {
      name: "us_troops_source",
      type: "string",
      description: "Which US troop series fills us_troops.",
      unit: "label: legacy or rebuild",
      sources: [],
      derivation: "The value of the usTroops option, on rows where us_troops is not missing.",
    },
  ];
}

/** US troops: `us_troops` and `us_troops_source`. */
export const usTroopsStep: PanelStep = {
  name: "addUsTroops",
  requires: ["ccode", "year"],
  produces: ["us_troops", "us_troops_source"],
  docs,
  compute(panel, ctx) {
    const idx = rowIndex(panel);
    const troops = emptyColumn(panel.nrows);
    const unplaced = new Unplaced();
    for (const r of series(ctx)) {
      const i = idx.get(rowKey(r.ccode, r.year));
      if (i !== undefined) troops[i] = (troops[i] ?? 0) + r.troops;
      else if (r.troops > 0 && r.year >= panel.meta.years[0] && r.year <= panel.meta.years[1]) unplaced.add(r.ccode);
    }
    unplaced.report(ctx, `host-years with US troops (${ctx.options.usTroops} series)`, "are not COW state-years in the panel (territories, afloat, unknown, non-standard codes), by code");
    const label = ctx.options.usTroops;
    const src = troops.map((t) => (t === null ? null : label));
    return { us_troops: troops, us_troops_source: src };
  },
};

/** Add US troop numbers. Option used: `usTroops` (legacy | rebuild). */
export function addUsTroops(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, usTroopsStep, input, overrides);
}
