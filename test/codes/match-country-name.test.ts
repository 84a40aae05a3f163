import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { csvRows, readCsv } from "../../src/core/csv.js";
import { loadCountryCodes, normalizeCountryName } from "../../src/codes/index.js";
import { DATA_DIR } from "../util/data.js";

const codes = loadCountryCodes(DATA_DIR);

/** Names that are not single states, with the reason they match no COW code. */
const NOT_A_STATE: Readonly<Record<string, string>> = {
  "Hong Kong": "territory (China); TIP and 3P give it the non-standard code 1000",
  Macao: "territory (China); TIP gives 1002",
  Macau: "territory (China); 3P gives 1002",
  Aruba: "territory (Kingdom of the Netherlands), in the TIP reports",
  Curacao: "territory (Kingdom of the Netherlands), in the TIP reports",
  "Sint Maarten (Dutch part)": "territory (Kingdom of the Netherlands), in the TIP reports",
  "Western Sahara": "non-self-governing territory; IPI hosts MINURSO there (Kathman codes it under Morocco 600)",
  "Central African Republic-Chad": "Kathman multi-host mission; use missionccode and missionccode2",
  "Croatia-Bosnia-Herzegovina": "Kathman multi-host mission; use missionccode and missionccode2",
  "Ethiopia-Eritrea": "Kathman multi-host mission; use missionccode and missionccode2",
  "India-Pakistan": "Kathman multi-host mission; use missionccode and missionccode2",
  "Iran-Iraq": "Kathman multi-host mission; use missionccode and missionccode2",
  "Iraq-Kuwait": "Kathman multi-host mission; use missionccode and missionccode2",
  Unknown: "Kathman placeholder (missionccode -999)",
  Abyei: "RADPKO base area disputed between Sudan and South Sudan (UNISFA); no state",
  Various: "Kathman placeholder (missionccode -999)",
};

interface Use {
  file: string;
  encoding?: "latin1";
  name: string;
  year?: string;
  /** Column with the COW code the file itself gives, to compare with. */
  cow?: string;
  /** Column with the ISO-3 the file itself gives, to compare with. */
  iso?: string;
}

const USES: Use[] = [
  { file: "trafficking/HTI.csv", encoding: "latin1", name: "country", year: "year", cow: "ccode" },
  { file: "trafficking/tip_tiers_orig.csv", name: "countryname", year: "year", cow: "ccode", iso: "iso" },
  { file: "pko/ipi_data_mission.csv", name: "Country of Mission", iso: "Country of Mission ISO-3" },
  { file: "pko/ipi_tcc_gender_2009-11_2014-02.csv", name: "Contributor", iso: "Contributor ISO-3" },
  { file: "pko/bara_hultman_un_nonun_pko.csv", name: "location", year: "year", cow: "ccode" },
  { file: "pko/kathman_mission_month_12-2019.csv", name: "missioncountry", year: "year", cow: "missionccode" },
  { file: "pko/ipi_tcc_2014-03.csv", name: "Contributor", iso: "Contributor_ISO-3" },
  { file: "pko/radpko_bases_cc_y.csv", name: "country", year: "year" },
  { file: "trafficking/policy_index_3p.csv", name: "countryname", year: "year", cow: "cow", iso: "iso" },
  { file: "trafficking/policy_index_3p.csv", name: "country_name", year: "year", cow: "cow", iso: "iso" },
];

/**
 * Places where the file's own code differs from the match, each checked by hand:
 * the file is wrong or uses a non-standard code.
 */
const FILE_CODE_DIFFERS: Readonly<Record<string, string>> = {
  "trafficking/HTI.csv|Korea, South|730": "HTI codes South Korea 730 (pre-1910 Korea); COW South Korea is 732",
  "trafficking/tip_tiers_orig.csv|Kosovo|1001": "TIP uses 1001 for Kosovo in early years; COW 347",
  "trafficking/tip_tiers_orig.csv|Serbia|1003": "TIP uses 1003 for Serbia; COW 345",
  "trafficking/policy_index_3p.csv|Serbia|1003": "3P uses 1003 for Serbia (data README); COW 345",
};

describe.each(USES)("names in $file ($name)", (use) => {
  const table = readCsv(join(DATA_DIR, use.file), { name: use.file, encoding: use.encoding, na: ["", "NA"] });
  const seen = new Map<string, { year: number | null; cow: number | null; iso: string | null }[]>();
  for (const r of csvRows(table)) {
    const name = r.raw(use.name)!;
    if (name === "NA") continue;
    const year = use.year ? r.int(use.year) : null;
    const cowRaw = use.cow ? r.str(use.cow) : null;
    const cow = cowRaw === null ? null : Number(cowRaw);
    const iso = use.iso ? r.str(use.iso) : null;
    if (!seen.has(name)) seen.set(name, []);
    seen.get(name)!.push({ year, cow, iso });
  }

  test("every name matches a code, or is an allow-listed non-state", () => {
    const unmatched: string[] = [];
    const territoryNotListed: string[] = [];
    for (const name of seen.keys()) {
      const m = codes.matchCountryName(name);
      if (name.trim() in NOT_A_STATE) {
        expect(m === null || m.ccode === null, `${name} is allow-listed as a non-state`).toBe(true);
        continue;
      }
      if (m === null) unmatched.push(name);
      else if (m.ccode === null) territoryNotListed.push(name);
    }
    expect(unmatched).toEqual([]);
    expect(territoryNotListed).toEqual([]);
  });

  test("matches agree with the file's own codes (known exceptions listed)", () => {
    const disagree: string[] = [];
    for (const [name, uses] of seen) {
      if (name.trim() in NOT_A_STATE) continue;
      for (const u of uses) {
        const m = codes.matchCountryName(name, u.year ?? undefined)!;
        if (use.cow && u.cow !== null && u.cow !== -999 && u.cow !== m.ccode) {
          const k = `${use.file}|${name}|${u.cow}`;
          if (!(k in FILE_CODE_DIFFERS)) disagree.push(`${k} vs ${m.ccode} (${u.year})`);
        }
        if (use.iso && u.iso !== null && m.iso3 !== null && codes.iso3ToCow(u.iso, u.year ?? 2010) !== codes.iso3ToCow(m.iso3, u.year ?? 2010)) {
          disagree.push(`${use.file}|${name}|${u.iso} vs ${m.iso3} (${u.year})`);
        }
      }
    }
    expect([...new Set(disagree)]).toEqual([]);
  });
});

describe("matchCountryName", () => {
  test("year-dependent names and special spellings", () => {
    expect(codes.matchCountryName("Germany", 1990)).toEqual({ ccode: 260, iso3: "DEU", name: "German Federal Republic" });
    expect(codes.matchCountryName("Germany", 1991)).toEqual({ ccode: 255, iso3: "DEU", name: "Germany" });
    expect(codes.matchCountryName("Germany")?.ccode).toBe(255);
    expect(codes.matchCountryName("Yemen", 1989)?.ccode).toBe(678);
    expect(codes.matchCountryName("Yemen", 1990)?.ccode).toBe(679);
    expect(codes.matchCountryName("Serbia (Yugoslavia)", 1999)).toEqual({ ccode: 345, iso3: "SRB", name: "Yugoslavia" });
    expect(codes.matchCountryName("Serbia and Montenegro", 2005)?.iso3).toBe("SRB");
    expect(codes.matchCountryName("Kosovo", 2008)).toEqual({ ccode: 347, iso3: "XKX", name: "Kosovo" });
    expect(codes.matchCountryName("Côte d’Ivoire ")?.ccode).toBe(437);
    expect(codes.matchCountryName("COTE D IVOIRE")?.ccode).toBe(437);
    expect(codes.matchCountryName("South Sudan'")?.ccode).toBe(626);
    expect(codes.matchCountryName("Antigua&Barbuda")?.ccode).toBe(58);
    expect(codes.matchCountryName("Congo, DemRep (Zaire)")?.ccode).toBe(490);
    expect(codes.matchCountryName("Congo (Brazzaville; Rep)")?.ccode).toBe(484);
    expect(codes.matchCountryName("Hong Kong")).toEqual({ ccode: null, iso3: "HKG", name: "Hong Kong SAR China" });
  });

  test("normalisation", () => {
    expect(normalizeCountryName("  Gambia, The ")).toBe("gambia");
    expect(normalizeCountryName("The Bahamas")).toBe("bahamas");
    expect(normalizeCountryName("Trin&Tobago")).toBe("trinandtobago");
    expect(normalizeCountryName("Réunion")).toBe("reunion");
  });
});

describe("matching is insensitive to case, accents, spacing and punctuation (property)", () => {
  const names = ["Serbia and Montenegro", "Cote d'Ivoire", "Bosnia and Herzegovina", "Korea, South", "Trinidad and Tobago", "Congo, DemRep (Zaire)", "Guinea-Bissau", "Timor-Leste"];
  test("random re-spellings match the same code", () => {
    const respell = fc.tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), fc.constantFrom("", " ", "  ", "'", "."));
    fc.assert(
      fc.property(respell, ([name, flips, pad]) => {
        const changed = [...name].map((ch, i) => (flips[i] ? ch.toUpperCase() : ch.toLowerCase())).join("").replace(/ and /g, " & ");
        return codes.matchCountryName(`${pad}${changed}${pad}`)?.ccode === codes.matchCountryName(name)?.ccode;
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  test("normalisation is idempotent", () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => normalizeCountryName(normalizeCountryName(s)) === normalizeCountryName(s)), { seed: 5, numRuns: 500 });
  });
});
