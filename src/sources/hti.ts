import { KeyLines, mapCsv, parseCsv, type CsvTable } from "../core/csv.js";
import { quote } from "../core/errors.js";
import { readSourceCsv } from "./read-source.js";
import type { SourceDef } from "./source.js";

/** Human Trafficking Indicators: country x TIP-report year 2001-2011 (unbalanced; countries not in a report have no row); tier; source/transit/destination flags overall and by 7 types (p* = forced prostitution: psource, ptransit, pdest, pinternal); 3P items; treaty dates. Values are text labels; byte 0xCA in treaty-date columns (read as latin-1) */
export const htiSource: SourceDef = {
  id: "hti",
  file: "trafficking/HTI.csv",
  sha256: "fcb4dd587536d00c0152fe684fe937cacd9d327b7f688761a290ee8341e4c33b",
  bytes: 798696,
  url: "https://raw.githubusercontent.com/SioKCronin/libertas/c8c0bc11e8651261b02f00561e50ce8bdc33c97d/HumanTraffickingDestinations/HTI.csv",
  what: "Human Trafficking Indicators: country x TIP-report year 2001-2011 (unbalanced; countries not in a report have no row); tier; source/transit/destination flags overall and by 7 types (p* = forced prostitution: psource, ptransit, pdest, pinternal); 3P items; treaty dates. Values are text labels; byte 0xCA in treaty-date columns (read as latin-1)",
  citation: "Frank, Richard W. 2013. Human Trafficking Indicators, 2000-2011: A New Dataset. University of Sydney. SSRN 2314157.",
  license: "All rights reserved (codebook); public research download, re-posted",
};

/** A three-way HTI label: the report says yes, does not mention it, or explicitly says no. */
export type HtiLabel = "Yes" | "No mention" | "No";
/** A two-way HTI label (the any-type flow flags source, transit, destination, internal). */
export type HtiYesNo = "Yes" | "No";
/** Where a flow is mentioned in the country narrative. */
export type HtiOrder = "First mention" | "Second mention" | "Third mention" | "No mention";
/** HTI tier label; HTI does not separate Tier 2 from the Tier 2 Watch List. */
export type HtiTier = "Tier 1" | "Tier 2/2 Watch List" | "Tier 3" | "Special Case";
/** Four-way label of the prosecution/prevention items that allow partial progress. */
export type HtiSomeLabel = "Yes" | "Some" | "No mention" | "No";

/**
 * The 28 trafficking-type flags: prefix p = forced prostitution, l = forced labour,
 * d = domestic servitude, ds = debt servitude/bondage, cp = child prostitution,
 * cl = child labour, cs = child soldiers; suffix source/transit/dest/internal.
 */
export const HTI_TYPE_FLAGS = [
  "psource", "ptransit", "pdest", "pinternal",
  "lsource", "ltransit", "ldest", "linternal",
  "dsource", "dtransit", "ddest", "dinternal",
  "dssource", "dstransit", "dsdest", "dsinternal",
  "cpsource", "cptransit", "cpdest", "cpinternal",
  "clsource", "cltransit", "cldest", "clinternal",
  "cssource", "cstransit", "csdest", "csinternal",
] as const;
/** Name of one trafficking-type flag column. */
export type HtiTypeFlag = (typeof HTI_TYPE_FLAGS)[number];

/**
 * One country in one TIP report (HTI). Countries absent from a report have no row: treat
 * them as missing, never as "No". Labels are kept as labels; the study's outcome is
 * `pdest === "Yes"`. Treaty-date columns are not read.
 */
/**
 * HTI country codes that are not the COW code of the country meant, and the code used:
 * South Korea is 730 in HTI (COW 730 is the Korea of 1887-1905; South Korea is 732).
 */
export const HTI_CCODE_FIXES: ReadonlyMap<number, number> = new Map([[730, 732]]);

export type HtiRow = {
  /** Country name with duplicate spellings normalised (see {@link HTI_NAME_FIXES}). */
  readonly country: string;
  /** Country name as written in the file. */
  readonly countryRaw: string;
  /**
   * COW code, corrected where HTI's is not the country meant ({@link HTI_CCODE_FIXES}: South
   * Korea 730 -> 732). Serbia and Montenegro (2001-06) and Serbia (2007-11) share 345; Kosovo 347 from 2008.
   */
  readonly ccode: number;
  /** The code as written in the file. */
  readonly ccodeRaw: number;
  /** TIP report year (report t covers April t-1 to March t), 2001-2011. */
  readonly year: number;
  readonly tier: HtiTier;
  /** Government fully complies with the minimum standards. */
  readonly minstand: HtiLabel;
  /**
   * Government makes significant efforts. The file also holds an undocumented `2`
   * (191 rows, 147 of them in 2011, all Tier 1 or Tier 2); kept as found.
   */
  readonly efforts: HtiLabel | "2";
  /** Source country for any type of trafficking. */
  readonly source: HtiYesNo;
  readonly sourceOrder: HtiOrder;
  /** Transit country for any type. */
  readonly transit: HtiYesNo;
  readonly transitOrder: HtiOrder;
  /** Destination for any type (the any-type flag; the outcome uses `pdest`). */
  readonly destination: HtiYesNo;
  readonly destinationOrder: HtiOrder;
  /** Citizens trafficked within the country. */
  readonly internal: HtiYesNo;
  readonly domesticlaws: HtiSomeLabel;
  readonly enforcement: HtiSomeLabel;
  readonly convictinfo: HtiLabel;
  /** People prosecuted (or convicted, when no prosecution count is given); null = no number in the report. */
  readonly prosnum: number | null;
  readonly protectprogress: HtiLabel;
  readonly victimid: HtiLabel;
  readonly victimservices: HtiLabel;
  readonly victimpunish: HtiLabel;
  readonly preventprogress: HtiSomeLabel;
} & { readonly [K in HtiTypeFlag]: HtiLabel };

/** Spellings that name the same country; the file uses both for one COW code. */
export const HTI_NAME_FIXES: Readonly<Record<string, string>> = {
  "Cote D'Ivoire": "Cote d'Ivoire",
  "Equatorial Quinea": "Equatorial Guinea",
};

const LABEL: readonly HtiLabel[] = ["Yes", "No mention", "No"];
const YES_NO: readonly HtiYesNo[] = ["Yes", "No"];
const ORDER: readonly HtiOrder[] = ["First mention", "Second mention", "Third mention", "No mention"];
const TIER: readonly HtiTier[] = ["Tier 1", "Tier 2/2 Watch List", "Tier 3", "Special Case"];
const SOME: readonly HtiSomeLabel[] = ["Yes", "Some", "No mention", "No"];

const HTI_COLUMNS = [
  "country", "ccode", "year", "tier", "minstand", "efforts", "source", "source_order", "transit", "transit_order",
  "destination", "destination_order", "internal", ...HTI_TYPE_FLAGS, "domesticlaws", "enforcement", "convictinfo",
  "prosnum", "protectprogress", "victimid", "victimservices", "victimpunish", "preventprogress",
] as const;

/** Parse HTI text (already decoded from latin-1). Errors name file, line, column, expectation and value. */
export function parseHti(text: string, name = htiSource.file): HtiRow[] {
  return htiRows(parseCsv(text, { name, required: HTI_COLUMNS }));
}

/** Read HTI from the data directory (SHA-256 verified, latin-1). */
export function readHti(dataDir: string): HtiRow[] {
  return htiRows(readSourceCsv(dataDir, htiSource, { encoding: "latin1", required: HTI_COLUMNS }));
}

function htiRows(table: CsvTable): HtiRow[] {
  const keys = new KeyLines();
  return mapCsv(table, (r) => {
    const oneOf = <T extends string>(col: string, values: readonly T[]): T => {
      const v = r.oneOf(col, values);
      if (v === null) throw r.error(col, values.join("/"), "a missing value");
      return v;
    };
    const countryRaw = r.reqStr("country");
    const ccodeRaw = r.reqInt("ccode");
    if (ccodeRaw <= 0) throw r.error("ccode", "a positive COW code", quote(ccodeRaw));
    const ccode = HTI_CCODE_FIXES.get(ccodeRaw) ?? ccodeRaw;
    const year = r.reqInt("year");
    if (year < 2001 || year > 2011) throw r.error("year", "a TIP report year 2001-2011", quote(year));
    const key = `${ccode} ${year}`;
    const first = keys.firstLine(key, r);
    if (first !== undefined) {
      throw r.error("ccode", `one row per (ccode, year)`, `a second row for ccode ${ccode} in ${year} (first on line ${first})`);
    }
    const prosnum = r.int("prosnum");
    if (prosnum !== null && prosnum < 0) throw r.error("prosnum", "a count >= 0 or empty", quote(prosnum));
    const flags = {} as Record<HtiTypeFlag, HtiLabel>;
    for (const f of HTI_TYPE_FLAGS) flags[f] = oneOf(f, LABEL);
    return {
      country: HTI_NAME_FIXES[countryRaw] ?? countryRaw,
      countryRaw,
      ccode,
      ccodeRaw,
      year,
      tier: oneOf("tier", TIER),
      minstand: oneOf("minstand", LABEL),
      efforts: oneOf("efforts", [...LABEL, "2"] as const),
      source: oneOf("source", YES_NO),
      sourceOrder: oneOf("source_order", ORDER),
      transit: oneOf("transit", YES_NO),
      transitOrder: oneOf("transit_order", ORDER),
      destination: oneOf("destination", YES_NO),
      destinationOrder: oneOf("destination_order", ORDER),
      internal: oneOf("internal", YES_NO),
      ...flags,
      domesticlaws: oneOf("domesticlaws", SOME),
      enforcement: oneOf("enforcement", SOME),
      convictinfo: oneOf("convictinfo", LABEL),
      prosnum,
      protectprogress: oneOf("protectprogress", LABEL),
      victimid: oneOf("victimid", LABEL),
      victimservices: oneOf("victimservices", LABEL),
      victimpunish: oneOf("victimpunish", LABEL),
      preventprogress: oneOf("preventprogress", SOME),
    };
  });
}
