import { mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** UCDP/PRIO Armed Conflict Dataset v25.1, conflict-year rows duplicated per side state (gwno_a, gwno_b ...), type_of_conflict, intensity_level, dates; GW codes */
export const ucdpAcdSource: SourceDef = {
  id: "ucdp_acd",
  file: "controls/ucdp_acd_v25_1.csv",
  sha256: "cd755f17579f079ebdf87d27629be9f0a9980d87bcdc298456a67752d6cec96a",
  bytes: 408047,
  url: null,
  what: "UCDP/PRIO Armed Conflict Dataset v25.1, conflict-year rows duplicated per side state (gwno_a, gwno_b ...), type_of_conflict, intensity_level, dates; GW codes",
  citation: "Gleditsch et al. 2002. Journal of Peace Research 39(5); Davies, Pettersson, Sollenberg and Oberg 2025. Journal of Peace Research 62(4).",
  license: "CC BY 4.0 (data)",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged",
};

/** UCDP type of conflict (the file writes `II` for internationalized intrastate). */
export type UcdpConflictType = "extrasystemic" | "interstate" | "intrastate" | "internationalized intrastate";
/** What the conflict is over. */
export type UcdpIncompatibility = "territory" | "government" | "both";

/**
 * One row of the UCDP/PRIO Armed Conflict Dataset as packaged by peacesciencer: one
 * conflict-year, repeated once per secondary-side state, so (conflictId, year) is not
 * unique (use {@link ucdpConflictYears} for one row per conflict-year). Side codes are
 * Gleditsch-Ward; each side field is a list, split on ", " (the original UCDP files put
 * several states in one cell; this copy holds one per cell).
 */
export interface UcdpAcdRow {
  readonly conflictId: number;
  readonly year: number;
  /** Side A (the government side in intrastate conflicts), GW codes. */
  readonly gwnoA: readonly number[];
  /** States supporting side A with troops, GW codes. */
  readonly gwnoA2nd: readonly number[];
  /** Side B state(s) (interstate conflicts only), GW codes. */
  readonly gwnoB: readonly number[];
  readonly gwnoB2nd: readonly number[];
  readonly incompatibility: UcdpIncompatibility;
  /** 1 = minor (25-999 battle deaths in the year), 2 = war (1,000 or more). */
  readonly intensityLevel: 1 | 2;
  readonly typeOfConflict: UcdpConflictType;
  /** Intrastate or internationalized intrastate: the study's civil conflict. */
  readonly isCivil: boolean;
  /** Conflict start date (first 25 deaths), ISO `YYYY-MM-DD`. */
  readonly startDate: string;
  readonly startPrec: number;
  /** Start of the current episode, ISO date. */
  readonly startDate2: string;
  readonly startPrec2: number;
  /** True when an episode ends this year. */
  readonly epEnd: boolean;
  readonly epEndDate: string | null;
}

const TYPES: Readonly<Record<string, UcdpConflictType>> = {
  extrasystemic: "extrasystemic",
  interstate: "interstate",
  intrastate: "intrastate",
  II: "internationalized intrastate",
  "internationalized intrastate": "internationalized intrastate",
};
const INCOMPAT: readonly UcdpIncompatibility[] = ["territory", "government", "both"];
const COLUMNS = [
  "conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "incompatibility", "intensity_level",
  "type_of_conflict", "start_date", "start_prec", "start_date2", "start_prec2", "ep_end", "ep_end_date",
];

/** Parse the UCDP ACD CSV text. */
export function parseUcdpAcd(text: string, name = ucdpAcdSource.file): UcdpAcdRow[] {
  return acdRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the UCDP ACD file from the data directory (SHA-256 verified). */
export function readUcdpAcd(dataDir: string): UcdpAcdRow[] {
  return acdRows(readSourceCsv(dataDir, ucdpAcdSource, { required: COLUMNS }));
}

/**
 * One row per (conflictId, year): side lists are the sorted union over the repeated
 * rows; the other fields are taken from the first row. Sorted by conflictId, then year.
 */
export function ucdpConflictYears(rows: readonly UcdpAcdRow[]): UcdpAcdRow[] {
  const byKey = new Map<string, UcdpAcdRow>();
  const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);
  for (const r of rows) {
    const key = `${r.conflictId} ${r.year}`;
    const prev = byKey.get(key);
    byKey.set(key, prev === undefined ? r : {
      ...prev,
      gwnoA: union(prev.gwnoA, r.gwnoA),
      gwnoA2nd: union(prev.gwnoA2nd, r.gwnoA2nd),
      gwnoB: union(prev.gwnoB, r.gwnoB),
      gwnoB2nd: union(prev.gwnoB2nd, r.gwnoB2nd),
    });
  }
  return [...byKey.values()].sort((a, b) => a.conflictId - b.conflictId || a.year - b.year);
}

function codes(r: CsvRow, col: string, required: boolean): number[] {
  const v = r.str(col);
  if (v === null) {
    if (required) throw r.error(col, "one or more GW codes", "a missing value");
    return [];
  }
  return v.split(",").map((part) => {
    const t = part.trim();
    if (!/^\d+$/.test(t)) throw r.error(col, "GW codes separated by \", \"", quote(v));
    return Number(t);
  });
}

function date(r: CsvRow, col: string, required: true): string;
function date(r: CsvRow, col: string, required: false): string | null;
function date(r: CsvRow, col: string, required: boolean): string | null {
  const v = r.str(col);
  if (v === null) {
    if (required) throw r.error(col, "a date YYYY-MM-DD", "a missing value");
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw r.error(col, "a date YYYY-MM-DD", quote(v));
  return v;
}

function acdRows(table: CsvTable): UcdpAcdRow[] {
  return mapCsv(table, (r) => {
    const conflictId = r.reqInt("conflict_id");
    const year = r.reqInt("year");
    const intensity = r.reqInt("intensity_level");
    if (intensity !== 1 && intensity !== 2) throw r.error("intensity_level", "1 or 2", quote(intensity));
    const rawType = r.reqStr("type_of_conflict");
    const typeOfConflict = TYPES[rawType];
    if (typeOfConflict === undefined) throw r.error("type_of_conflict", "extrasystemic/interstate/intrastate/II", quote(rawType));
    const incompatibility = r.oneOf("incompatibility", INCOMPAT);
    if (incompatibility === null) throw r.error("incompatibility", INCOMPAT.join("/"), "a missing value");
    const epEnd = r.reqInt("ep_end");
    if (epEnd !== 0 && epEnd !== 1) throw r.error("ep_end", "0 or 1", quote(epEnd));
    return {
      conflictId,
      year,
      gwnoA: codes(r, "gwno_a", true),
      gwnoA2nd: codes(r, "gwno_a_2nd", false),
      gwnoB: codes(r, "gwno_b", false),
      gwnoB2nd: codes(r, "gwno_b_2nd", false),
      incompatibility,
      intensityLevel: intensity,
      typeOfConflict,
      isCivil: typeOfConflict === "intrastate" || typeOfConflict === "internationalized intrastate",
      startDate: date(r, "start_date", true),
      startPrec: r.reqInt("start_prec"),
      startDate2: date(r, "start_date2", true),
      startPrec2: r.reqInt("start_prec2"),
      epEnd: epEnd === 1,
      epEndDate: date(r, "ep_end_date", false),
    };
  });
}
