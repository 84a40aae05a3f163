/**
 * The multiverse endpoints: the results of `pkt multiverse --out DIR` (specs.csv and
 * summary.json, read once at start by readMultiverseDir), per claim and per specification.
 */
import { CLAIMS, FORKS, type ClaimId } from "../multiverse/forks.js";
import type { MultiverseDir, SpecRow } from "../multiverse/read-specs.js";
import { HttpError, clip, parseQuery } from "./params.js";

/** The directory `pkt multiverse` writes and `pkt serve` reads by default. */
export const DEFAULT_MULTIVERSE_DIR = "out/multiverse";

/** The 404 message when the server has no multiverse results: the exact command to run. */
export const MULTIVERSE_MISSING =
  `No multiverse results to show. Run \`pkt multiverse --out ${DEFAULT_MULTIVERSE_DIR}\` ` +
  `(add --max 500 for a quick sample of the grid), then restart \`pkt serve\`: it reads ${DEFAULT_MULTIVERSE_DIR} by default, or another directory with --multiverse DIR.`;

/**
 * A specification as the curve and the list need it (no formula or reproduce commands: see
 * /api/multiverse/spec/INDEX); `choices` holds the options in the order of the answer's
 * `forks` (a third of the bytes of an object per row, for claims of 10,000 rows).
 */
export type SpecPoint = Pick<SpecRow, "index" | "estimate" | "std_error" | "p_value" | "conf_low" | "conf_high" | "nobs" | "kind" | "error"> & { readonly choices: readonly string[] };

const SPEC_PATH = /^\/api\/multiverse\/spec\/([^/]*)$/;

/** Whether `path` is one of the multiverse endpoints. */
export function isMultiversePath(path: string): boolean {
  return path === "/api/multiverse" || path.startsWith("/api/multiverse/");
}

/**
 * Answer a multiverse request: `/api/multiverse` (summary.json and the count per claim),
 * `/api/multiverse/specs?claim=ID` (the claim's specifications, compact: choices in the order of `forks`), or
 * `/api/multiverse/spec/INDEX` (one full row of specs.csv). Without results, 404 with
 * {@link MULTIVERSE_MISSING}.
 */
export function multiverseRoute(m: MultiverseDir | null, path: string, raw: string): unknown {
  if (m === null) throw new HttpError(404, MULTIVERSE_MISSING);
  if (path === "/api/multiverse") {
    parseQuery(raw, []);
    const counts: Record<string, number> = {};
    for (const r of m.specs) counts[r.claim] = (counts[r.claim] ?? 0) + 1;
    return { summary: m.summary, counts };
  }
  if (path === "/api/multiverse/specs") {
    const q = parseQuery(raw, ["claim"]);
    const ids = CLAIMS.map((c) => c.id as string);
    const claim = q.get("claim");
    if (claim === undefined || !ids.includes(claim)) throw new HttpError(400, `claim must be one of ${ids.join(", ")}; got ${JSON.stringify(clip(claim ?? ""))}`);
    const forks = FORKS.map((f) => f.id);
    const rows: SpecPoint[] = m.specs.filter((r) => r.claim === (claim as ClaimId)).map((r) => ({
      index: r.index, choices: forks.map((f) => r.choices[f]), estimate: r.estimate, std_error: r.std_error, p_value: r.p_value,
      conf_low: r.conf_low, conf_high: r.conf_high, nobs: r.nobs, kind: r.kind, error: r.error,
    }));
    return { claim, forks, rows };
  }
  const hit = SPEC_PATH.exec(path);
  if (hit !== null) {
    parseQuery(raw, []);
    if (!/^\d{1,9}$/.test(hit[1])) throw new HttpError(400, `the specification index must be a whole number, got ${JSON.stringify(clip(hit[1]))}`);
    const row = m.specs.find((r) => r.index === Number(hit[1]));
    if (row === undefined) throw new HttpError(404, `no specification ${hit[1]} in specs.csv`);
    return row;
  }
  throw new HttpError(404, `no API endpoint ${JSON.stringify(path.slice(0, 60))}; multiverse endpoints: /api/multiverse, /api/multiverse/specs?claim=ID, /api/multiverse/spec/INDEX`);
}
