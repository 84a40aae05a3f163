import { KeyLines, mapCsv, parseCsv, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** Maddison Project Database 2023: ISO3 x year, GDP per capita (2011 PPP) and population (thousands), filtered to 1946+ */
export const maddisonSource: SourceDef = {
  id: "maddison",
  file: "controls/maddison2023_gdppc_pop.csv",
  sha256: "0355d9a417c4d1405a648f1e8cdd8fb412551f5f19a8ccf2d905a05c2eeecafb",
  bytes: 365784,
  url: null,
  what: "Maddison Project Database 2023: ISO3 x year, GDP per capita (2011 PPP) and population (thousands), filtered to 1946+",
  citation: "Bolt, Jutta and Jan Luiten van Zanden. 2024. Maddison style estimates of the evolution of the world economy: A new 2023 update. Journal of Economic Surveys.",
  license: "CC BY 4.0 (data)",
  derived: "converted from the R data file at origin with R 4.2 load() and write.csv(row.names=FALSE, na=''); values unchanged; rows with year >= 1946",
};

/** Maddison Project 2023 for one country-year (ISO-3 coded; 1946 onwards in this copy). */
export interface MaddisonRow {
  /** ISO-3 country code. */
  readonly iso3: string;
  readonly year: number;
  /** Real GDP per capita, 2011 international dollars; null where missing (566 rows). */
  readonly gdppc: number | null;
  /** Population, thousands of persons; null where missing (29 rows). */
  readonly pop: number | null;
}

const COLUMNS = ["ISO", "year", "gdppc", "pop"];

/** Parse the Maddison CSV text. */
export function parseMaddison(text: string, name = maddisonSource.file): MaddisonRow[] {
  return maddisonRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the Maddison file from the data directory (SHA-256 verified). */
export function readMaddison(dataDir: string): MaddisonRow[] {
  return maddisonRows(readSourceCsv(dataDir, maddisonSource, { required: COLUMNS }));
}

function maddisonRows(table: CsvTable): MaddisonRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const iso3 = r.reqStr("ISO");
    if (!/^[A-Z]{3}$/.test(iso3)) throw r.error("ISO", "a three-letter ISO code", quote(iso3));
    const year = r.reqInt("year");
    const key = `${iso3} ${year}`;
    const first = keys.firstLine(key, r);
    if (first !== undefined) throw r.error("ISO", "one row per (ISO, year)", `a second row for ${iso3} in ${year} (first on line ${first})`);
    const gdppc = r.num("gdppc");
    if (gdppc !== null && gdppc <= 0) throw r.error("gdppc", "a positive number or NA", quote(gdppc));
    const pop = r.num("pop");
    if (pop !== null && pop <= 0) throw r.error("pop", "a positive number or NA", quote(pop));
    return { iso3, year, gdppc, pop };
  });
}
