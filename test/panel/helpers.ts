import { resolveOptions, type PanelOptions } from "../../src/panel/options.js";
import { KEY_DOCS } from "../../src/panel/create-country-years.js";
import type { Panel, PanelColumn } from "../../src/panel/panel.js";

/** A small synthetic panel (no data files): the given (ccode, year) keys, in order. */
export function smallPanel(keys: ReadonlyArray<readonly [number, number]>, options: PanelOptions = {}): Panel {
  const values: Record<string, (number | string | null)[]> = {
    ccode: keys.map((k) => k[0]),
    iso3: keys.map((k) => `C${k[0]}`),
    country: keys.map((k) => `Country ${k[0]}`),
    year: keys.map((k) => k[1]),
  };
  const opts = resolveOptions(options);
  return {
    nrows: keys.length,
    columns: new Map<string, PanelColumn>(KEY_DOCS.map((doc) => [doc.name, { doc, values: values[doc.name] }])),
    meta: { unit: "country-year", system: "cow", years: opts.years, options: opts, steps: ["createCountryYears"], sources: [], warnings: [] },
  };
}
