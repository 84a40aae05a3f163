import { DataError, PktError, quote, type DataLocation } from "../core/errors.js";
import { cowName } from "./cow-name.js";
import { cowStateYears } from "./cow-state-years.js";
import { cowToGw } from "./cow-to-gw.js";
import { cowToIso3 } from "./cow-to-iso3.js";
import type { Found } from "./found.js";
import { gwToCow } from "./gw-to-cow.js";
import { isCowState } from "./is-cow-state.js";
import { iso3ToCow } from "./iso3-to-cow.js";
import { matchCountryName, type CountryMatch } from "./match-country-name.js";
import type { CodeTables, CowStateYear, Transition } from "./tables.js";
import { UnknownCountries, type UnknownCountry, type UnknownKind } from "./unknown.js";

/**
 * The year-aware COW / Gleditsch-Ward / ISO-3 crosswalk and country-name matcher (see
 * docs/country-codes.md for every rule). Lookups return null when there is no answer and
 * record the failure in {@link CountryCodes.report}; {@link CountryCodes.strict} gives the
 * same lookups that throw instead. Pass `where` (file, line, column) to have it in the
 * report and in strict errors.
 */
export class CountryCodes {
  /** The same lookups, throwing a PktError (a DataError when `where` is given) instead of returning null. */
  readonly strict: StrictCountryCodes;
  private readonly unknown = new UnknownCountries();

  constructor(readonly tables: CodeTables) {
    this.strict = new StrictCountryCodes(this);
  }

  /** ISO-3 of COW state `ccode` in `year` (SRB for 345 from 1992, XKX for 347, DEU for 260 to 1990 and 255 from 1991). */
  cowToIso3(ccode: number, year: number, where?: DataLocation): string | null {
    return this.keep("ccode", String(ccode), year, "cowToIso3", cowToIso3(this.tables, ccode, year), where);
  }

  /** COW code of the state holding ISO-3 `iso3` in `year` (KSV/KOS read as XKX, SCG as SRB). */
  iso3ToCow(iso3: string, year: number, where?: DataLocation): number | null {
    return this.keep("iso3", iso3, year, "iso3ToCow", iso3ToCow(this.tables, iso3, year), where);
  }

  /** Gleditsch-Ward code of COW state `ccode` in `year`. */
  cowToGw(ccode: number, year: number, where?: DataLocation): number | null {
    return this.keep("ccode", String(ccode), year, "cowToGw", cowToGw(this.tables, ccode, year), where);
  }

  /** COW code of Gleditsch-Ward state `gwcode` in `year` (GW 340 -> 345, GW 260 -> 255 from 1991). */
  gwToCow(gwcode: number, year: number, where?: DataLocation): number | null {
    return this.keep("gwcode", String(gwcode), year, "gwToCow", gwToCow(this.tables, gwcode, year), where);
  }

  /** COW name of `ccode` (in `year` when given). */
  cowName(ccode: number, year?: number, where?: DataLocation): string | null {
    return this.keep("ccode", String(ccode), year ?? null, "cowName", cowName(this.tables, ccode, year), where);
  }

  /** True when `ccode` is a COW member at some point of `year`. Never recorded as unknown. */
  isCowState(ccode: number, year: number): boolean {
    return isCowState(this.tables, ccode, year);
  }

  /** COW state-years from `fromYear` to `toYear`, sorted by ccode then year. */
  cowStateYears(fromYear: number, toYear: number): CowStateYear[] {
    return cowStateYears(this.tables, fromYear, toYear);
  }

  /** Resolve a country name (year-aware for Germany and Yemen); territories match with ccode null. */
  matchCountryName(name: string, year?: number, where?: DataLocation): CountryMatch | null {
    return this.keep("name", name, year ?? null, "matchCountryName", matchCountryName(this.tables, name, year), where);
  }

  /** Years in which two COW states claimed one ISO-3 or GW code, and which one got it. */
  transitions(): readonly Transition[] {
    return this.tables.transitions;
  }

  /** Every failed lookup so far (deduplicated, counted, in a stable order). */
  report(): UnknownCountry[] {
    return this.unknown.list();
  }

  /** Forget the failed lookups recorded so far. */
  clearReport(): void {
    this.unknown.clear();
  }

  /** The same (shared, immutable) tables with a report of their own, e.g. one per panel step. */
  withOwnReport(): CountryCodes {
    return new CountryCodes(this.tables);
  }

  private keep<T>(kind: UnknownKind, value: string, year: number | null, lookup: string, r: Found<T>, where?: DataLocation): T | null {
    if (r.ok) return r.value;
    this.unknown.add(kind, value, year, lookup, r.reason, where);
    return null;
  }
}

const EXPECTED: Record<string, string> = {
  cowToIso3: "a COW state with an ISO-3 code",
  iso3ToCow: "the ISO-3 code of a COW state",
  cowToGw: "a COW state with a Gleditsch-Ward code",
  gwToCow: "a Gleditsch-Ward state with a COW code",
  cowName: "a COW state code",
  matchCountryName: "a country name known to the crosswalk",
};

/** The lookups of {@link CountryCodes} that throw instead of returning null (they do not record). */
export class StrictCountryCodes {
  constructor(private readonly codes: CountryCodes) {}

  cowToIso3(ccode: number, year: number, where?: DataLocation): string {
    return must(cowToIso3(this.codes.tables, ccode, year), "cowToIso3", ccode, year, where);
  }

  iso3ToCow(iso3: string, year: number, where?: DataLocation): number {
    return must(iso3ToCow(this.codes.tables, iso3, year), "iso3ToCow", iso3, year, where);
  }

  cowToGw(ccode: number, year: number, where?: DataLocation): number {
    return must(cowToGw(this.codes.tables, ccode, year), "cowToGw", ccode, year, where);
  }

  gwToCow(gwcode: number, year: number, where?: DataLocation): number {
    return must(gwToCow(this.codes.tables, gwcode, year), "gwToCow", gwcode, year, where);
  }

  cowName(ccode: number, year?: number, where?: DataLocation): string {
    return must(cowName(this.codes.tables, ccode, year), "cowName", ccode, year ?? null, where);
  }

  matchCountryName(name: string, year?: number, where?: DataLocation): CountryMatch {
    return must(matchCountryName(this.codes.tables, name, year), "matchCountryName", name, year ?? null, where);
  }
}

function must<T>(r: Found<T>, lookup: string, value: string | number, year: number | null, where?: DataLocation): T {
  if (r.ok) return r.value;
  const inYear = year === null ? "" : ` in ${year}`;
  if (where) throw new DataError(where, `${EXPECTED[lookup]}${inYear}`, `${quote(value)} (${r.reason})`);
  throw new PktError(`${lookup}(${quote(value)}${year === null ? "" : `, ${year}`}): expected ${EXPECTED[lookup]}${inYear}; ${r.reason}`);
}
