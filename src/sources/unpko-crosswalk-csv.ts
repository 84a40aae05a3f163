import { csvRows, parseCsv, type CsvTable } from "../core/csv.js";
import { DataError, quote } from "../core/errors.js";
import type { SourceDef } from "./source.js";
import { readVerified } from "./verify.js";

/** CSV copy of unpko_country_crosswalk.xlsx */
export const unpkoCrosswalkCsvSource: SourceDef = {
  id: "unpko_crosswalk_csv",
  file: "pko/unpko_country_crosswalk.csv",
  sha256: "f86ea011f333c094bac19b6ff2a54247dda2c9d13375d020fa27ddf223ff783f",
  bytes: 6470,
  url: null,
  what: "CSV copy of unpko_country_crosswalk.xlsx",
  citation: "Ballesteros, T. D., conflict-relapse repository (unofficial).",
  license: "none stated",
  derived: "sheet 1 of the xlsx written as CSV; values unchanged",
};

/** A mission and its host countries from the (unofficial) UNPKO crosswalk. */
export interface UnpkoCrosswalkRow {
  /** Mission acronym, e.g. `UNMIK`. */
  readonly mission: string;
  /** Full name, with `&amp;` decoded to `&`. */
  readonly name: string;
  /**
   * Host ISO-3 codes in file order, e.g. UNMIK -> [SRB, XKX]. Kosovo's `KSV` is rewritten
   * to `XKX` (World Bank convention, as in the rest of the project). UNYOM's `YAR` (Yemen
   * Arab Republic) is kept as given. Empty for the rows that name no host: the umbrella
   * rows UNOSOM, UNEF and UNAVEM, and UNPF and UNFOR.
   */
  readonly hosts: readonly string[];
  /** Line of the mission's first row in the source file (header = line 1). */
  readonly line: number;
}

/** Codes the reader rewrites in `hosts`. */
export const UNPKO_CODE_FIXES: Readonly<Record<string, string>> = { KSV: "XKX" };

const CROSSWALK_COLUMNS = ["mission_acronym", "mission_name", "iso3c"] as const;

/**
 * Parse the UNPKO crosswalk CSV text into one row per mission. Lines with only two fields
 * (no trailing comma for a missing host) are read as "no host"; any other field count,
 * a bad code, a repeated (mission, host) pair, or two names for one mission is a
 * DataError naming file, line and column.
 */
export function parseUnpkoCrosswalk(text: string, name = unpkoCrosswalkCsvSource.file): UnpkoCrosswalkRow[] {
  return crosswalkRows(parseRagged(text, name));
}

/** Read `pko/unpko_country_crosswalk.csv` from the data directory (SHA-256 verified). */
export function readUnpkoCrosswalk(dataDir: string): UnpkoCrosswalkRow[] {
  return parseUnpkoCrosswalk(readVerified(dataDir, unpkoCrosswalkCsvSource).toString("utf8"));
}

/** Like parseCsv, but lines one field short (a missing last cell) are padded with an empty cell. */
function parseRagged(text: string, name: string): CsvTable {
  const table = parseCsv(text, { name, required: CROSSWALK_COLUMNS, relaxColumnCount: true });
  const width = table.header.length;
  const rows = table.rows.map((record, r) => {
    if (record.length !== width && record.length !== width - 1) {
      throw new DataError({ file: name, line: table.lines[r] }, `${width} fields (or ${width - 1} when the last is missing)`, `${record.length}`);
    }
    return record.length === width ? record : [...record, ""];
  });
  return { ...table, rows };
}

function crosswalkRows(table: CsvTable): UnpkoCrosswalkRow[] {
  const out = new Map<string, { mission: string; name: string; hosts: string[]; line: number }>();
  for (const row of csvRows(table)) {
    const mission = row.reqStr("mission_acronym");
    const name = row.reqStr("mission_name").replace(/&amp;/g, "&").replace(/^"+/, "");
    const raw = row.str("iso3c");
    if (raw !== null && !/^[A-Z]{3}$/.test(raw)) throw row.error("iso3c", "an ISO-3 code or nothing", quote(raw));
    const host = raw === null ? null : (UNPKO_CODE_FIXES[raw] ?? raw);
    let entry = out.get(mission);
    if (entry === undefined) {
      entry = { mission, name, hosts: [], line: row.line };
      out.set(mission, entry);
    } else if (entry.name !== name) {
      throw row.error("mission_name", `the name on line ${entry.line} ("${entry.name}")`, quote(name));
    }
    if (host !== null) {
      if (entry.hosts.includes(host)) throw row.error("iso3c", `each host once per mission (${mission} already has it)`, quote(raw));
      entry.hosts.push(host);
    }
  }
  return [...out.values()];
}
