import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** UN peace operations list with start and end dates (UN Peace and Security Data Hub, dataset DPPADPOSS-PKO, updated 2024-02-19); decimal-comma coordinates */
export const unMissionsSource: SourceDef = {
  id: "un_missions",
  file: "pko/un_dppadposs_missions.csv",
  sha256: "234ee1f8ecf3d7974f4bb3818fc5a7c9212c77c2643156bfb8b7f04b6089b471",
  bytes: 10063,
  url: "https://raw.githubusercontent.com/tdballesteros/conflict-relapse/e6130e8619cbaa3da387820be4d46235bcd83051/Data%20files/Raw%20data%20files/DPPADPOSS-PKO.csv",
  what: "UN peace operations list with start and end dates (UN Peace and Security Data Hub, dataset DPPADPOSS-PKO, updated 2024-02-19); decimal-comma coordinates",
  citation: "United Nations DPPA/DPO, Peace and Security Data Hub, DPPADPOSS-PKO.",
  license: "none stated",
};

/**
 * What a row of the UN mission list stands for:
 * - `umbrella`: a row covering several listed missions, recognised by `(I & II)` in the
 *   name (UNOSOM, UNEF, UNAVEM); counting it and its parts would double-count.
 * - `office`: not a deployed operation, recognised by `Office of` in the name (UNOHCI,
 *   the Office of the Humanitarian Coordinator in Iraq).
 * - `mission`: every other row.
 * The list also names one operation twice (UNPSG and UNCPSG, the Civilian Police
 * Support Group in Croatia, 1998); both rows are kept.
 */
export type UnMissionKind = "mission" | "umbrella" | "office";

/** One UN peace operation in the DPPA/DPO list (UN Peace and Security Data Hub, DPPADPOSS-PKO). */
export interface UnMissionRow {
  /** The list's numeric id. */
  readonly id: number;
  /** Acronym, e.g. `UNMIK`. */
  readonly mission: string;
  /**
   * Full name. A stray leading `"` is removed; DOMREP's name is truncated in the source
   * ("Mission of the Representative of the Secretary-General in the").
   */
  readonly name: string;
  /** Lead department (`DPO` throughout). */
  readonly leadDepartment: string;
  /** Active when the list was updated (`Yes`/`No`, any case). */
  readonly active: boolean;
  /** Start date `YYYY-MM-DD`, or null when not given (UNOHCI, UNFOR, UNSCOB). */
  readonly start: string | null;
  /** End date `YYYY-MM-DD`, or null while active or not given. */
  readonly end: string | null;
  /** HQ location as written (trimmed), or null. */
  readonly location: string | null;
  /** HQ longitude, decimal degrees east (read from decimal-comma text), after fixing swaps; null if absent. */
  readonly longitude: number | null;
  /** HQ latitude, decimal degrees north, after fixing swaps; null if absent. */
  readonly latitude: number | null;
  /** True when the file had latitude and longitude the wrong way round and the reader swapped them. */
  readonly coordsSwapped: boolean;
  /** See {@link UnMissionKind}. */
  readonly kind: UnMissionKind;
  /** Date the list was last updated, `YYYY-MM-DD`. */
  readonly lastUpdate: string;
  /** Line in the source file (header = line 1). */
  readonly line: number;
}

/**
 * Rows whose coordinates the file gives as (latitude, longitude) under the headers
 * (longitude, latitude). Every value is within +-90, so no range rule can see it; each was
 * checked against the HQ city in the row: Mogadishu (2.0 N, 45.4 E) for UNOSOM I and II,
 * Gaza (31.5 N, 34.5 E) for UNEF, Luanda (8.8 S, 13.2 E) for UNAVEM I and II, Bamako
 * (12.7 N, 8.0 W) for MINUSMA, Athens (38.0 N, 23.7 E) for UNSCOB. Besides these, any row
 * with |latitude| > 90 and |longitude| <= 90 is swapped.
 */
export const UN_MISSIONS_SWAPPED_COORDS: readonly string[] = ["UNOSOM II", "UNOSOM I", "UNEF", "UNAVEM II", "UNAVEM I", "MINUSMA", "UNSCOB"];

const UN_MISSION_COLUMNS = [
  "id", "mission_acronym", "mission_name", "lead_department", "mission_isactive", "start_date", "end_date",
  "mission_location", "mission_longitude", "mission_latitude", "last_update",
] as const;

/**
 * Parse the UN mission list CSV text. A bad date, an end before the start, coordinates
 * out of range after the swap rule, or a repeated acronym is a DataError naming file,
 * line and column.
 */
export function parseUnMissions(text: string, name = unMissionsSource.file): UnMissionRow[] {
  return unMissionRows(parseCsv(text, { name, required: UN_MISSION_COLUMNS }));
}

/** Read `pko/un_dppadposs_missions.csv` from the data directory (SHA-256 verified). */
export function readUnMissions(dataDir: string): UnMissionRow[] {
  return unMissionRows(readSourceCsv(dataDir, unMissionsSource, { required: UN_MISSION_COLUMNS }));
}

function unMissionRows(table: CsvTable): UnMissionRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (row) => {
    const id = row.reqInt("id");
    const mission = row.reqStr("mission_acronym");
    const first = keys.firstLine(mission, row);
    if (first !== undefined) throw row.error("mission_acronym", `one row per mission (already on line ${first})`, quote(mission));
    const name = row.reqStr("mission_name").replace(/^"+/, "");
    const activeRaw = row.reqStr("mission_isactive");
    const active = activeRaw.toLowerCase();
    if (active !== "yes" && active !== "no") throw row.error("mission_isactive", "Yes/No", quote(activeRaw));
    const start = isoDate(row, "start_date");
    const end = isoDate(row, "end_date");
    if (start !== null && end !== null && end < start) throw row.error("end_date", `a date on or after start_date ${start}`, quote(end));
    let longitude = row.num("mission_longitude", { decimalComma: true });
    let latitude = row.num("mission_latitude", { decimalComma: true });
    if ((longitude === null) !== (latitude === null)) {
      const col = longitude === null ? "mission_longitude" : "mission_latitude";
      throw row.error(col, "both coordinates or neither", "a missing value");
    }
    let coordsSwapped = false;
    if (longitude !== null && latitude !== null) {
      if (UN_MISSIONS_SWAPPED_COORDS.includes(mission) || (Math.abs(latitude) > 90 && Math.abs(longitude) <= 90)) {
        [longitude, latitude] = [latitude, longitude];
        coordsSwapped = true;
      }
      if (Math.abs(latitude) > 90) throw row.error("mission_latitude", "a latitude within +-90", quote(row.raw("mission_latitude")));
      if (Math.abs(longitude) > 180) throw row.error("mission_longitude", "a longitude within +-180", quote(row.raw("mission_longitude")));
    }
    const lastUpdate = isoDate(row, "last_update");
    if (lastUpdate === null) throw row.error("last_update", "a date YYYY-MM-DD", "a missing value");
    return {
      id,
      mission,
      name,
      leadDepartment: row.reqStr("lead_department"),
      active: active === "yes",
      start,
      end,
      location: row.str("mission_location"),
      longitude,
      latitude,
      coordsSwapped,
      kind: name.includes("(I & II)") ? "umbrella" : /\bOffice of\b/.test(name) ? "office" : "mission",
      lastUpdate,
      line: row.line,
    };
  });
}

function isoDate(row: CsvRow, col: string): string | null {
  const v = row.str(col);
  if (v === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
    throw row.error(col, "a date YYYY-MM-DD", quote(v));
  }
  return v;
}
