import { KeyLines, mapCsv, parseCsv, type CsvRow, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** 3P anti-trafficking policy index (prosecution, protection, prevention 1-5; total 3-15) and tier (2.5 = Watch List), country x year 2000-2013; Serbia cow = 1003 */
export const policyIndex3pSource: SourceDef = {
  id: "policy_index_3p",
  file: "trafficking/policy_index_3p.csv",
  sha256: "8931f83bbf3a8142805c1fd4c256000595fcd49643dcfcc3ace510cec9834c7b",
  bytes: 208663,
  url: "https://raw.githubusercontent.com/andrewheiss/From-the-Trenches-Anti-TIP-NGOs-and-US/a74d421bf3b6b6b93b27d95570b18522613da63c/data/policy_index.csv",
  what: "3P anti-trafficking policy index (prosecution, protection, prevention 1-5; total 3-15) and tier (2.5 = Watch List), country x year 2000-2013; Serbia cow = 1003",
  citation: "Cho, Seo-Young, Axel Dreher and Eric Neumayer. 2014. Determinants of Anti-Trafficking Policies: Evidence from a New Index. Scandinavian Journal of Economics 116(2): 429-454.",
  license: "none stated",
};

/**
 * One country-year of the Cho-Dreher-Neumayer 3P anti-trafficking policy index
 * (as packaged by Heiss and Kelley). Scores are null where the country was not assessed.
 */
export interface PolicyIndex3pRow {
  /** Country name as in the file (abbreviated, e.g. `Trin&Tobago`). */
  readonly country: string;
  /**
   * Year as in the file, 1999-2014 (scores exist for 2000-2013). Its `tier` equals the
   * TIP tier of report year `year` in all 2,042 rows where both files rank the same COW state,
   * so the file is keyed like TIP report years.
   */
  readonly year: number;
  /**
   * COW code, cleaned: the file's non-standard `cow` 1003 for Serbia is 345 (the COW
   * code HTI and the panel use for Serbia and Montenegro / Serbia); 1000 (Hong Kong) and
   * 1002 (Macau) are not COW states and are null. All other codes are kept.
   */
  readonly ccode: number | null;
  /** The `cow` column exactly as in the file. */
  readonly cowRaw: number;
  /** ISO-3 from the file (null for 239 rows, among them Serbia and several small states). */
  readonly iso: string | null;
  /** TIP tier, 2.5 = Tier 2 Watch List, null = not ranked. */
  readonly tier: 1 | 2 | 2.5 | 3 | null;
  /** Overall 3P index: sum of the three components, 3-15. */
  readonly p: number | null;
  /** Prosecution score, 1-5. */
  readonly prosecution: number | null;
  /** Prevention score, 1-5. */
  readonly prevention: number | null;
  /** Protection score, 1-5. */
  readonly protection: number | null;
  /** Whether the country is in that year's TIP report (null where the file has NA). */
  readonly inReport: boolean | null;
}

/** File codes outside the COW system, and what they become in {@link PolicyIndex3pRow.ccode}. */
export const POLICY_INDEX_3P_CODE_FIXES: ReadonlyMap<number, number | null> = new Map([
  [1000, null],
  [1002, null],
  [1003, 345],
]);

const COLUMNS = ["countryname", "year", "cow", "tier", "p", "prosecution", "prevention", "protection", "iso", "in.report"];
const TIERS = [1, 2, 2.5, 3] as const;

/** Parse the 3P policy index CSV text. */
export function parsePolicyIndex3p(text: string, name = policyIndex3pSource.file): PolicyIndex3pRow[] {
  return indexRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the 3P policy index from the data directory (SHA-256 verified). */
export function readPolicyIndex3p(dataDir: string): PolicyIndex3pRow[] {
  return indexRows(readSourceCsv(dataDir, policyIndex3pSource, { required: COLUMNS }));
}

function score(r: CsvRow, col: string, lo: number, hi: number): number | null {
  const v = r.int(col);
  if (v !== null && (v < lo || v > hi)) throw r.error(col, `an integer ${lo}-${hi} or NA`, quote(v));
  return v;
}

function indexRows(table: CsvTable): PolicyIndex3pRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const cowRaw = r.reqInt("cow");
    if (cowRaw <= 0) throw r.error("cow", "a positive COW code", quote(cowRaw));
    const year = r.reqInt("year");
    if (year < 1990 || year > 2100) throw r.error("year", "a year", quote(year));
    const key = `${cowRaw} ${year}`;
    const first = keys.firstLine(key, r);
    if (first !== undefined) throw r.error("cow", "one row per (cow, year)", `a second row for cow ${cowRaw} in ${year} (first on line ${first})`);
    const tier = r.num("tier");
    if (tier !== null && !(TIERS as readonly number[]).includes(tier)) throw r.error("tier", "1, 2, 2.5, 3 or NA", quote(tier));
    const inReport = r.oneOf("in.report", ["TRUE", "FALSE"]);
    const prosecution = score(r, "prosecution", 1, 5);
    const prevention = score(r, "prevention", 1, 5);
    const protection = score(r, "protection", 1, 5);
    const p = score(r, "p", 3, 15);
    if (p !== null && prosecution !== null && prevention !== null && protection !== null && p !== prosecution + prevention + protection) {
      throw r.error("p", `the sum of the three components (${prosecution + prevention + protection})`, quote(p));
    }
    return {
      country: r.reqStr("countryname"),
      year,
      ccode: POLICY_INDEX_3P_CODE_FIXES.has(cowRaw) ? POLICY_INDEX_3P_CODE_FIXES.get(cowRaw)! : cowRaw,
      cowRaw,
      iso: r.str("iso"),
      tier: tier as PolicyIndex3pRow["tier"],
      p,
      prosecution,
      prevention,
      protection,
      inReport: inReport === null ? null : inReport === "TRUE",
    };
  });
}
