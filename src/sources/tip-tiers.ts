import { KeyLines, mapCsv, parseCsv, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** US TIP report tier by country x report year 1999-2015, Watch List separate; labels carry trailing spaces; NA = not in report or Special Case */
export const tipTiersSource: SourceDef = {
  id: "tip_tiers",
  file: "trafficking/tip_tiers_orig.csv",
  sha256: "65909a7bd4053b8947a3b54c9c2d7619d0af708189e4fe5c1ac02ba770a8af75",
  bytes: 121833,
  url: "https://raw.githubusercontent.com/andrewheiss/From-the-Trenches-Anti-TIP-NGOs-and-US/a74d421bf3b6b6b93b27d95570b18522613da63c/data/tip_tiers_orig.csv",
  what: "US TIP report tier by country x report year 1999-2015, Watch List separate; labels carry trailing spaces; NA = not in report or Special Case",
  citation: "Heiss, Andrew and Judith G. Kelley. 2017. From the Trenches: A Global Survey of Anti-TIP NGOs and their Views of US Efforts. Journal of Human Trafficking 3(3); tiers from Kelley, Scorecard Diplomacy (2017).",
  license: "none stated",
};

/** Tier label as printed (trailing spaces removed). */
export type TipTierLabel = "Tier 1" | "Tier 2" | "Watchlist" | "Tier 3";
/** Tier as a number: the Tier 2 Watch List is 2.5. */
export type TipTier = 1 | 2 | 2.5 | 3;

/**
 * One country in one TIP report year (Kelley's tier series). `tier` null means the
 * country was not ranked that year: not in the report, or a Special Case (the file does
 * not tell them apart).
 */
export interface TipTierRow {
  readonly country: string;
  /** ISO-3 as in the file; Kosovo is `KOS` here (not `XKX`). */
  readonly iso: string;
  /**
   * COW code, cleaned: the file's non-standard 1001 (Kosovo) is 347 and 1003 (Serbia) is
   * 345; Serbia's missing code in 2015 is 345; 1000 (Hong Kong), 1002 (Macao) and the
   * other missing codes in 2015 (Aruba, Curacao, Hong Kong, Macao, Sint Maarten) are null.
   */
  readonly ccode: number | null;
  /** COW code exactly as in the file (null for `NA`). */
  readonly ccodeRaw: number | null;
  /** TIP report year, 1999-2015 (no report before 2001: all tiers are null then). */
  readonly year: number;
  readonly tier: TipTier | null;
  readonly tierLabel: TipTierLabel | null;
  /** True for the Tier 2 Watch List (tier 2.5). */
  readonly watchList: boolean;
}

/** File codes outside the COW system, and what they become in {@link TipTierRow.ccode}. */
export const TIP_TIERS_CODE_FIXES: ReadonlyMap<number, number | null> = new Map([
  [1000, null],
  [1001, 347],
  [1002, null],
  [1003, 345],
]);

const TIER_OF: Readonly<Record<TipTierLabel, TipTier>> = { "Tier 1": 1, "Tier 2": 2, Watchlist: 2.5, "Tier 3": 3 };
const LABELS = Object.keys(TIER_OF) as TipTierLabel[];
const COLUMNS = ["countryname", "iso", "year", "ccode", "tier"];

/** Parse the TIP tiers CSV text. */
export function parseTipTiers(text: string, name = tipTiersSource.file): TipTierRow[] {
  return tierRows(parseCsv(text, { name, required: COLUMNS }));
}

/** Read the TIP tiers file from the data directory (SHA-256 verified). */
export function readTipTiers(dataDir: string): TipTierRow[] {
  return tierRows(readSourceCsv(dataDir, tipTiersSource, { required: COLUMNS }));
}

function tierRows(table: CsvTable): TipTierRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const iso = r.reqStr("iso");
    if (!/^[A-Z]{3}$/.test(iso)) throw r.error("iso", "a three-letter ISO code", quote(iso));
    const year = r.reqInt("year");
    if (year < 1999 || year > 2015) throw r.error("year", "a report year 1999-2015", quote(year));
    const key = `${iso} ${year}`;
    const first = keys.firstLine(key, r);
    if (first !== undefined) throw r.error("iso", "one row per (iso, year)", `a second row for ${iso} in ${year} (first on line ${first})`);
    const ccodeRaw = r.int("ccode");
    if (ccodeRaw !== null && ccodeRaw <= 0) throw r.error("ccode", "a positive COW code or NA", quote(ccodeRaw));
    const ccode = ccodeRaw === null ? (iso === "SRB" ? 345 : null) : (TIP_TIERS_CODE_FIXES.has(ccodeRaw) ? TIP_TIERS_CODE_FIXES.get(ccodeRaw)! : ccodeRaw);
    const tierLabel = r.oneOf("tier", LABELS);
    return {
      country: r.reqStr("countryname"),
      iso,
      ccode,
      ccodeRaw,
      year,
      tier: tierLabel === null ? null : TIER_OF[tierLabel],
      tierLabel,
      watchList: tierLabel === "Watchlist",
    };
  });
}
