/**
 * The UN host-years are computed once per loader for the options they depend on
 * (src/panel/steps/add-un-peacekeeping.ts, UN_OPTIONS): a build that shares a loader with
 * earlier builds under other options gives the same UN columns, source files and warnings as
 * a build with a fresh loader, and a change of any UN option is not served the earlier result.
 */
import { describe, expect, it } from "vitest";
import { createCountryYears } from "../../src/panel/create-country-years.js";
import type { PanelOptions } from "../../src/panel/options.js";
import { SourceLoader } from "../../src/panel/pipeline.js";
import { addUnPeacekeeping } from "../../src/panel/steps/add-un-peacekeeping.js";
import { DATA_DIR } from "../util/data.js";

const UN_COLUMNS = ["un_total", "un_peak", "un_tcc", "un_tcc_basis", "un_allocation", "un_duration_years", "un_duration_main_years", "un_main_lineage"];

function build(loader: SourceLoader, o: PanelOptions) {
  const p = addUnPeacekeeping(createCountryYears(loader, { years: [1995, 2012], ...o }), loader);
  return { columns: UN_COLUMNS.map((c) => p.columns.get(c)!.values), sources: p.meta.sources, warnings: p.meta.warnings };
}

describe("UN host-years shared by builds with one loader", () => {
  const shared = new SourceLoader(DATA_DIR);
  const first = build(shared, {});

  it.each<[string, PanelOptions]>([
    ["another report alignment (not a UN option): the same result, sources and warnings", { reportAlignment: "t" }],
    ["durationGap", { durationGap: 1 }],
    ["observerThreshold", { observerThreshold: 1 }],
    ["locationWindow", { locationWindow: 0 }],
    ["multiHost = full (its own warning)", { multiHost: "full" }],
  ])("%s: equal to a build with a fresh loader", (_, o) => {
    const got = build(shared, o);
    const want = build(new SourceLoader(DATA_DIR), o);
    expect(got).toEqual(want);
    if (o.reportAlignment !== undefined) expect(got).toEqual(first);
    else expect(got.columns).not.toEqual(first.columns);
  });
});
