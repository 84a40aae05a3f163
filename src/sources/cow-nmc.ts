import { KeyLines, mapCsv, parseCsv, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import { stateYearKey } from "./state-year-key.js";
import type { SourceDef } from "./source.js";

/** COW National Material Capabilities v7 (abridged): milex, milper, irst, pec, tpop (thousands), upop, cinc; -9 recoded to empty */
export const cowNmcSource: SourceDef = {
  id: "cow_nmc",
  file: "controls/cow_nmc_v7.csv",
  sha256: "45610502002144a7c02c0f9b379cdd4c9b099b54f791f88b628160503e168b68",
  bytes: 811953,
  url: null,
  what: "COW National Material Capabilities v7 (abridged): milex, milper, irst, pec, tpop (thousands), upop, cinc; -9 recoded to empty",
  citation: "Singer, Bremer and Stuckey 1972; Singer 1987. Miller, Steven V. 2022. peacesciencer: An R Package for Quantitative Peace Science Research. Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2 package",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/**
 * COW National Material Capabilities v7 for one state-year. Null = missing (the
 * source's -9, recoded to empty in this copy).
 */
export interface CowNmcRow {
  readonly ccode: number;
  readonly year: number;
  /** Military expenditure, thousands of current US dollars (thousands of pounds sterling before 1914). */
  readonly milex: number | null;
  /** Military personnel, thousands. */
  readonly milper: number | null;
  /** Iron and steel production, thousands of tons. */
  readonly irst: number | null;
  /** Primary energy consumption, thousands of coal-ton equivalents. */
  readonly pec: number | null;
  /** Total population, thousands of persons. */
  readonly tpop: number | null;
  /** Urban population (cities over 100,000), thousands. */
  readonly upop: number | null;
  /** Composite Index of National Capability, share of the system total, 0..1. */
  readonly cinc: number | null;
}

const VALUES = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"] as const;
const COLUMNS = ["ccode", "year", ...VALUES];

/** Parse the NMC CSV text. */
export function parseCowNmc(text: string, name = cowNmcSource.file): CowNmcRow[] {
  return nmcRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the NMC file from the data directory (SHA-256 verified). */
export function readCowNmc(dataDir: string): CowNmcRow[] {
  return nmcRows(readSourceCsv(dataDir, cowNmcSource, { required: COLUMNS }));
}

function nmcRows(table: CsvTable): CowNmcRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const { ccode, year } = stateYearKey(r, keys);
    const values = {} as Record<(typeof VALUES)[number], number | null>;
    for (const col of VALUES) {
      const v = r.num(col, { extraNa: [-9] });
      if (v !== null && v < 0) throw r.error(col, "a number >= 0, -9 or empty", quote(v));
      values[col] = v;
    }
    if (values.cinc !== null && values.cinc > 1) throw r.error("cinc", "a share 0..1", quote(values.cinc));
    return { ccode, year, ...values };
  });
}
