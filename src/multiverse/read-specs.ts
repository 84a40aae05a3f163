import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvRows, parseCsv } from "../core/csv.js";
import { DataError } from "../core/errors.js";
import { CLAIMS, FORKS, NOT_APPLICABLE } from "./forks.js";
import { SPEC_COLUMNS } from "./specs-csv.js";
import type { SpecResult } from "./run.js";

/**
 * One row of specs.csv, typed: the runner's result without `years` (specs.csv carries them in
 * the formula's sample and the commands), with its `reproduce` commands. Plain data (JSON-serializable).
 */
export type SpecRow = Omit<SpecResult, "years"> & {
  /** The commands that give the row's numbers. */
  readonly reproduce: string;
};

/**
 * Parse specs.csv as `pkt multiverse` writes it: every column of SPEC_COLUMNS, claims and
 * fork options from the declared lists, numbers where numbers belong. Each problem is one
 * DataError naming the file, line and column, e.g. `specs.csv line 3, column estimator:
 * expected logit/probit/..., got "logti"`.
 */
export function parseSpecsCsv(text: string, name = "specs.csv"): SpecRow[] {
  const table = parseCsv(text, { name, required: SPEC_COLUMNS, na: [""] });
  const claims = CLAIMS.map((c) => c.id);
  const out: SpecRow[] = [];
  const seen = new Map<number, number>();
  for (const row of csvRows(table)) {
    const index = row.reqInt("index");
    const first = seen.get(index);
    if (first !== undefined) throw row.error("index", `an index not already used (line ${first} has ${index})`, String(index));
    seen.set(index, row.line);
    const claim = row.oneOf("claim", claims);
    if (claim === null) throw row.error("claim", claims.join("/"), "a missing value");
    const choices: Record<string, string> = {};
    for (const f of FORKS) choices[f.id] = row.oneOf(f.id, [NOT_APPLICABLE, ...f.options.map((o) => o.id)]) ?? NOT_APPLICABLE;
    const converged = row.oneOf("converged", ["true", "false"]);
    const exclude = (row.str("exclude") ?? "").split(" ").filter((s) => s !== "").map((s) => {
      if (!/^\d+$/.test(s)) throw row.error("exclude", "COW codes separated by spaces", JSON.stringify(s));
      return Number(s);
    });
    out.push({
      index,
      claim,
      model: row.reqStr("model"),
      choices,
      term: row.reqStr("term"),
      estimate: row.num("estimate"),
      std_error: row.num("std_error"),
      p_value: row.num("p_value"),
      conf_low: row.num("conf_low"),
      conf_high: row.num("conf_high"),
      nobs: row.int("nobs"),
      n_clusters: row.int("n_clusters"),
      converged: converged === "true",
      warnings: row.str("warnings") ?? "",
      error: row.str("error"),
      formula: row.reqStr("formula"),
      kind: row.reqStr("estimator_kind"),
      vcov: row.reqStr("vcov"),
      exclude,
      reproduce: row.reqStr("reproduce"),
    });
  }
  return out;
}

/** What `pkt multiverse --out DIR` wrote: the rows of specs.csv and summary.json as parsed JSON. */
export interface MultiverseDir {
  readonly specs: readonly SpecRow[];
  readonly summary: Readonly<Record<string, unknown>>;
}

/**
 * Read specs.csv and summary.json from a `pkt multiverse --out DIR` directory. Errors
 * are one line naming the file (and line and column for specs.csv).
 */
export function readMultiverseDir(dir: string): MultiverseDir {
  const specsPath = join(dir, "specs.csv");
  const summaryPath = join(dir, "summary.json");
  const specs = parseSpecsCsv(readText(specsPath), specsPath);
  let summary: unknown;
  try {
    summary = JSON.parse(readText(summaryPath));
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError({ file: summaryPath }, "JSON as `pkt multiverse` writes it", (err as Error).message);
  }
  if (typeof summary !== "object" || summary === null || !Array.isArray((summary as { claims?: unknown }).claims)) {
    throw new DataError({ file: summaryPath }, "an object with a claims array (summary.json of `pkt multiverse`)");
  }
  return { specs, summary: summary as Record<string, unknown> };
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new DataError({ file: path }, "a readable file written by `pkt multiverse --out DIR`", (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
}
