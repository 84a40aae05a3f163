import { mapCsv, parseCsv } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { isoDateCell } from "./cow-system.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

/** Gleditsch-Ward system membership incl. microstates */
export const gwSystemSource: SourceDef = {
  id: "gw_system",
  file: "states/isard_gw_system.csv",
  sha256: "9dbdc7e176ff7555fdaf218a20c588c13b310583848fe4f7324a8d78a87802af",
  bytes: 11363,
  url: null,
  what: "Gleditsch-Ward system membership incl. microstates",
  citation: "Miller, Steven V. isard (R package, v0.2.0); see also Miller 2022, peacesciencer, Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/**
 * One spell of Gleditsch-Ward system membership, microstates included (flagged). The
 * last date in the file, 2020-12-31, means still a member at the list's version date.
 */
export interface GwSystemRow {
  /** Gleditsch-Ward numeric code (e.g. 340 Serbia from 2006, 260 Germany/West Germany). */
  readonly gwcode: number;
  /** Gleditsch-Ward abbreviation. */
  readonly abb: string;
  /** Gleditsch-Ward state name. */
  readonly name: string;
  /** True for GW microstates (population under 250,000). */
  readonly microstate: boolean;
  /** First day of the spell, ISO date `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day of the spell, ISO date `YYYY-MM-DD`. */
  readonly end: string;
}

const COLUMNS = ["gwcode", "gw_abb", "gw_name", "microstate", "start", "end"];

/** Parse the text of `states/isard_gw_system.csv` (pure; errors name file, line, column). */
export function parseGwSystem(text: string, name = gwSystemSource.file): GwSystemRow[] {
  const table = parseCsv(text, { name, required: COLUMNS, na: [""] });
  return mapCsv(table, (r) => {
    const micro = r.oneOf("microstate", ["0", "1"]);
    if (micro === null) throw r.error("microstate", "0/1", "a missing value");
    const row: GwSystemRow = {
      gwcode: r.reqInt("gwcode"),
      abb: r.reqStr("gw_abb"),
      name: r.reqStr("gw_name"),
      microstate: micro === "1",
      start: isoDateCell(r, "start"),
      end: isoDateCell(r, "end"),
    };
    if (row.end < row.start) throw r.error("end", `a date on or after start ${row.start}`, quote(row.end));
    return row;
  });
}

/** Read Gleditsch-Ward system membership after verifying its SHA-256. */
export function readGwSystem(dataDir: string): GwSystemRow[] {
  return parseGwSystem(readVerified(dataDir, gwSystemSource).toString("utf8"));
}
