import { loadCountryCodes, type CountryCodes } from "../codes/index.js";
import { countrycodeCodelistSource } from "../sources/countrycode-codelist.js";
import { cowGwStateYearSource } from "../sources/cow-gw-state-year.js";
import { cowSystemSource } from "../sources/cow-system.js";
import { resolveOptions, type PanelOptions } from "./options.js";
import type { ColumnDoc, Panel, PanelColumn } from "./panel.js";
import { SourceLoader } from "./pipeline.js";
import { checkInvariants } from "./validate.js";

/** The source files the country-code crosswalk reads. */
export const CODE_SOURCES = [cowGwStateYearSource, countrycodeCodelistSource, cowSystemSource] as const;

/** The crosswalk for a build, loaded once and recorded as used. */
export function panelCodes(loader: Pick<SourceLoader, "load">): CountryCodes {
  return loader.load("country_codes", CODE_SOURCES, loadCountryCodes);
}

const SYSTEM = CODE_SOURCES.map((s) => s.id);

/** Codebook entries of the key columns. */
export const KEY_DOCS: readonly ColumnDoc[] = [
  {
    name: "ccode",
    type: "integer",
    description: "Correlates of War (COW) state code.",
    unit: "code",
    sources: SYSTEM,
    derivation:
      "One row for every COW state that was a system member at any time of the year (isard COW/GW state-year panel): 1990 holds 255, 260 and 265; Kosovo 347 from 2008.",
  },
  {
    name: "iso3",
    type: "string",
    description: "ISO 3166-1 alpha-3 code of the state in that year.",
    unit: "code",
    sources: SYSTEM,
    derivation:
      "From the countrycode code list, with the crosswalk's rules (src/codes/rules.ts): 345 = YUG to 1991 and SRB from 1992, 347 = XKX, 260 = DEU through 1990, 255 = DEU from 1991. Missing where a state has none that year.",
  },
  {
    name: "country",
    type: "string",
    description: "COW state name in that year.",
    unit: "name",
    sources: SYSTEM,
    derivation: "The COW name from the state-year panel (345 is \"Yugoslavia\" throughout, COW's name for Serbia too).",
  },
  {
    name: "year",
    type: "integer",
    description: "Calendar year.",
    unit: "year",
    sources: [],
    derivation: "The years option (default 1990-2019).",
  },
];

/**
 * Start a panel: one row per COW state-year in the chosen years, sorted by ccode then
 * year, with the key columns `ccode, iso3, country, year`. Options are checked here
 * and travel with the panel (every add* step uses them unless given overrides).
 * @param input data directory, or a SourceLoader shared with the later steps.
 * @throws OptionError for a bad option.
 */
export function createCountryYears(input: string | SourceLoader, options: PanelOptions = {}): Panel {
  const opts = resolveOptions(options);
  const loader = typeof input === "string" ? new SourceLoader(input) : input;
  const codes = panelCodes(loader);
  const rows = codes.cowStateYears(opts.years[0], opts.years[1]);
  const values: Record<string, (number | string | null)[]> = {
    ccode: rows.map((r) => r.ccode),
    iso3: rows.map((r) => r.iso3),
    country: rows.map((r) => r.name),
    year: rows.map((r) => r.year),
  };
  const columns = new Map<string, PanelColumn>(KEY_DOCS.map((doc) => [doc.name, { doc, values: values[doc.name] }]));
  const panel: Panel = {
    nrows: rows.length,
    columns,
    meta: {
      unit: "country-year",
      system: "cow",
      years: opts.years,
      options: opts,
      steps: ["createCountryYears"],
      sources: CODE_SOURCES.map((s) => s.id).sort(),
      warnings: [],
    },
  };
  checkInvariants(panel, undefined, "createCountryYears");
  return panel;
}
