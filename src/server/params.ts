import { DEFAULT_VARIANT, VARIANT_CHOICES, type PanelVariant } from "./data.js";

/** A request the server refuses: HTTP status and a message for the JSON body. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_PARAM_LENGTH = 2000;

/**
 * Parse a raw query string strictly: every name must be in `allowed`, none may
 * repeat, percent-encoding must be valid UTF-8, values are at most 2,000 characters.
 */
export function parseQuery(raw: string, allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (raw === "") return out;
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decodePart(eq < 0 ? part : part.slice(0, eq), "parameter name");
    const value = decodePart(eq < 0 ? "" : part.slice(eq + 1), `value of ${name}`);
    if (!allowed.includes(name)) {
      const list = allowed.length > 0 ? allowed.join(", ") : "none";
      throw new HttpError(400, `unknown query parameter ${JSON.stringify(clip(name))}; allowed: ${list}`);
    }
    if (out.has(name)) throw new HttpError(400, `query parameter ${name} given more than once`);
    if (value.length > MAX_PARAM_LENGTH) throw new HttpError(400, `query parameter ${name} is longer than ${MAX_PARAM_LENGTH} characters`);
    out.set(name, value);
  }
  return out;
}

function decodePart(s: string, what: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    throw new HttpError(400, `bad percent-encoding in the ${what}: ${JSON.stringify(clip(s))}`);
  }
}

/** Shorten a value for an error message. */
export function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Parse one year (four digits) within `bounds`. */
export function parseYear(name: string, value: string, bounds: readonly [number, number]): number {
  if (!/^\d{4}$/.test(value)) throw new HttpError(400, `${name} must be a four-digit year, got ${JSON.stringify(clip(value))}`);
  const y = Number(value);
  if (y < bounds[0] || y > bounds[1]) throw new HttpError(400, `${name} ${y} is outside the panel's years ${bounds[0]}-${bounds[1]}`);
  return y;
}

/** Parse `YYYY` or `YYYY-YYYY` (first <= last) within `bounds`; absent means all of `bounds`. */
export function parseYears(value: string | undefined, bounds: readonly [number, number]): [number, number] {
  if (value === undefined || value === "") return [bounds[0], bounds[1]];
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
  if (!m) throw new HttpError(400, `years must be YYYY or YYYY-YYYY, got ${JSON.stringify(clip(value))}`);
  const a = parseYear("years", m[1], bounds);
  const b = m[2] === undefined ? a : parseYear("years", m[2], bounds);
  if (a > b) throw new HttpError(400, `years ${a}-${b}: the first year is after the last`);
  return [a, b];
}

/** Parse a comma-separated list of column names, each of which must be known. Absent means all. */
export function parseColumns(value: string | undefined, known: readonly string[]): string[] {
  if (value === undefined || value === "") return [...known];
  const names = value.split(",").map((s) => s.trim());
  const seen = new Set<string>();
  for (const n of names) {
    if (!known.includes(n)) throw new HttpError(400, `unknown column ${JSON.stringify(clip(n))}; see /api/meta for the columns`);
    seen.add(n);
  }
  return known.filter((k) => seen.has(k));
}

/** Parse the panel-variant parameters (`reportAlignment`, `unSource`, `multiHost`, `kosovo`, `usTroops`), each from its closed set. */
export function parseVariant(q: Map<string, string>): PanelVariant {
  const pick = <K extends keyof PanelVariant>(key: K): PanelVariant[K] => {
    const v = q.get(key);
    if (v === undefined || v === "") return DEFAULT_VARIANT[key];
    const choices = VARIANT_CHOICES[key] as readonly string[];
    if (!choices.includes(v)) throw new HttpError(400, `${key} must be one of ${choices.join(", ")}; got ${JSON.stringify(clip(v))}`);
    return v as PanelVariant[K];
  };
  return { reportAlignment: pick("reportAlignment"), unSource: pick("unSource"), multiHost: pick("multiHost"), kosovo: pick("kosovo"), usTroops: pick("usTroops") };
}

/** The names of the variant parameters, for `parseQuery`'s allowed list. */
export const VARIANT_PARAMS: readonly string[] = Object.keys(VARIANT_CHOICES);

/** Parse an ISO-3 code (three capital letters) that must be among `known`. */
export function parseIso3(value: string, known: ReadonlySet<string>): string {
  if (!/^[A-Z]{3}$/.test(value)) throw new HttpError(400, `country must be an ISO-3 code (three capital letters), got ${JSON.stringify(clip(value))}`);
  if (!known.has(value)) throw new HttpError(404, `no country ${value} in the panel`);
  return value;
}
