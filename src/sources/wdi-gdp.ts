import { KeyLines, csvRows, parseCsv, type CsvTable } from "../core/csv.js";
import { DataError, quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** World Bank GDP in current US$ (NY.GDP.MKTP.CD), country/aggregate x year 1960-2023 */
export const wdiGdpSource: SourceDef = {
  id: "wdi_gdp",
  file: "controls/wdi_gdp_current_usd.csv",
  sha256: "f0a8408195646dbb1a9d7fc4424e2d302ee5380d0ec8834793f12ca25cbd7e2c",
  bytes: 576746,
  url: "https://raw.githubusercontent.com/datasets/gdp/1cdcd2eb2364edd9da24bcbe134c1a9e0fb4c693/data/gdp.csv",
  what: "World Bank GDP in current US$ (NY.GDP.MKTP.CD), country/aggregate x year 1960-2023",
  citation: "World Bank, World Development Indicators.",
  license: "CC BY 4.0 (data); ODC-PDDL (packaging)",
};

/** World Bank GDP for one economy-year (long layout: one row per country and year). */
export interface WdiGdpRow {
  readonly country: string;
  /** World Bank code: ISO-3 for economies (Kosovo = XKX), own codes for aggregates (WLD, EUU, ...). */
  readonly iso3: string;
  readonly year: number;
  /** GDP, current US dollars (NY.GDP.MKTP.CD). */
  readonly gdpUsd: number;
  /** True for regional and income-group aggregates (see {@link WDI_AGGREGATES}); filter these out before joining. */
  readonly isAggregate: boolean;
}

/** World Bank aggregate codes found in the WDI files (regions, income groups, lending groups, World). */
export const WDI_AGGREGATES: ReadonlySet<string> = new Set([
  "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU", "FCS", "HIC", "HPC", "IBD",
  "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC", "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC",
  "OED", "OSS", "PRE", "PSS", "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC", "WLD",
]);

/** One economy-year value of a WDI indicator, before it is named. */
export interface WdiValue {
  readonly country: string;
  readonly iso3: string;
  readonly year: number;
  readonly value: number;
  readonly isAggregate: boolean;
}

/**
 * Read a WDI indicator table in either layout: long (`Country Name, Country Code, Year,
 * Value`, as in the mirror) or wide (`Country Name, Country Code, ..., 1960, 1961, ...`,
 * as the World Bank download; empty cells are skipped). Values must be > 0.
 * Rows come out in file order (wide: row by row, years left to right).
 */
export function wdiValues(table: CsvTable): WdiValue[] {
  const years = table.header.filter((h) => /^\d{4}$/.test(h));
  const wide = !table.header.includes("Year") && years.length > 0;
  const need = wide ? ["Country Name", "Country Code"] : ["Country Name", "Country Code", "Year", "Value"];
  for (const col of need) {
    if (!table.header.includes(col)) {
      throw new DataError(
        { file: table.name, line: 1, column: col },
        `a column named "${col}" in the header (long layout: Country Name, Country Code, Year, Value; or wide: one column per year)`,
        `columns ${table.header.map((h) => JSON.stringify(h)).join(", ")}`,
      );
    }
  }
  const out: WdiValue[] = [];
  const keys = new KeyLines();
  for (const r of csvRows(table)) {
    const country = r.reqStr("Country Name");
    const iso3 = r.reqStr("Country Code");
    if (!/^[A-Z0-9]{3}$/.test(iso3)) throw r.error("Country Code", "a three-character World Bank code", quote(iso3));
    const cells: [string, number][] = wide ? years.map((y) => [y, Number(y)]) : [["Value", r.reqInt("Year")]];
    for (const [col, year] of cells) {
      const value = wide ? r.num(col) : r.reqNum(col);
      if (value === null) continue;
      if (value <= 0) throw r.error(col, "a positive number", quote(value));
      const key = `${iso3} ${year}`;
      const first = keys.firstLine(key, r);
      if (first !== undefined) throw r.error(wide ? col : "Year", "one value per (Country Code, Year)", `a second value for ${iso3} in ${year} (first on line ${first})`);
      out.push({ country, iso3, year, value, isAggregate: WDI_AGGREGATES.has(iso3) });
    }
  }
  return out;
}

/** Parse the WDI GDP CSV text (long or wide layout). */
export function parseWdiGdp(text: string, name = wdiGdpSource.file): WdiGdpRow[] {
  return toGdp(wdiValues(parseCsv(text, { name })));
}

/** Read the WDI GDP file from the data directory (SHA-256 verified). */
export function readWdiGdp(dataDir: string): WdiGdpRow[] {
  return toGdp(wdiValues(readSourceCsv(dataDir, wdiGdpSource)));
}

function toGdp(values: readonly WdiValue[]): WdiGdpRow[] {
  return values.map(({ value, ...v }) => ({ ...v, gdpUsd: value }));
}
