import { policyIndex3pSource, readPolicyIndex3p } from "../../sources/policy-index-3p.js";
import type { PanelOptions } from "../options.js";
import type { ColumnDoc, Panel } from "../panel.js";
import { applyStep, type PanelStep, type SourceLoader } from "../pipeline.js";
import { joinByCowYear, Unplaced } from "./join.js";

const JOIN =
  "Joined on COW code and the file's year (the calendar year of the policies scored; the index's authors already aligned it, so the reportAlignment option does not apply). Serbia's non-standard code 1003 is 345; Hong Kong and Macau are dropped. Missing where the file has no score for the country-year (the index covers 2000-2013, with a few scores for 2014).";

const part = (name: string, what: string): ColumnDoc => ({
  name,
  type: "integer",
  description: `3P anti-trafficking policy index: ${what} score.`,
  unit: "score 1..5",
  sources: [policyIndex3pSource.id],
  derivation: `policy_index_3p.csv column ${what}. ${JOIN}`,
});

const DOCS: readonly ColumnDoc[] = [
  {
    name: "p3_total",
    type: "integer",
    description: "3P anti-trafficking policy index (Cho, Dreher and Neumayer): sum of the prosecution, protection and prevention scores.",
    unit: "score 3..15",
    sources: [policyIndex3pSource.id],
    derivation: `policy_index_3p.csv column p. ${JOIN}`,
  },
  part("p3_prosecution", "prosecution"),
  part("p3_protection", "protection"),
  part("p3_prevention", "prevention"),
];

/** The 3P policy index and its three parts. */
export const policyIndex3pStep: PanelStep = {
  name: "addPolicyIndex3p",
  requires: ["ccode", "year"],
  produces: DOCS.map((d) => d.name),
  docs: () => DOCS,
  compute(panel, ctx) {
    const rows = ctx.sources.load("policy_index_3p", [policyIndex3pSource], readPolicyIndex3p);
    const unplaced = new Unplaced();
    const out = joinByCowYear(panel, rows, {
      p3_total: (r) => r.p,
      p3_prosecution: (r) => r.prosecution,
      p3_protection: (r) => r.protection,
      p3_prevention: (r) => r.prevention,
    }, unplaced);
    unplaced.report(ctx, `rows of ${policyIndex3pSource.file}`, "have no country-year in the panel (COW code not a state that year), by code");
    return out;
  },
};

/** Add the 3P index (`p3_total`, `p3_prosecution`, `p3_protection`, `p3_prevention`). */
export function addPolicyIndex3p(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, policyIndex3pStep, input, overrides);
}
