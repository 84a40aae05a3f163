import { DEFAULT_OPTIONS } from "../panel/options.js";
import type { SourceLoader } from "../panel/pipeline.js";
import { hostContributorMonths, type HostContributorMonth } from "../panel/steps/add-contributor-profile.js";
import { ipiTccGenderSource, readIpiTccGender } from "../sources/ipi-tcc-gender.js";

/** One contributor's uniformed personnel in one host-year: means over the months the file covers that year. */
export interface HostContributor {
  readonly iso3: string;
  /** The contributor's name as the IPI file writes it (the first spelling seen). */
  readonly name: string;
  /** Troops, police and experts, mean over the covered months. */
  readonly personnel: number;
  /** Of whom women. */
  readonly women: number;
}

/** A host's contributors in one calendar year the IPI contributor-by-sex file covers. */
export interface HostContributorYear {
  readonly year: number;
  /** Months of this year the file covers (2 in 2009 and 2014, else 12). */
  readonly months: number;
  /** All contributors: mean monthly personnel and women. */
  readonly personnel: number;
  readonly women: number;
  /** Largest first. */
  readonly contributors: readonly HostContributor[];
}

/** Where the contributor figures come from, for the page to say. */
export interface ContributorsSourceNote {
  readonly id: string;
  readonly file: string;
  /** First and last month the file covers, `YYYY-MM`. */
  readonly from: string;
  readonly to: string;
  /** Calendar years with any covered month. */
  readonly years: readonly number[];
  readonly what: string;
}

/** A host's contributors by year: only years the source covers (other years have no contributor data, not zero). */
export interface HostContributors {
  readonly source: ContributorsSourceNote;
  readonly years: readonly HostContributorYear[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Sum placed contributor-months (hostContributorMonths) into host-years: per contributor the mean
 * over the year's covered months of its personnel and women in the host (a covered month without
 * the contributor counts 0). Hosts are COW codes; years the file does not cover are absent.
 */
export function contributorsByHostYear(months: readonly HostContributorMonth[], names: ReadonlyMap<string, string>, monthsInYear: ReadonlyMap<number, number>): Map<number, HostContributorYear[]> {
  const acc = new Map<string, { host: number; year: number; by: Map<string, { personnel: number; women: number }> }>();
  for (const m of months) {
    const k = `${m.host}:${m.year}`;
    const a = acc.get(k) ?? { host: m.host, year: m.year, by: new Map() };
    const c = a.by.get(m.contributorIso3) ?? { personnel: 0, women: 0 };
    c.personnel += m.personnel;
    c.women += m.female;
    a.by.set(m.contributorIso3, c);
    acc.set(k, a);
  }
  const out = new Map<number, HostContributorYear[]>();
  for (const a of acc.values()) {
    const n = monthsInYear.get(a.year) ?? 12;
    const contributors = [...a.by.entries()]
      .map(([iso3, v]) => ({ iso3, name: names.get(iso3) ?? iso3, personnel: round1(v.personnel / n), women: round1(v.women / n) }))
      .sort((x, y) => y.personnel - x.personnel || x.iso3.localeCompare(y.iso3));
    const personnel = [...a.by.values()].reduce((s, v) => s + v.personnel, 0) / n;
    const women = [...a.by.values()].reduce((s, v) => s + v.women, 0) / n;
    const list = out.get(a.host) ?? [];
    list.push({ year: a.year, months: n, personnel: round1(personnel), women: round1(women), contributors });
    out.set(a.host, list);
  }
  for (const list of out.values()) list.sort((x, y) => x.year - y.year);
  return out;
}

/**
 * Who sent how many uniformed personnel, and how many women, to each host by year, from the IPI
 * contributor-by-sex file placed in hosts as the panel's UN columns are (default options:
 * multi-host missions where they served). Returns a lookup by host COW code.
 */
export function hostContributors(loader: SourceLoader): { source: ContributorsSourceNote; byHost: (ccode: number) => readonly HostContributorYear[] } {
  const rows = loader.load("ipi_tcc_gender", [ipiTccGenderSource], readIpiTccGender);
  const names = new Map<string, string>();
  const monthSets = new Map<number, Set<number>>();
  for (const r of rows) {
    if (!names.has(r.contributorIso3)) names.set(r.contributorIso3, r.contributor);
    const s = monthSets.get(r.year) ?? new Set<number>();
    s.add(r.month);
    monthSets.set(r.year, s);
  }
  const monthsInYear = new Map([...monthSets].map(([y, s]) => [y, s.size]));
  const dates = rows.map((r) => r.date).sort();
  const byHost = contributorsByHostYear(hostContributorMonths({ options: DEFAULT_OPTIONS, sources: loader }), names, monthsInYear);
  const source: ContributorsSourceNote = {
    id: ipiTccGenderSource.id,
    file: ipiTccGenderSource.file,
    from: dates[0] ?? "",
    to: dates[dates.length - 1] ?? "",
    years: [...monthsInYear.keys()].sort((a, b) => a - b),
    what: "IPI contributor-by-sex file (UN gender statistics): uniformed personnel (troops, police, experts on mission) by contributing country, mission and month; multi-host missions placed where personnel served, as the panel's UN columns",
  };
  return { source, byHost: (ccode) => byHost.get(ccode) ?? [] };
}
