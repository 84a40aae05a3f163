import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { ipiMonth } from "./ipi-month.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** contributor x mission x month personnel by type and sex (M/F/T); 2009-11 to 2014-02; no host column (join on Mission) */
export const ipiTccGenderSource: SourceDef = {
  id: "ipi_tcc_gender",
  file: "pko/ipi_tcc_gender_2009-11_2014-02.csv",
  sha256: "f923a2f0b1b0378aeff640d649d797047f411e95e54929f69fce26ea8b46d0cf",
  bytes: 2274342,
  url: "https://raw.githubusercontent.com/IPIDataLab/TCC-DataScraper/544bafde51c2e809b707d50248c53b61e68d90db/tcc_files/Gender.Full.csv",
  what: "contributor x mission x month personnel by type and sex (M/F/T); 2009-11 to 2014-02; no host column (join on Mission)",
  citation: "Perry, Chris and Adam C. Smith. 2013. Trends in Uniformed Contributions to UN Peacekeeping: A New Dataset, 1991-2012. Providing for Peacekeeping No. 3. International Peace Institute.",
  license: "none stated",
};

/** Persons of one personnel type in one contributor-mission-month, by sex (all counts of persons). */
export interface PersonnelBySex {
  readonly male: number;
  readonly female: number;
  /** male + female (checked against the file's Total column). */
  readonly total: number;
}

/**
 * One contributing country (TCC) in one UN mission in one month, 2009-11 to 2014-02
 * (IPI, from the UN's gender statistics). There is no host column: join on `mission`.
 * No count is missing in this file; a missing or non-integer count is an error.
 */
export interface IpiTccGenderRow {
  /** Contributor name as written (some countries have two spellings; use `contributorIso3`). */
  readonly contributor: string;
  /** Contributor ISO-3, e.g. `NPL`. */
  readonly contributorIso3: string;
  /** Mission acronym, e.g. `MINUSTAH`. */
  readonly mission: string;
  /** Calendar year. */
  readonly year: number;
  /** Calendar month, 1-12. */
  readonly month: number;
  /** `YYYY-MM` (the file's `Date` is the month's last day). */
  readonly date: string;
  /** Individual police officers. */
  readonly individualPolice: PersonnelBySex;
  /** Formed police units. */
  readonly formedPolice: PersonnelBySex;
  /** Experts on mission (military observers and the like). */
  readonly experts: PersonnelBySex;
  /** Troops. */
  readonly troops: PersonnelBySex;
  /** All uniformed personnel (the sum of the four types; checked). */
  readonly total: PersonnelBySex;
  /** Line in the source file (header = line 1). */
  readonly line: number;
}

const TYPES = [
  ["individualPolice", "Individual Police"],
  ["formedPolice", "Formed Police Units"],
  ["experts", "Experts on Mission"],
  ["troops", "Troops"],
  ["total", "Total"],
] as const;

const GENDER_COLUMNS = [
  "Date", "Contributor", "Contributor ISO-3", "Mission",
  ...TYPES.flatMap(([, t]) => [`${t} Male`, `${t} Female`, `${t} Total`]),
];

/**
 * Parse the IPI contributor-gender CSV text. The leading unnamed column (an R row
 * index) is ignored. A repeated (contributor, mission, month), a count that is not a
 * non-negative integer, or totals that do not add up are DataErrors naming file, line
 * and column.
 */
export function parseIpiTccGender(text: string, name = ipiTccGenderSource.file): IpiTccGenderRow[] {
  return genderRows(parseCsv(text, { name, required: GENDER_COLUMNS }));
}

/** Read `pko/ipi_tcc_gender_2009-11_2014-02.csv` from the data directory (SHA-256 verified). */
export function readIpiTccGender(dataDir: string): IpiTccGenderRow[] {
  return genderRows(readSourceCsv(dataDir, ipiTccGenderSource, { required: GENDER_COLUMNS }));
}

const SEX_TOTALS = [["male", "Total Male"], ["female", "Total Female"], ["total", "Total Total"]] as const;

function genderRows(table: CsvTable): IpiTccGenderRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (row) => {
    const { year, month, date } = ipiMonth(row, "Date");
    const contributorIso3 = row.reqStr("Contributor ISO-3");
    if (!/^[A-Z]{3}$/.test(contributorIso3)) throw row.error("Contributor ISO-3", "an ISO-3 code", quote(contributorIso3));
    const mission = row.reqStr("Mission");
    const key = `${contributorIso3}|${mission}|${date}`;
    const first = keys.firstLine(key, row);
    if (first !== undefined) {
      throw row.error("Contributor ISO-3", `one row per contributor, mission and month (${mission} ${date} already on line ${first})`, quote(contributorIso3));
    }
    const by = {
      individualPolice: bySex(row, "Individual Police"),
      formedPolice: bySex(row, "Formed Police Units"),
      experts: bySex(row, "Experts on Mission"),
      troops: bySex(row, "Troops"),
      total: bySex(row, "Total"),
    } satisfies Record<(typeof TYPES)[number][0], PersonnelBySex>;
    for (const [sex, col] of SEX_TOTALS) {
      const sum = by.individualPolice[sex] + by.formedPolice[sex] + by.experts[sex] + by.troops[sex];
      if (sum !== by.total[sex]) throw row.error(col, `the sum of the four personnel types = ${sum}`, quote(row.raw(col)));
    }
    return {
      contributor: row.reqStr("Contributor"),
      contributorIso3,
      mission,
      year,
      month,
      date,
      ...by,
      line: row.line,
    };
  });
}

/** Each type's male, female and total column names, built once (not per row). */
const SEX_COLUMNS: ReadonlyMap<string, readonly [string, string, string]> = new Map(TYPES.map(([, t]) => [t, [`${t} Male`, `${t} Female`, `${t} Total`] as const]));

function bySex(row: CsvRow, type: string): PersonnelBySex {
  const cols = SEX_COLUMNS.get(type)!;
  const count = (col: string): number => {
    const v = row.reqInt(col);
    if (v < 0) throw row.error(col, "a count >= 0", quote(row.raw(col)));
    return v;
  };
  const male = count(cols[0]), female = count(cols[1]), total = count(cols[2]);
  if (male + female !== total) throw row.error(cols[2], `male + female = ${male + female}`, quote(row.raw(cols[2])));
  return { male, female, total };
}
