import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { ipiMonth } from "./ipi-month.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** contributor x mission personnel for 2014-03 in the full 73-column IPI schema */
export const ipiTccMonthSource: SourceDef = {
  id: "ipi_tcc_month",
  file: "pko/ipi_tcc_2014-03.csv",
  sha256: "457d805193f85439529a2bff340c9e57ff3ad7a88e45be25e2482f5e75d46586",
  bytes: 154228,
  url: "https://raw.githubusercontent.com/IPIDataLab/PPP_Loader/adec10c8516cdf0a556419f34172d1bd76bf7aa5/ppp_files/current_month/current_month.csv",
  what: "contributor x mission personnel for 2014-03 in the full 73-column IPI schema",
  citation: "Perry, Chris and Adam C. Smith. 2013. Trends in Uniformed Contributions to UN Peacekeeping: A New Dataset, 1991-2012. Providing for Peacekeeping No. 3. International Peace Institute.",
  license: "none stated (repo code GPL-2.0)",
};

/**
 * One contributing country (TCC) in one UN mission in 2014-03, in IPI's full schema
 * (only the identifying and personnel columns are kept). `NA` in a personnel column
 * means none of that type: in this file `Total` is never `NA` and always equals
 * troops + police + observers over the non-`NA` cells, so `NA` is read as 0.
 * Strings lose a stray trailing `'` (the file has `South Sudan'`); inner apostrophes
 * (`N'Djamena`) are kept.
 */
export interface IpiTccMonthRow {
  /** Contributor name as written. */
  readonly contributor: string;
  /** Contributor ISO-3. */
  readonly contributorIso3: string;
  /** Mission acronym. */
  readonly mission: string;
  /** Host country name (`Mission_Country`), trailing `'` removed. */
  readonly hostName: string;
  /** Host ISO-3 (`Mission_Country_ISO-3`): the HQ country, as in the mission-month file. */
  readonly hostIso3: string;
  /** Calendar year (2014). */
  readonly year: number;
  /** Calendar month (3). */
  readonly month: number;
  /** `YYYY-MM`. */
  readonly date: string;
  /** Troops (persons; `NA` = 0). */
  readonly troops: number;
  /** Individual police (persons; `NA` = 0; the file's column is spelt `Inidividual_Police`). */
  readonly individualPolice: number;
  /** Formed police units (persons; `NA` = 0). */
  readonly formedPolice: number;
  /** All police (`Civilian_Police`, persons) = individual + formed (checked). */
  readonly police: number;
  /** Military observers / experts on mission (persons; `NA` = 0; `Observers` = `Experts_on_Mission`, checked). */
  readonly observers: number;
  /** Total (persons) = troops + police + observers (checked). */
  readonly total: number;
  /** Line in the source file (header = line 1). */
  readonly line: number;
}

const TCC_MONTH_COLUMNS = [
  "Date", "Contributor", "Contributor_ISO-3", "Mission", "Mission_Country", "Mission_Country_ISO-3",
  "Experts_on_Mission", "Formed_Police_Units", "Inidividual_Police", "Civilian_Police", "Troops", "Observers", "Total",
] as const;

/**
 * Parse the IPI contributor-month CSV text (2014-03). A repeated (contributor, mission),
 * a bad count or totals that do not add up are DataErrors naming file, line and column.
 */
export function parseIpiTccMonth(text: string, name = ipiTccMonthSource.file): IpiTccMonthRow[] {
  return tccMonthRows(parseCsv(text, { name, required: TCC_MONTH_COLUMNS }));
}

/** Read `pko/ipi_tcc_2014-03.csv` from the data directory (SHA-256 verified). */
export function readIpiTccMonth(dataDir: string): IpiTccMonthRow[] {
  return tccMonthRows(readSourceCsv(dataDir, ipiTccMonthSource, { required: TCC_MONTH_COLUMNS }));
}

function tccMonthRows(table: CsvTable): IpiTccMonthRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (row) => {
    const { year, month, date } = ipiMonth(row, "Date");
    const contributorIso3 = iso3(row, "Contributor_ISO-3");
    const mission = text(row, "Mission");
    const key = `${contributorIso3}|${mission}`;
    const first = keys.firstLine(key, row);
    if (first !== undefined) throw row.error("Mission", `one row per contributor and mission (already on line ${first})`, quote(mission));
    const troops = persons(row, "Troops");
    const individualPolice = persons(row, "Inidividual_Police");
    const formedPolice = persons(row, "Formed_Police_Units");
    const police = persons(row, "Civilian_Police");
    const experts = persons(row, "Experts_on_Mission");
    const observers = persons(row, "Observers");
    const total = persons(row, "Total");
    if (police !== individualPolice + formedPolice) {
      throw row.error("Civilian_Police", `Inidividual_Police + Formed_Police_Units = ${individualPolice + formedPolice}`, quote(row.raw("Civilian_Police")));
    }
    if (observers !== experts) throw row.error("Observers", `the same as Experts_on_Mission (${experts})`, quote(row.raw("Observers")));
    if (total !== troops + police + observers) {
      throw row.error("Total", `Troops + Civilian_Police + Observers = ${troops + police + observers}`, quote(row.raw("Total")));
    }
    return {
      contributor: text(row, "Contributor"),
      contributorIso3,
      mission,
      hostName: text(row, "Mission_Country"),
      hostIso3: iso3(row, "Mission_Country_ISO-3"),
      year,
      month,
      date,
      troops,
      individualPolice,
      formedPolice,
      police,
      observers,
      total,
      line: row.line,
    };
  });
}

function text(row: CsvRow, col: string): string {
  return row.reqStr(col).replace(/'+$/, "").trim();
}

function iso3(row: CsvRow, col: string): string {
  const v = text(row, col);
  if (!/^[A-Z]{3}$/.test(v)) throw row.error(col, "an ISO-3 code", quote(row.raw(col)));
  return v;
}

function persons(row: CsvRow, col: string): number {
  const v = row.int(col);
  if (v !== null && v < 0) throw row.error(col, "a count >= 0", quote(row.raw(col)));
  return v ?? 0;
}
