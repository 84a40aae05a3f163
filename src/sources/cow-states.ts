import { mapCsv, parseCsv } from "../core/csv.js";
import { quote } from "../core/errors.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

/** Correlates of War state system membership list v2016 (entry/exit dates) */
export const cowStatesSource: SourceDef = {
  id: "cow_states",
  file: "states/cow_states_v2016.csv",
  sha256: "e3c5cae0e12ec4e3efec2198f29af3b3411f7667cf5e1785c0131bca3bd799f5",
  bytes: 11595,
  url: null,
  what: "Correlates of War state system membership list v2016 (entry/exit dates)",
  citation: "Correlates of War Project. 2017. State System Membership List, v2016. Miller, Steven V. 2022. peacesciencer: An R Package for Quantitative Peace Science Research. Conflict Management and Peace Science 39(6): 755-779.",
  license: "GPL-2 package",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/**
 * One spell of COW system membership (states.csv v2016): 243 spells of 217 states. A
 * state that left and re-entered (e.g. the Baltic states, Germany 255) has one row per
 * spell. An end of 2016-12-31 means still a member at the list's version date.
 */
export interface CowStateRow {
  /** COW abbreviation, e.g. `GFR`. */
  readonly stateabb: string;
  /** COW numeric code. */
  readonly ccode: number;
  /** COW state name. */
  readonly statenme: string;
  /** Entry date (year, month 1-12, day 1-31). */
  readonly styear: number;
  readonly stmonth: number;
  readonly stday: number;
  /** Exit date (year, month 1-12, day 1-31). */
  readonly endyear: number;
  readonly endmonth: number;
  readonly endday: number;
  /** COW list version (2016). */
  readonly version: number;
}

const COLUMNS = ["stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday", "version"];

/** Parse the text of `states/cow_states_v2016.csv` (pure; errors name file, line, column). */
export function parseCowStates(text: string, name = cowStatesSource.file): CowStateRow[] {
  const table = parseCsv(text, { name, required: COLUMNS, na: [""] });
  return mapCsv(table, (r) => {
    const inRange = (col: string, lo: number, hi: number): number => {
      const v = r.reqInt(col);
      if (v < lo || v > hi) throw r.error(col, `an integer from ${lo} to ${hi}`, quote(v));
      return v;
    };
    const row: CowStateRow = {
      stateabb: r.reqStr("stateabb"),
      ccode: inRange("ccode", 1, 999),
      statenme: r.reqStr("statenme"),
      styear: inRange("styear", 1816, 2100),
      stmonth: inRange("stmonth", 1, 12),
      stday: inRange("stday", 1, 31),
      endyear: inRange("endyear", 1816, 2100),
      endmonth: inRange("endmonth", 1, 12),
      endday: inRange("endday", 1, 31),
      version: r.reqInt("version"),
    };
    const start = row.styear * 10000 + row.stmonth * 100 + row.stday;
    const end = row.endyear * 10000 + row.endmonth * 100 + row.endday;
    if (end < start) throw r.error("endyear", `an exit on or after the entry ${row.styear}-${row.stmonth}-${row.stday}`, `${row.endyear}-${row.endmonth}-${row.endday}`);
    return row;
  });
}

/** Read the COW state system membership list after verifying its SHA-256. */
export function readCowStates(dataDir: string): CowStateRow[] {
  return parseCowStates(readVerified(dataDir, cowStatesSource).toString("utf8"));
}
