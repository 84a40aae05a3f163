import { KeyLines, mapCsv, parseCsv, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import { stateYearKey } from "./state-year-key.js";
import type { SourceDef } from "./source.js";

/** COW state-year GDP per capita (mrgdppc, 2011 PPP, Maddison-anchored), real GDP and population (PWT-anchored) with standard deviations, 1816-2019 */
export const gdpPopFarissSource: SourceDef = {
  id: "gdp_pop_fariss",
  file: "controls/isard_cw_gdppop_fariss.csv",
  sha256: "2fab9ad994b61d0ac260177e1d0867ae83f4d9cb7c2313f96bb8c99bdbe87a88",
  bytes: 1835202,
  url: null,
  what: "COW state-year GDP per capita (mrgdppc, 2011 PPP, Maddison-anchored), real GDP and population (PWT-anchored) with standard deviations, 1816-2019",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779. Fariss, Anders, Markowitz and Barnum. 2022. Journal of Conflict Resolution 66(3): 553-591.",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/**
 * Fariss et al. latent GDP and population estimates for one COW state-year, each with
 * its posterior standard deviation. Null where the state-year has no estimate (43 rows).
 */
export interface GdpPopFarissRow {
  readonly ccode: number;
  readonly year: number;
  /** Real GDP per capita, 2011 international dollars (Maddison-anchored). */
  readonly mrgdppc: number | null;
  readonly sdMrgdppc: number | null;
  /** Real GDP, millions of 2011 international dollars (Penn World Table-anchored). */
  readonly pwtrgdp: number | null;
  readonly sdPwtrgdp: number | null;
  /** Population, millions of persons (PWT-anchored; United States 2019 = 330.7). */
  readonly pwtpop: number | null;
  readonly sdPwtpop: number | null;
}

const VALUES = { mrgdppc: "mrgdppc", sdMrgdppc: "sd_mrgdppc", pwtrgdp: "pwtrgdp", sdPwtrgdp: "sd_pwtrgdp", pwtpop: "pwtpop", sdPwtpop: "sd_pwtpop" } as const;
const COLUMNS = ["ccode", "year", ...Object.values(VALUES)];

/** Parse the Fariss GDP/population CSV text. */
export function parseGdpPopFariss(text: string, name = gdpPopFarissSource.file): GdpPopFarissRow[] {
  return farissRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the Fariss GDP/population file from the data directory (SHA-256 verified). */
export function readGdpPopFariss(dataDir: string): GdpPopFarissRow[] {
  return farissRows(readSourceCsv(dataDir, gdpPopFarissSource, { required: COLUMNS }));
}

function farissRows(table: CsvTable): GdpPopFarissRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const { ccode, year } = stateYearKey(r, keys);
    const values = {} as Record<keyof typeof VALUES, number | null>;
    for (const [k, col] of Object.entries(VALUES) as [keyof typeof VALUES, string][]) {
      const v = r.num(col);
      if (v !== null && v <= 0) throw r.error(col, "a positive number or empty", quote(v));
      values[k] = v;
    }
    return { ccode, year, ...values };
  });
}
