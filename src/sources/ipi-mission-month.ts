import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { ipiMonth } from "./ipi-month.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** UN peacekeeping mission-month personnel (troops, police, observers, total) and number of contributing countries; one host (HQ country, ISO-3) per mission; 1990-11 to 2017-03, 2016-11 missing */
export const ipiMissionMonthSource: SourceDef = {
  id: "ipi_mission_month",
  file: "pko/ipi_data_mission.csv",
  sha256: "f2d85e446109c9ce6cbd4cb27340e0ffa17634f62856f2ce2435bdd2ceb4c371",
  bytes: 711548,
  url: "https://raw.githubusercontent.com/IPIDataLab/PPP_Loader/2653920af58e91a892d1cde3a402a57a2ebf5cdf/ppp_files/data_mission.csv",
  what: "UN peacekeeping mission-month personnel (troops, police, observers, total) and number of contributing countries; one host (HQ country, ISO-3) per mission; 1990-11 to 2017-03, 2016-11 missing",
  citation: "Perry, Chris and Adam C. Smith. 2013. Trends in Uniformed Contributions to UN Peacekeeping: A New Dataset, 1991-2012. Providing for Peacekeeping No. 3. International Peace Institute.",
  license: "none stated (repo code GPL-2.0)",
};

/**
 * One UN mission in one month (IPI Providing for Peacekeeping, mission level).
 * Months run 1990-11 to 2017-03; **2016-11 is absent from the file** (no mission has a
 * row for it), so a monthly series has a gap there rather than zeros.
 *
 * Personnel: the file writes `NA` where a personnel type was not deployed or not
 * reported. In this file `Total` is never `NA` and always equals the sum of the
 * non-`NA` types, so `NA` is read as 0 for troops, police and observers, and the
 * matching `*Reported` flag is false. The number of contributors is never `NA` in the
 * file; a `NA` there would be read as null (unknown), not 0.
 */
export interface IpiMissionMonthRow {
  /** Mission acronym, e.g. `UNAMSIL`, `UNAVEM II` (as written, but see `missionAsGiven`). */
  readonly mission: string;
  /** Mission label in the file; differs from `mission` only for {@link IPI_MISSION_RELABELS}. */
  readonly missionAsGiven: string;
  /** Calendar year of the month-end report. */
  readonly year: number;
  /** Calendar month, 1-12. */
  readonly month: number;
  /** `YYYY-MM` (the file's `Date` is the last day of that month). */
  readonly date: string;
  /** Peacekeeping operation, political mission or support office; see {@link IPI_NON_PKO_MISSIONS}. */
  readonly kind: IpiMissionKind;
  /** Host country name as given (`Country of Mission`), e.g. `Serbia` for UNMIK. */
  readonly hostName: string;
  /**
   * Host ISO-3 as given: one per mission, the HQ country (UNMIK -> SRB, UNMEE -> ERI,
   * MINURCAT -> TCD, UNPROFOR -> HRV). Multi-host missions need another crosswalk.
   */
  readonly hostIso3: string;
  /** HQ city (`Mission HQ`), or null when `NA`. */
  readonly hq: string | null;
  /** Number of contributing countries (TCCs) that month; null if `NA` (never in this file). */
  readonly contributors: number | null;
  /** Troops (persons); `NA` read as 0, see `troopsReported`. */
  readonly troops: number;
  /** Police, individual and formed units (persons); `NA` read as 0, see `policeReported`. */
  readonly police: number;
  /** Military observers / experts on mission (persons); `NA` read as 0, see `observersReported`. */
  readonly observers: number;
  /** Total uniformed personnel (persons) = troops + police + observers (checked). */
  readonly total: number;
  /** False when the file had `NA` for troops. */
  readonly troopsReported: boolean;
  /** False when the file had `NA` for police. */
  readonly policeReported: boolean;
  /** False when the file had `NA` for observers. */
  readonly observersReported: boolean;
  /** Line in the source file (header = line 1), for provenance. */
  readonly line: number;
}

/**
 * Mission labels the reader corrects, so that one operation is one series. Each entry
 * applies to the months `from` .. `to` (inclusive, `YYYY-MM`).
 *
 * - One UNAMSIL row is dated 1999-01 (6 contributors, 8 personnel), nine months before
 *   UNAMSIL was established (October 1999) and isolated from its other rows. UNOMSIL, its
 *   predecessor, has a row for every month 1998-07 to 1999-09 except 1999-01, with figures
 *   of that size (7 in 1999-02): the row is UNOMSIL's, mislabelled.
 * - ONUCI (2005-05 .. 2006-06) is UNOCI under its French acronym; UNOCI has no rows in
 *   exactly those months.
 * - UNAVEM II (1994-06 .. 1995-04) fills exactly the gap in IPI's UNAVEM series, which
 *   covers the Angola verification missions under one label in every other month.
 *
 * The label in the file stays in `missionAsGiven`.
 */
export const IPI_MISSION_RELABELS: readonly { readonly from: string; readonly to: string; readonly months: readonly [string, string] }[] = [
  { from: "UNAMSIL", to: "UNOMSIL", months: ["1999-01", "1999-01"] },
  { from: "ONUCI", to: "UNOCI", months: ["2005-05", "2006-06"] },
  { from: "UNAVEM II", to: "UNAVEM", months: ["1994-06", "1995-04"] },
];

/** Whether an IPI mission is a peacekeeping operation, a special political mission, or a support office. */
export type IpiMissionKind = "peacekeeping" | "political" | "support";

/**
 * IPI missions that are not peacekeeping operations (the file mixes them in). Political:
 * special political missions and integrated offices led by the UN political department
 * (UNAMA, UNAMI, BINUB, BNUB, UNIOSIL, UNSOM, UNMIN, UNOTIL, BONUCA, UNOA, UNMA, UNMC, and
 * UNAMET, the 1999 East Timor consultation mission); none of them is in the UN's
 * peacekeeping list (`pko/un_dppadposs_missions.csv`). Support: UNSOS (support office for
 * the AU mission in Somalia) and LBB (the UN Logistics Base at Brindisi, Italy). Every other
 * mission is `peacekeeping`.
 */
export const IPI_NON_PKO_MISSIONS: Readonly<Record<string, Exclude<IpiMissionKind, "peacekeeping">>> = {
  UNAMA: "political", UNAMI: "political", BINUB: "political", BNUB: "political", UNIOSIL: "political",
  UNSOM: "political", UNMIN: "political", UNOTIL: "political", BONUCA: "political", UNOA: "political",
  UNMA: "political", UNMC: "political", UNAMET: "political",
  UNSOS: "support", LBB: "support",
};

const IPI_MISSION_COLUMNS = [
  "Date", "Mission", "Country of Mission", "Country of Mission ISO-3", "Mission HQ",
  "Number of Contributors", "Troops", "Police", "Observers", "Total",
] as const;

/**
 * Parse the IPI mission-month CSV text. Relabels the rows in {@link IPI_MISSION_RELABELS};
 * a repeated (mission, month), a bad date, a non-integer count or a total that is not
 * the sum of its parts is a DataError naming file, line and column.
 */
export function parseIpiMissionMonth(text: string, name = ipiMissionMonthSource.file): IpiMissionMonthRow[] {
  return ipiMissionMonthRows(parseCsv(text, { name, required: IPI_MISSION_COLUMNS }));
}

/** Read `pko/ipi_data_mission.csv` from the data directory (SHA-256 verified). */
export function readIpiMissionMonth(dataDir: string): IpiMissionMonthRow[] {
  return ipiMissionMonthRows(readSourceCsv(dataDir, ipiMissionMonthSource, { required: IPI_MISSION_COLUMNS }));
}

function ipiMissionMonthRows(table: CsvTable): IpiMissionMonthRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (row) => {
    const { year, month, date } = ipiMonth(row, "Date");
    const missionAsGiven = row.reqStr("Mission");
    const fix = IPI_MISSION_RELABELS.find((r) => r.from === missionAsGiven && r.months[0] <= date && date <= r.months[1]);
    const mission = fix ? fix.to : missionAsGiven;
    const key = `${mission}|${date}`;
    const first = keys.firstLine(key, row);
    if (first !== undefined) throw row.error("Mission", `one row per mission and month (${date} already on line ${first})`, quote(mission));
    const hostIso3 = row.reqStr("Country of Mission ISO-3");
    if (!/^[A-Z]{3}$/.test(hostIso3)) throw row.error("Country of Mission ISO-3", "an ISO-3 code", quote(hostIso3));
    const troops = count(row, "Troops");
    const police = count(row, "Police");
    const observers = count(row, "Observers");
    const total = count(row, "Total");
    if (total === null) throw row.error("Total", "a number", "a missing value");
    const sum = (troops ?? 0) + (police ?? 0) + (observers ?? 0);
    if (sum !== total) throw row.error("Total", `troops + police + observers = ${sum}`, quote(row.raw("Total")));
    return {
      mission,
      missionAsGiven,
      kind: IPI_NON_PKO_MISSIONS[mission] ?? "peacekeeping",
      year,
      month,
      date,
      hostName: row.reqStr("Country of Mission"),
      hostIso3,
      hq: row.str("Mission HQ"),
      contributors: count(row, "Number of Contributors"),
      troops: troops ?? 0,
      police: police ?? 0,
      observers: observers ?? 0,
      total,
      troopsReported: troops !== null,
      policeReported: police !== null,
      observersReported: observers !== null,
      line: row.line,
    };
  });
}

function count(row: CsvRow, col: string): number | null {
  const v = row.int(col);
  if (v !== null && v < 0) throw row.error(col, "a count >= 0", quote(row.raw(col)));
  return v;
}
