/**
 * The coding rules the crosswalk applies on top of its two sources (the isard COW/GW
 * state-year panel and the countrycode code list). Each rule carries its reason; the same
 * rules are written out in docs/country-codes.md.
 */

/** An ISO-3 code assigned to a COW code for a span of years (inclusive; open ends allowed). */
export interface CowIso3Rule {
  readonly ccode: number;
  /** First year the rule applies to; undefined = no lower bound. */
  readonly from?: number;
  /** Last year the rule applies to; undefined = no upper bound. */
  readonly to?: number;
  /** The ISO-3 code, or null when the state deliberately has none. */
  readonly iso3: string | null;
  readonly reason: string;
}

/**
 * ISO-3 codes for COW states the code list leaves without one (COW 260, 265, 315, 345,
 * 347, 678, 680, 817), plus the explicit Germany rule. These replace the code list's
 * ISO-3 for the listed years. Where two COW states of one year end up with the same
 * ISO-3 (1990: 255 and 260 share DEU; 678 and 679 share YEM), the code goes to the state
 * that was a system member for more days of that year and the other gets none: the map
 * is one-to-one within every year, so ISO-3 -> COW -> ISO-3 round-trips.
 */
export const COW_ISO3_RULES: readonly CowIso3Rule[] = [
  { ccode: 255, iso3: "DEU", reason: "Germany; COW 255 again from 1990-10-03, so DEU from 1991 (in 1990 DEU goes to 260, a member for 275 days)" },
  { ccode: 260, iso3: "DEU", reason: "German Federal Republic (West Germany), COW 260 1955-05-05 to 1990-10-02: DEU through 1990 (data README: Germany 260 = DEU)" },
  { ccode: 265, iso3: "DDR", reason: "German Democratic Republic: ISO 3166-3 former code DDR" },
  { ccode: 315, iso3: "CSK", reason: "Czechoslovakia: ISO 3166-3 former code CSK" },
  { ccode: 345, to: 1991, iso3: "YUG", reason: "Socialist Federal Republic of Yugoslavia (to 1991): ISO 3166-3 former code YUG" },
  { ccode: 345, from: 1992, iso3: "SRB", reason: "COW 345 from 1992 is the Federal Republic of Yugoslavia, Serbia and Montenegro (2003-06), then Serbia: coded SRB as the continuing state (data README)" },
  { ccode: 347, from: 2008, iso3: "XKX", reason: "Kosovo, COW member from 2008-02-20: XKX by World Bank convention (KSV and KOS accepted as aliases)" },
  { ccode: 678, iso3: "YEM", reason: "Yemen Arab Republic (North Yemen, COW 678 to 1990-05-21) held ISO YEM before unification; in 1990 YEM goes to 679 (224 days against 141)" },
  { ccode: 680, iso3: "YMD", reason: "People's Democratic Republic of Yemen (South Yemen, COW 680 to 1990-05-21): ISO 3166-3 former code YMD" },
  { ccode: 817, iso3: null, reason: "Republic of Vietnam (South Vietnam, to 1975): no ISO-3 of its own; VDR in ISO 3166-3 is North Vietnam (COW 816 = VNM), so none is assigned" },
];

/**
 * Alternative ISO-3 spellings accepted by iso3ToCow: KSV (UN PKO crosswalk) and KOS (TIP
 * tiers, 3P index) for Kosovo; SCG (Serbia and Montenegro 2003-06) for SRB; SUN (USSR, used
 * by Maddison) for RUS, as COW 365 covers both; retired codes ROM (Romania), ZAR (Zaire),
 * TMP (East Timor). YUG is read as SRB from 1992.
 */
export const ISO3_ALIASES: Readonly<Record<string, string>> = {
  KSV: "XKX",
  KOS: "XKX",
  SCG: "SRB",
  SUN: "RUS",
  ROM: "ROU",
  ZAR: "COD",
  TMP: "TLS",
};

/** The canonical ISO-3 for an accepted spelling in a given year (upper-cased, trimmed). */
export function canonicalIso3(iso3: string, year: number): string {
  const code = iso3.trim().toUpperCase();
  if (code === "YUG" && year >= 1992) return "SRB";
  return ISO3_ALIASES[code] ?? code;
}

/** The rule for a COW code in a year, if one applies. */
export function cowIso3Rule(ccode: number, year: number): CowIso3Rule | undefined {
  return COW_ISO3_RULES.find((r) => r.ccode === ccode && (r.from ?? -Infinity) <= year && year <= (r.to ?? Infinity));
}

/** The ISO-3 a COW code carries when no year is given: the last rule for it, if any. */
export function cowIso3RuleLatest(ccode: number): CowIso3Rule | undefined {
  const rules = COW_ISO3_RULES.filter((r) => r.ccode === ccode);
  return rules.find((r) => r.to === undefined) ?? rules[rules.length - 1];
}
