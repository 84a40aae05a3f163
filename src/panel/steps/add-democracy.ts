import { democracySource, readDemocracy } from "../../sources/democracy.js";
import type { PanelOptions } from "../options.js";
import type { ColumnDoc, Panel } from "../panel.js";
import { applyStep, type PanelStep, type SourceLoader } from "../pipeline.js";
import { joinByCowYear, Unplaced } from "./join.js";

const DOCS: readonly ColumnDoc[] = [
  {
    name: "polity2",
    type: "integer",
    description: "Polity5 combined regime score, -10 (full autocracy) to 10 (full democracy).",
    unit: "score -10..10",
    sources: [democracySource.id],
    derivation: "isard_cw_democracy.csv column polity2, joined on COW code and year. Ends 2018: missing from 2019.",
  },
  {
    name: "v2x_polyarchy",
    type: "number",
    description: "V-Dem electoral democracy index.",
    unit: "index 0..1",
    sources: [democracySource.id],
    derivation: "isard_cw_democracy.csv column v2x_polyarchy, joined on COW code and year.",
  },
  {
    name: "euds",
    type: "number",
    description: "Extended Unified Democracy Score (Marquez): latent democracy, higher = more democratic.",
    unit: "latent scale, centred near 0",
    sources: [democracySource.id],
    derivation: "isard_cw_democracy.csv column euds, joined on COW code and year.",
  },
];

/** Regime type: `polity2`, `v2x_polyarchy`, `euds`. */
export const democracyStep: PanelStep = {
  name: "addDemocracy",
  requires: ["ccode", "year"],
  produces: DOCS.map((d) => d.name),
  docs: () => DOCS,
  compute(panel, ctx) {
    const rows = ctx.sources.load("democracy", [democracySource], readDemocracy);
    const unplaced = new Unplaced();
    const out = joinByCowYear(panel, rows, {
      polity2: (r) => r.polity2,
      v2x_polyarchy: (r) => r.v2xPolyarchy,
      euds: (r) => r.euds,
    }, unplaced);
    unplaced.report(ctx, `rows of ${democracySource.file}`, "have no country-year in the panel (COW code not a state that year), by code");
    return out;
  },
};

/** Add Polity2, V-Dem polyarchy and EUDS. */
export function addDemocracy(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, democracyStep, input, overrides);
}
