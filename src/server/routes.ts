import type { MultiverseDir } from "../multiverse/read-specs.js";
import { DEFAULT_VARIANT, type DashboardData, type PanelRow } from "./data.js";
import { isMultiversePath, multiverseRoute } from "./multiverse-routes.js";
import { HttpError, VARIANT_PARAMS, parseColumns, parseIso3, parseQuery, parseVariant, parseYear, parseYears } from "./params.js";

/** The columns `/api/map` returns for each country. */
export const MAP_COLUMNS: readonly string[] = Object.freeze([
  "ccode", "iso3", "country", "year", "un_total", "nonun_total", "un_tcc", "pdest", "destination", "tip_tier", "us_troops",
]);

/** A JSON API answering GET requests by path and raw query string. */
export interface Api {
  /** Returns the response body (UTF-8 JSON), or throws an HttpError. */
  handle(path: string, rawQuery: string): Promise<Buffer>;
}

const ISO3_PATH = /^\/api\/country\/([^/]*)$/;
const CONTRIBUTORS_PATH = /^\/api\/country\/([^/]*)\/contributors$/;

/**
 * Build the API over dashboard data and, when given, the results of `pkt multiverse`;
 * answers are computed once per distinct request and cached.
 */
export function createApi(data: DashboardData, program: { name: string; version: string }, multiverse: MultiverseDir | null = null): Api {
  const columnNames = data.columns.map((c) => c.name);
  const cache = new Map<string, Buffer>();
  const MAX_CACHE = 512;
  let iso3s: Set<string> | null = null;

  const knownIso3 = async (): Promise<Set<string>> => {
    if (iso3s === null) {
      const rows = await data.panel(DEFAULT_VARIANT);
      iso3s = new Set(rows.map((r) => r.iso3).filter((v): v is string => typeof v === "string"));
    }
    return iso3s;
  };

  const routes: Record<string, (q: string) => Promise<unknown>> = {
    "/api/meta": async (raw) => {
      parseQuery(raw, []);
      const rows = await data.panel(DEFAULT_VARIANT);
      const countries = new Map<string, { iso3: string; ccode: unknown; country: unknown }>();
      for (const r of rows) if (typeof r.iso3 === "string") countries.set(r.iso3, { iso3: r.iso3, ccode: r.ccode, country: r.country });
      return {
        program,
        origin: data.origin,
        sources: data.sources,
        panelOptions: data.panelOptions,
        variants: { choices: VARIANT_PARAMS, defaults: DEFAULT_VARIANT },
        years: data.years,
        columns: data.columns,
        countries: [...countries.values()].sort((a, b) => a.iso3.localeCompare(b.iso3)),
        isoNumeric: data.isoNumeric,
      };
    },
    "/api/panel": async (raw) => {
      const q = parseQuery(raw, ["years", "columns", ...VARIANT_PARAMS]);
      const years = parseYears(q.get("years"), data.years);
      const columns = parseColumns(q.get("columns"), columnNames);
      const variant = parseVariant(q);
      const rows = (await data.panel(variant)).filter((r) => inYears(r, years));
      return { variant, years, columns, n: rows.length, rows: rows.map((r) => pick(r, columns)) };
    },
    "/api/map": async (raw) => {
      const q = parseQuery(raw, ["year", ...VARIANT_PARAMS]);
      const y = q.get("year");
      if (y === undefined) throw new HttpError(400, "year is required, e.g. /api/map?year=2008");
      const year = parseYear("year", y, data.years);
      const variant = parseVariant(q);
      const cols = MAP_COLUMNS.filter((c) => columnNames.includes(c));
      const rows = (await data.panel(variant)).filter((r) => r.year === year);
      return { year, variant, columns: cols, rows: rows.map((r) => pick(r, cols)) };
    },
  };

  const countryCode = async (iso: string): Promise<string> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(iso);
    } catch {
      throw new HttpError(400, "bad percent-encoding in the country code");
    }
    return parseIso3(decoded, await knownIso3());
  };

  const country = async (iso: string, raw: string): Promise<unknown> => {
    const q = parseQuery(raw, VARIANT_PARAMS);
    const variant = parseVariant(q);
    const iso3 = await countryCode(iso);
    const rows = (await data.panel(variant)).filter((r) => r.iso3 === iso3).sort((a, b) => Number(a.year) - Number(b.year));
    const first = rows[0];
    return { iso3, country: first?.country ?? null, ccode: first?.ccode ?? null, variant, rows, missions: data.missions(iso3) };
  };

  /** Who sent how many personnel and women, by year the contributor file covers (default placement of multi-host missions); beside it, Geo-PKO's map-based troop estimates. */
  const contributors = async (iso: string, raw: string): Promise<unknown> => {
    parseQuery(raw, []);
    const iso3 = await countryCode(iso);
    const first = (await data.panel(DEFAULT_VARIANT)).find((r) => r.iso3 === iso3);
    const c = data.contributors?.(iso3) ?? null;
    const g = data.geopkoContributors?.(iso3) ?? null;
    return { iso3, country: first?.country ?? null, panelYears: data.years, source: c?.source ?? null, years: c?.years ?? [], geopko: g };
  };

  return {
    async handle(path, rawQuery) {
      const key = `${path}?${rawQuery}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      let body: unknown;
      const route = routes[path];
      if (route !== undefined) body = await route(rawQuery);
      else if (isMultiversePath(path)) body = multiverseRoute(multiverse, path, rawQuery);
      else {
        const m = ISO3_PATH.exec(path);
        const mc = CONTRIBUTORS_PATH.exec(path);
        if (m !== null) body = await country(m[1], rawQuery);
        else if (mc !== null) body = await contributors(mc[1], rawQuery);
        else throw new HttpError(404, `no API endpoint ${JSON.stringify(path.slice(0, 60))}; endpoints: /api/meta, /api/panel, /api/map, /api/country/ISO3, /api/country/ISO3/contributors, /api/multiverse`);
      }
      const buf = Buffer.from(JSON.stringify(body), "utf8");
      if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
      cache.set(key, buf);
      return buf;
    },
  };
}

function inYears(r: PanelRow, [a, b]: readonly [number, number]): boolean {
  const y = r.year;
  return typeof y === "number" && y >= a && y <= b;
}

function pick(r: PanelRow, cols: readonly string[]): Record<string, number | string | null> {
  const o: Record<string, number | string | null> = {};
  for (const c of cols) o[c] = r[c] ?? null;
  return o;
}
