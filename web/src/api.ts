/** Typed access to the dashboard server's JSON endpoints (same origin). */
import type { PanelVariant } from "../../src/server/data.js";

/** One panel row: column -> value. */
export type Row = Record<string, number | string | null>;

/** Panel variant parameters accepted by /api/panel, /api/map and /api/country. */
export type Variant = { -readonly [K in keyof PanelVariant]: PanelVariant[K] };

/** The variant of the map, country and over-time views (see DISPLAY_VARIANT in src/server/data.ts). */
export const DISPLAY_PARAMS: Record<string, string> = { reportAlignment: "t" };

export interface SourceInfo {
  id: string;
  file: string;
  sha256: string;
  citation: string;
  license: string;
  what: string;
}

export interface Meta {
  program: { name: string; version: string };
  origin: string;
  sources: SourceInfo[];
  panelOptions: Record<string, unknown>;
  variants: { choices: string[]; defaults: Variant };
  years: [number, number];
  columns: { name: string; type: string; label: string }[];
  countries: { iso3: string; ccode: number; country: string }[];
  isoNumeric: Record<string, string>;
}

export interface PanelResponse {
  variant: Variant;
  years: [number, number];
  columns: string[];
  n: number;
  rows: Row[];
}

export interface MapResponse {
  year: number;
  variant: Variant;
  columns: string[];
  rows: Row[];
}

export interface MissionYear {
  mission: string;
  org: string;
  year: number;
  personnel: number;
  troops: number | null;
  police: number | null;
  observers: number | null;
  tcc: number | null;
}

export interface CountryResponse {
  iso3: string;
  country: string | null;
  ccode: number | null;
  variant: Variant;
  rows: Row[];
  missions: MissionYear[];
}

/** /api/country/ISO3/contributors: who sent how many personnel and women, by year the source covers. */
export interface ContributorsResponse {
  iso3: string;
  country: string | null;
  panelYears: [number, number];
  source: { id: string; file: string; from: string; to: string; years: number[]; what: string } | null;
  years: {
    year: number;
    months: number;
    personnel: number;
    women: number;
    contributors: { iso3: string; name: string; personnel: number; women: number }[];
  }[];
  /**
   * Contributors named on Geo-PKO's maps, troops estimated (a different measure). `troops` sums the
   * known counts (a lower bound when `unknownAt` > 0) and is null when none is known; `unknownAt`:
   * location rows (a location on one map) where the map names the contributor but gives no number.
   */
  geopko: {
    source: { id: string; file: string; years: [number, number]; what: string };
    years: {
      year: number; missions: string[]; maps: number; troops: number | null; unknownAt: number;
      contributors: { name: string; troops: number | null; unknownAt: number }[];
    }[];
  } | null;
}

const cache = new Map<string, Promise<unknown>>();

/** GET a JSON endpoint (memoised); a non-200 answer rejects with the server's message. */
export function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const url = q.size > 0 ? `${path}?${q.toString()}` : path;
  let p = cache.get(url);
  if (p === undefined) {
    p = fetch(url).then(async (res) => {
      const body = (await res.json()) as unknown;
      if (!res.ok) throw new Error(`${url}: ${(body as { error?: string }).error ?? res.statusText}`);
      return body;
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p as Promise<T>;
}

/** Variant parameters that differ from the server's defaults (so URLs stay short and cache well). */
export function variantParams(v: Partial<Variant>, defaults: Variant): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(defaults) as (keyof Variant)[]) {
    const x = v[k];
    if (x !== undefined && x !== defaults[k]) out[k] = x;
  }
  return out;
}

/** /api/multiverse: summary.json of `pkt multiverse` and the specifications per claim in specs.csv. */
export interface MultiverseMeta {
  summary: {
    program?: { name: string; version: string };
    request?: { grid: string; max: number | null; seed: number | null };
    grid?: { total: number; by_claim: Record<string, number> };
    fitted?: number;
    claims: { claim: string; model: string; title: string }[];
  };
  counts: Record<string, number>;
}

/**
 * GET a JSON endpoint without memoising; a non-200 answer rejects with the server's message
 * alone (no URL), so a view can show it as it is.
 */
export async function getJsonPlain<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const body = (await res.json()) as unknown;
  if (!res.ok) throw new Error((body as { error?: string }).error ?? res.statusText);
  return body as T;
}
