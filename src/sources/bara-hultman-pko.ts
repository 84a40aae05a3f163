import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** UN and non-UN (regional organisations, NATO e.g. KFOR/SFOR/IFOR, EU, ECOWAS/ECOMOG, AU, single states) peace operations in conflict countries, mission-month, 1993-2016; org 1 = UN; troops/police/observers from several sources (SIPRI, IPI, ...); COW ccode of host */
export const baraHultmanPkoSource: SourceDef = {
  id: "bara_hultman_pko",
  file: "pko/bara_hultman_un_nonun_pko.csv",
  sha256: "3bf0a2c096d701d4bb11aa20578abd87f564aa72f530b0e5a3609c360bd67ffb",
  bytes: 950251,
  url: "https://raw.githubusercontent.com/tdballesteros/conflict-relapse/6ee86fa8ae1608825c184a204100d1cc9e9538e6/Data%20files/Raw%20data%20files/pko.csv",
  what: "UN and non-UN (regional organisations, NATO e.g. KFOR/SFOR/IFOR, EU, ECOWAS/ECOMOG, AU, single states) peace operations in conflict countries, mission-month, 1993-2016; org 1 = UN; troops/police/observers from several sources (SIPRI, IPI, ...); COW ccode of host",
  citation: "Bara, Corinne and Lisa Hultman. 2020. Just Different Hats? Comparing UN and Non-UN Peacekeeping. International Peacekeeping 27(3): 341-368.",
  license: "none stated",
};

/**
 * Organisation type (`org`). The file has no codebook here; the grouping below is what the
 * data show (observed, not documented by the authors):
 * - 1: UN (MINURSO, UNMIK, UNMIBH, MONUC, UNAMSIL, ...).
 * - 2: regional organisations and alliances acting as such: NATO (SFOR, KFOR, IFOR, NATO
 *   Fox/Harvest/Allied Harmony), EU (EUFOR Althea, EUPOL in Bosnia and Macedonia, EULEX,
 *   EUAM), CIS (CIS JPKF, CIS PKO), JCC (South Ossetia), AU/OAU (AMISOM, AMIS, AMIB, MISCA,
 *   AFISMA), ECOWAS (ECOMOG, ECOMIB, ECOMIL), CEMAC/ECCAS (MICOPAX), WEU police (WEUPF).
 * - 3: other non-UN operations: single states or ad-hoc coalitions (France: Op. Licorne,
 *   Serval, Sangaris, Turquoise; US-led UNITAF; Australian-led INTERFET), and some NATO
 *   and EU operations outside Europe (ISAF, RSM, EUPOL Afghanistan, EUPOL DRC, EUTM,
 *   EUCAP Sahel, EUFOR Chad/RCA, EU Artemis).
 */
export type BaraHultmanOrg = 1 | 2 | 3;

/** Personnel of one operation-month from one source (persons; some sources give monthly averages with decimals). */
export interface PkoPersonnel {
  readonly troops: number;
  readonly police: number;
  readonly observers: number;
  /** As given; equals the sum of the parts except for rounding in `iepo` (20 rows). */
  readonly total: number;
}

/** Which source the `best` figures come from. */
export type BaraHultmanSource = "IPI" | "SIPRI" | "ipo" | "iepo" | "backward";

/**
 * Precedence for {@link BaraHultmanRow.best}: the first source with figures for the row.
 * IPI (the UN's own monthly counts, UN operations only) first, then SIPRI (the SIPRI
 * multilateral peace operations database), then the authors' compiled series `ipo`, then
 * `iepo` (the same compiled series, gap-filled; never empty), then `backward`.
 */
export const BARA_HULTMAN_PRECEDENCE: readonly BaraHultmanSource[] = ["IPI", "SIPRI", "ipo", "iepo", "backward"];

/**
 * One peace operation in one conflict country in one month (Bara and Hultman 2020).
 * One row per (mission id, UCDP conflict, month): a country with several conflicts
 * repeats the operation-month, once per conflict (917 such repeats, e.g. EUPOL DRC), so
 * sum personnel over distinct (missionId, date) only.
 */
export interface BaraHultmanRow {
  /** COW code of the host (e.g. 345 for KFOR and UNMIK, listed as "Serbia (Yugoslavia)"). */
  readonly ccode: number;
  /** Host name as written, e.g. `Serbia (Yugoslavia)`, `DR Congo (Zaire)`. */
  readonly location: string;
  /** UCDP conflict id. */
  readonly conflictId: number;
  /** UCDP conflict episode number. */
  readonly episode: number;
  /** UCDP activity flag as given (0/1). */
  readonly activity: 0 | 1;
  /** UCDP incompatibility: 1 = territory, 2 = government. */
  readonly incomp: 1 | 2;
  /** Calendar year. */
  readonly year: number;
  /** Calendar month, 1-12. */
  readonly month: number;
  /** `YYYY-MM`, from the file's `1997m1` form. */
  readonly date: string;
  /** The file's operation id (`missionid`, host COW code followed by a serial). */
  readonly missionId: number;
  /** Operation name, trimmed (the file has `UNMIBH ` with a trailing space). */
  readonly mission: string;
  /** See {@link BaraHultmanOrg}. */
  readonly org: BaraHultmanOrg;
  /** True for police-only operations. */
  readonly onlyPolice: boolean;
  /** SIPRI figures, or null when the file has none. */
  readonly sipri: PkoPersonnel | null;
  /** IPI figures (UN operations), or null. */
  readonly ipi: PkoPersonnel | null;
  /** The authors' `*_ipo` series, or null. */
  readonly ipo: PkoPersonnel | null;
  /** The authors' `*_iepo` series (never empty). */
  readonly iepo: PkoPersonnel | null;
  /** The authors' `*_backward` series (never empty). */
  readonly backward: PkoPersonnel | null;
  /** Figures from the first source in {@link BARA_HULTMAN_PRECEDENCE} that has them, and which one. */
  readonly best: PkoPersonnel & { readonly source: BaraHultmanSource };
  /** Line in the source file (header = line 1). */
  readonly line: number;
}

const SOURCE_COLUMNS: Readonly<Record<BaraHultmanSource, readonly [string, string, string, string]>> = {
  IPI: ["IPI_troops", "IPI_police", "IPI_observers", "IPI_totals"],
  SIPRI: ["SIPRI_troops", "SIPRI_police", "SIPRI_observers", "SIPRI_totals"],
  ipo: ["troops_ipo", "police_ipo", "observers_ipo", "totals_ipo"],
  iepo: ["troops_iepo", "police_iepo", "observers_iepo", "totals_iepo"],
  backward: ["troops_backward", "police_backward", "observers_backward", "totals_backward"],
};

const BH_COLUMNS = [
  "ccode", "location", "conflictid", "episodenum", "activity", "incomp", "date", "year", "missionid", "mission", "org",
  "onlypolice", ...Object.values(SOURCE_COLUMNS).flat(),
];

/**
 * Parse the Bara-Hultman CSV text. A bad code or date, a year that disagrees with the
 * date, a partly empty source block, or a repeated (mission id, conflict, month) is a
 * DataError naming file, line and column.
 */
export function parseBaraHultman(text: string, name = baraHultmanPkoSource.file): BaraHultmanRow[] {
  return baraHultmanRows(parseCsv(text, { name, required: BH_COLUMNS }));
}

/** Read `pko/bara_hultman_un_nonun_pko.csv` from the data directory (SHA-256 verified). */
export function readBaraHultman(dataDir: string): BaraHultmanRow[] {
  return baraHultmanRows(readSourceCsv(dataDir, baraHultmanPkoSource, { required: BH_COLUMNS }));
}

function baraHultmanRows(table: CsvTable): BaraHultmanRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (row) => {
    const dateRaw = row.reqStr("date");
    const m = /^(\d{4})m(\d{1,2})$/.exec(dateRaw);
    const month = m ? Number(m[2]) : 0;
    if (!m || month < 1 || month > 12) throw row.error("date", "a month like 1997m1", quote(dateRaw));
    const year = Number(m[1]);
    if (row.reqInt("year") !== year) throw row.error("year", `${year} (the year of date ${dateRaw})`, quote(row.raw("year")));
    const date = `${m[1]}-${String(month).padStart(2, "0")}`;
    const missionId = row.reqInt("missionid");
    const conflictId = row.reqInt("conflictid");
    const key = `${missionId}|${conflictId}|${date}`;
    const first = keys.firstLine(key, row);
    if (first !== undefined) throw row.error("missionid", `one row per mission id, conflict and month (already on line ${first})`, quote(row.raw("missionid")));
    const ccode = row.reqInt("ccode");
    if (ccode < 2 || ccode > 999) throw row.error("ccode", "a COW code 2-999", quote(row.raw("ccode")));
    const by = Object.fromEntries(BARA_HULTMAN_PRECEDENCE.map((s) => [s, personnel(row, SOURCE_COLUMNS[s])])) as Record<BaraHultmanSource, PkoPersonnel | null>;
    const source = BARA_HULTMAN_PRECEDENCE.find((s) => by[s] !== null);
    if (source === undefined) throw row.error("totals_backward", "personnel from at least one source", "all sources empty");
    return {
      ccode,
      location: row.reqStr("location"),
      conflictId,
      episode: row.reqInt("episodenum"),
      activity: Number(row.oneOf("activity", ["0", "1"]) ?? missing(row, "activity")) as 0 | 1,
      incomp: Number(row.oneOf("incomp", ["1", "2"]) ?? missing(row, "incomp")) as 1 | 2,
      year,
      month,
      date,
      missionId,
      mission: row.reqStr("mission"),
      org: Number(row.oneOf("org", ["1", "2", "3"]) ?? missing(row, "org")) as BaraHultmanOrg,
      onlyPolice: (row.oneOf("onlypolice", ["0", "1"]) ?? missing(row, "onlypolice")) === "1",
      sipri: by.SIPRI,
      ipi: by.IPI,
      ipo: by.ipo,
      iepo: by.iepo,
      backward: by.backward,
      best: { ...by[source]!, source },
      line: row.line,
    };
  });
}

function missing(row: CsvRow, col: string): never {
  throw row.error(col, "a value", "a missing value");
}

/** The four cells of one source: all empty (null) or all non-negative numbers. */
function personnel(row: CsvRow, cols: readonly [string, string, string, string]): PkoPersonnel | null {
  const v = cols.map((c) => {
    const x = row.num(c);
    if (x !== null && x < 0) throw row.error(c, "a count >= 0", quote(row.raw(c)));
    return x;
  });
  const empty = v.filter((x) => x === null).length;
  if (empty === 4) return null;
  if (empty > 0) {
    const c = cols[v.indexOf(null)];
    throw row.error(c, `all of ${cols.join(", ")} or none`, "a missing value");
  }
  return { troops: v[0]!, police: v[1]!, observers: v[2]!, total: v[3]! };
}
