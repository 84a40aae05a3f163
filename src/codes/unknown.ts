import type { DataLocation } from "../core/errors.js";

/** What kind of value a lookup could not resolve. */
export type UnknownKind = "ccode" | "gwcode" | "iso3" | "name";

/** A value a lookup could not resolve, with how often and where it was first met. */
export interface UnknownCountry {
  readonly kind: UnknownKind;
  /** The value as given (codes as decimal strings). */
  readonly value: string;
  /** The year asked for, or null. */
  readonly year: number | null;
  /** The lookup that failed, e.g. `cowToIso3`. */
  readonly lookup: string;
  /** Why it failed. */
  readonly reason: string;
  /** Where it was first met, when the caller said. */
  readonly where: DataLocation | null;
  /** How many times it was asked for. */
  readonly count: number;
}

/**
 * The collection of failed lookups a CountryCodes instance keeps, so that nothing is
 * dropped silently: identical (lookup, value, year) failures are counted, not repeated.
 */
export class UnknownCountries {
  private readonly items = new Map<string, UnknownCountry>();

  /** Record one failed lookup. */
  add(kind: UnknownKind, value: string, year: number | null, lookup: string, reason: string, where?: DataLocation): void {
    const k = `${lookup}\u0000${value}\u0000${year ?? ""}`;
    const prev = this.items.get(k);
    this.items.set(k, prev ? { ...prev, count: prev.count + 1 } : { kind, value, year, lookup, reason, where: where ?? null, count: 1 });
  }

  /** Number of distinct failures recorded. */
  get size(): number {
    return this.items.size;
  }

  /** The failures, sorted by lookup, value and year (a stable order for reports). */
  list(): UnknownCountry[] {
    return [...this.items.values()].sort(
      (a, b) => a.lookup.localeCompare(b.lookup) || a.value.localeCompare(b.value) || (a.year ?? 0) - (b.year ?? 0),
    );
  }

  /** Forget all recorded failures. */
  clear(): void {
    this.items.clear();
  }
}
