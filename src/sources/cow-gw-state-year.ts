import { mapCsv, parseCsv } from "../core/csv.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

/** COW state-year panel 1816-2025 with matching Gleditsch-Ward codes; rows with empty ccode are GW-only */
export const cowGwStateYearSource: SourceDef = {
  id: "cow_gw_state_year",
  file: "states/isard_cw_gw_panel.csv",
  sha256: "5cc804a7afcb6aad5399b66e11909807bb364732698a944f4de76be0130843c1",
  bytes: 766696,
  url: null,
  what: "COW state-year panel 1816-2025 with matching Gleditsch-Ward codes; rows with empty ccode are GW-only",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779. Gleditsch, Kristian S. and Michael D. Ward. 1999. International Interactions 25(4).",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/**
 * One state-year of the COW/Gleditsch-Ward panel (isard). A row is a COW state-year when
 * `ccode` is set; rows without `ccode` are Gleditsch-Ward-only state-years (e.g. GW 260
 * from 1990, whose COW counterpart is the GMY/255 row of the same year). 1990 holds COW
 * 255, 260 and 265 (unification on 1990-10-03). Only empty cells are missing.
 */
export interface CowGwStateYearRow {
  /** State abbreviation (COW, or GW on GW-only rows), e.g. `GMY`. */
  readonly stateabb: string;
  /** Calendar year. */
  readonly year: number;
  /** Gleditsch-Ward code; null when the COW state has no GW counterpart that year. */
  readonly gwcode: number | null;
  /** COW code; null on Gleditsch-Ward-only rows. */
  readonly ccode: number | null;
  /** Gleditsch-Ward state name; null when the file leaves it empty. */
  readonly gwName: string | null;
  /** COW state name; null on GW-only rows. */
  readonly cowName: string | null;
}

const COLUMNS = ["stateabb", "year", "gwcode", "ccode", "gw_name", "cw_name"];

/** Parse the text of `states/isard_cw_gw_panel.csv` (pure; errors name file, line, column). */
export function parseCowGwStateYear(text: string, name = cowGwStateYearSource.file): CowGwStateYearRow[] {
  const table = parseCsv(text, { name, required: COLUMNS, na: [""] });
  return mapCsv(table, (r) => {
    const row: CowGwStateYearRow = {
      stateabb: r.reqStr("stateabb"),
      year: r.reqInt("year"),
      gwcode: r.int("gwcode"),
      ccode: r.int("ccode"),
      gwName: r.str("gw_name"),
      cowName: r.str("cw_name"),
    };
    if (row.gwcode === null && row.ccode === null) throw r.error("ccode", "a COW code or a Gleditsch-Ward code", "neither");
    return row;
  });
}

/** Read the COW/GW state-year panel after verifying its SHA-256. */
export function readCowGwStateYear(dataDir: string): CowGwStateYearRow[] {
  return parseCowGwStateYear(readVerified(dataDir, cowGwStateYearSource).toString("utf8"));
}
