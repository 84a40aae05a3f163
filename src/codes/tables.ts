import type { CountrycodeCodelistRow } from "../sources/countrycode-codelist.js";
import type { CowGwStateYearRow } from "../sources/cow-gw-state-year.js";
import type { CowSystemRow } from "../sources/cow-system.js";
import { NAME_ALIASES, YEAR_DEPENDENT_NAMES, type YearSpan } from "./name-aliases.js";
import { normalizeCountryName } from "./normalize-country-name.js";
import { COW_ISO3_RULES, cowIso3Rule, cowIso3RuleLatest } from "./rules.js";

/** One COW state-year with its codes (see {@link CodeTables}). */
export interface CowStateYear {
  /** COW numeric code. */
  readonly ccode: number;
  /** Calendar year. */
  readonly year: number;
  /** COW abbreviation, e.g. `GMY`. */
  readonly stateabb: string;
  /** COW state name. */
  readonly name: string;
  /** Gleditsch-Ward code that year, or null. */
  readonly gwcode: number | null;
  /** ISO-3 that year under the crosswalk's rules, or null. */
  readonly iso3: string | null;
}

/** What a normalised country name points to. */
export interface NameTarget {
  /** COW code (the last span's code for year-dependent names); null for territories. */
  readonly ccode: number | null;
  /** ISO-3 when no year is given (for territories, the only one). */
  readonly iso3: string | null;
  /** Year-dependent COW codes, when the name's code changes over time. */
  readonly spans?: readonly YearSpan[];
  /** Display name: COW name for states, code-list name for territories. */
  readonly name: string;
}

/** Two COW states of one year claiming the same ISO-3 or GW code, and who got it. */
export interface Transition {
  readonly kind: "iso3" | "gwcode";
  readonly code: string;
  readonly year: number;
  readonly winner: number;
  readonly losers: readonly number[];
}

/**
 * The crosswalk's lookup tables, built once by {@link buildCodeTables} and never changed.
 * Keys of numeric maps are `code * 10000 + year`.
 */
export interface CodeTables {
  /** COW state-years, sorted by ccode then year. */
  readonly stateYears: readonly CowStateYear[];
  /** `ccode * 10000 + year` -> state-year. */
  readonly byCowYear: ReadonlyMap<number, CowStateYear>;
  /** `gwcode * 10000 + year` -> COW code. */
  readonly gwToCow: ReadonlyMap<number, number>;
  /** `isoKey(iso3, year)` -> COW code. */
  readonly isoToCow: ReadonlyMap<number, number>;
  /** COW code -> the years it is a state, ascending. */
  readonly cowYears: ReadonlyMap<number, readonly number[]>;
  /** ISO-3 -> the years it belongs to a COW state, ascending. */
  readonly isoYears: ReadonlyMap<string, readonly number[]>;
  /** COW code -> its most recent name. */
  readonly cowLatestName: ReadonlyMap<number, string>;
  /** COW code -> ISO-3 when no year is given. */
  readonly cowStaticIso3: ReadonlyMap<number, string | null>;
  /** Every ISO-3 in the code list or the rules (to tell "unknown" from "not a state that year"). */
  readonly knownIso3: ReadonlySet<string>;
  /** Every GW code in the panel. */
  readonly knownGw: ReadonlySet<number>;
  /** Normalised name -> target. */
  readonly names: ReadonlyMap<string, NameTarget>;
  /** Years in which two COW states claimed one ISO-3 or GW code (1990: Germany, Yemen). */
  readonly transitions: readonly Transition[];
}

const key = (code: number, year: number): number => code * 10000 + year;

/**
 * A numeric key for an ISO-3 code (three letters A-Z) and a year; -1 for anything that is
 * not three capital letters. Numeric keys keep the tables fast to build and query.
 */
export function isoKey(iso3: string, year: number): number {
  if (iso3.length !== 3) return -1;
  let n = 0;
  for (let i = 0; i < 3; i++) {
    const c = iso3.charCodeAt(i) - 65;
    if (c < 0 || c > 25) return -1;
    n = n * 26 + c;
  }
  return n * 10000 + year;
}

/** Days of `year` during which the COW state was a system member (a full year when the list has no dates for it). */
function daysInYear(spells: readonly CowSystemRow[] | undefined, year: number, lastDate: string): number {
  if (!spells || spells.length === 0) return 366;
  const y0 = Date.UTC(year, 0, 1);
  const y1 = Date.UTC(year, 11, 31);
  let days = 0;
  for (const s of spells) {
    const start = Date.parse(s.start);
    // The system list stops at its version date; a spell ending then is still running.
    const end = s.end === lastDate ? Infinity : Date.parse(s.end);
    const a = Math.max(start, y0);
    const b = Math.min(end, y1);
    if (b >= a) days += (b - a) / 86_400_000 + 1;
  }
  return days;
}

/** Pick, among several COW claimants of one code in one year, the one member for longest. */
function pickByDays(claimants: readonly number[], year: number, spells: ReadonlyMap<number, CowSystemRow[]>, lastDate: string): number {
  return [...claimants].sort((a, b) => daysInYear(spells.get(b), year, lastDate) - daysInYear(spells.get(a), year, lastDate) || a - b)[0];
}

/**
 * Build the lookup tables from the state panel, the code list and the COW system list
 * (pure). Applies {@link COW_ISO3_RULES}, resolves transition-year clashes by days of
 * membership, and builds the name table (hand-written aliases first, then code-list
 * names, then panel names; a name that two sources give different codes keeps the first).
 */
export function buildCodeTables(
  panel: readonly CowGwStateYearRow[],
  codelist: readonly CountrycodeCodelistRow[],
  system: readonly CowSystemRow[],
): CodeTables {
  const spells = new Map<number, CowSystemRow[]>();
  let lastDate = "";
  for (const s of system) {
    if (!spells.has(s.ccode)) spells.set(s.ccode, []);
    spells.get(s.ccode)!.push(s);
    if (s.end > lastDate) lastDate = s.end;
  }
  const listIso = new Map<number, string>();
  const knownIso3 = new Set<string>();
  for (const c of codelist) {
    if (c.iso3c !== null) knownIso3.add(c.iso3c);
    if (c.cown !== null && c.iso3c !== null) listIso.set(c.cown, c.iso3c);
  }
  const ruled = new Set(COW_ISO3_RULES.map((r) => r.ccode));
  const isoFor = (ccode: number, year: number): string | null => {
    if (!ruled.has(ccode)) return listIso.get(ccode) ?? null;
    // A ruled code outside its rules' years has no ISO-3.
    return cowIso3Rule(ccode, year)?.iso3 ?? null;
  };

  const cowRows = panel.filter((r) => r.ccode !== null).sort((a, b) => a.ccode! - b.ccode! || a.year - b.year);
  const knownGw = new Set<number>();
  for (const r of panel) if (r.gwcode !== null) knownGw.add(r.gwcode);
  // First claimant of each (code, year) goes straight into the map; clashes are rare (1990) and settled after.
  const gwToCow = new Map<number, number>();
  const isoToCow = new Map<number, number>();
  const gwClash = new Map<number, number[]>();
  const isoClash = new Map<number, number[]>();
  const claim = (map: Map<number, number>, clash: Map<number, number[]>, k: number, ccode: number): void => {
    const first = map.get(k);
    if (first === undefined) map.set(k, ccode);
    else clash.set(k, [...(clash.get(k) ?? [first]), ccode]);
  };
  const rowIso: (string | null)[] = [];
  for (const r of cowRows) {
    if (r.gwcode !== null) claim(gwToCow, gwClash, key(r.gwcode, r.year), r.ccode!);
    const iso = isoFor(r.ccode!, r.year);
    rowIso.push(iso);
    if (iso !== null) claim(isoToCow, isoClash, isoKey(iso, r.year), r.ccode!);
  }
  const isoOf = new Map<number, string>();
  for (const c of codelist) if (c.iso3c !== null) isoOf.set(isoKey(c.iso3c, 0), c.iso3c);
  for (const r of COW_ISO3_RULES) if (r.iso3 !== null) isoOf.set(isoKey(r.iso3, 0), r.iso3);
  const transitions: Transition[] = [];
  for (const [kind, map, clash] of [["gwcode", gwToCow, gwClash], ["iso3", isoToCow, isoClash]] as const) {
    for (const [k, claimants] of clash) {
      const year = k % 10000;
      const winner = pickByDays(claimants, year, spells, lastDate);
      map.set(k, winner);
      const code = kind === "gwcode" ? String((k - year) / 10000) : isoOf.get(k - year) ?? String(k);
      transitions.push({ kind, code, year, winner, losers: claimants.filter((c) => c !== winner) });
    }
  }
  transitions.sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));

  const stateYears: CowStateYear[] = [];
  const byCowYear = new Map<number, CowStateYear>();
  const cowLatestName = new Map<number, string>();
  for (let i = 0; i < cowRows.length; i++) {
    const r = cowRows[i];
    const ccode = r.ccode!;
    const iso = rowIso[i];
    const sy: CowStateYear = {
      ccode,
      year: r.year,
      stateabb: r.stateabb,
      name: r.cowName ?? r.gwName ?? r.stateabb,
      gwcode: r.gwcode,
      iso3: iso !== null && isoToCow.get(isoKey(iso, r.year)) === ccode ? iso : null,
    };
    stateYears.push(sy);
    byCowYear.set(key(ccode, r.year), sy);
    cowLatestName.set(ccode, sy.name);
  }
  const cowYears = new Map<number, number[]>();
  for (const s of stateYears) {
    const ys = cowYears.get(s.ccode);
    if (ys) ys.push(s.year);
    else cowYears.set(s.ccode, [s.year]);
  }
  const isoYears = new Map<string, number[]>();
  for (const s of stateYears) {
    if (s.iso3 === null) continue;
    const ys = isoYears.get(s.iso3);
    if (ys) ys.push(s.year);
    else isoYears.set(s.iso3, [s.year]);
  }
  for (const ys of isoYears.values()) ys.sort((a, b) => a - b);
  const cowStaticIso3 = new Map<number, string | null>();
  for (const ccode of cowLatestName.keys()) {
    const rule = cowIso3RuleLatest(ccode);
    cowStaticIso3.set(ccode, rule ? rule.iso3 : listIso.get(ccode) ?? null);
  }
  for (const iso of ["DDR", "CSK", "YUG", "XKX", "YMD"]) knownIso3.add(iso);

  const names = new Map<string, NameTarget>();
  const add = (name: string | null, target: NameTarget): void => {
    if (name === null) return;
    const k = normalizeCountryName(name);
    if (k !== "" && !names.has(k)) names.set(k, target);
  };
  const stateTarget = (ccode: number): NameTarget => ({ ccode, iso3: cowStaticIso3.get(ccode) ?? listIso.get(ccode) ?? null, name: cowLatestName.get(ccode) ?? String(ccode) });
  for (const entry of YEAR_DEPENDENT_NAMES) {
    const last = entry.spans[entry.spans.length - 1].ccode;
    for (const n of entry.names) add(n, { ...stateTarget(last), spans: entry.spans });
  }
  const listName = new Map(codelist.filter((c) => c.iso3c !== null).map((c) => [c.iso3c!, c.countryName] as const));
  for (const [target, ...aliases] of NAME_ALIASES) {
    const t: NameTarget = typeof target === "number" ? stateTarget(target) : { ccode: null, iso3: target, name: listName.get(target) ?? aliases[0] };
    for (const n of aliases) add(n, t);
  }
  for (const c of codelist) {
    const t: NameTarget = c.cown !== null ? stateTarget(c.cown) : { ccode: null, iso3: c.iso3c, name: c.countryName };
    if (t.ccode === null && t.iso3 === null) continue;
    add(c.countryName, t);
    add(c.cowName, t);
    add(c.vdemName, t);
  }
  const panelNames = new Map<string, number>();
  for (const r of cowRows) if (r.cowName !== null && !panelNames.has(r.cowName)) panelNames.set(r.cowName, r.ccode!);
  for (const r of cowRows) if (r.gwName !== null && !panelNames.has(r.gwName)) panelNames.set(r.gwName, r.ccode!);
  for (const [n, ccode] of panelNames) add(n, stateTarget(ccode));

  return { stateYears, byCowYear, gwToCow, isoToCow, cowYears, isoYears, cowLatestName, cowStaticIso3, knownIso3, knownGw, names, transitions };
}

/** The table key of a code-year pair. */
export const codeYearKey = key;
