import { parseCsv } from "../core/csv.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";
import { wdiValues, type WdiValue } from "./wdi-gdp.js";

/** World Bank population (SP.POP.TOTL), country/aggregate x year 1960-2024 */
export const wdiPopulationSource: SourceDef = {
  id: "wdi_population",
  file: "controls/wdi_population.csv",
  sha256: "7d2dd6a17f5ed7916de1f89a9c116791e64d207f2e2f6ce47c57e1ab46f0088a",
  bytes: 552112,
  url: "https://raw.githubusercontent.com/datasets/population/425fc447a53a26c767a15a7de60c4cc2478a0595/data/population.csv",
  what: "World Bank population (SP.POP.TOTL), country/aggregate x year 1960-2024",
  citation: "World Bank, World Development Indicators.",
  license: "CC BY 4.0 (data); ODC-PDDL (packaging)",
};

/** World Bank population for one economy-year (long layout). */
export interface WdiPopulationRow {
  readonly country: string;
  /** World Bank code: ISO-3 for economies (Kosovo = XKX), own codes for aggregates. */
  readonly iso3: string;
  readonly year: number;
  /** Total population, persons (SP.POP.TOTL). */
  readonly population: number;
  /** True for regional and income-group aggregates (see `WDI_AGGREGATES` in wdi-gdp.ts). */
  readonly isAggregate: boolean;
}

/** Parse the WDI population CSV text (long or wide layout). */
export function parseWdiPopulation(text: string, name = wdiPopulationSource.file): WdiPopulationRow[] {
  return toPopulation(wdiValues(parseCsv(text, { name })));
}

/** Read the WDI population file from the data directory (SHA-256 verified). */
export function readWdiPopulation(dataDir: string): WdiPopulationRow[] {
  return toPopulation(wdiValues(readSourceCsv(dataDir, wdiPopulationSource)));
}

function toPopulation(values: readonly WdiValue[]): WdiPopulationRow[] {
  return values.map(({ value, ...v }) => ({ ...v, population: value }));
}
