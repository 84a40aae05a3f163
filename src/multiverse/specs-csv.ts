import { parquetBytes, type ParquetType } from "../core/parquet.js";
import { FORKS } from "./forks.js";
import type { SpecResult } from "./run.js";
import { DEFAULT_OPTIONS } from "../study/options.js";

/** Options of the `reproduce` commands. */
export interface ReproduceOptions {
  /** `--data-dir` to pass to `pkt panel build` (omitted when undefined). */
  readonly dataDir?: string;
  /** Directory the `pkt panel build` step writes (default `pkt-spec`). */
  readonly outDir?: string;
}

const shellQuote = (s: string): string => (/^[\w./:+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The exact commands that give a row's numbers: `pkt panel build` builds the panel variant
 * from the raw files over the calendar years the study reads, and with `--analysis` writes
 * the study's rows for the row's report years (analysis.csv, before listwise deletion);
 * then `pkt fit` fits the row's formula, estimator and variance, leaving out the countries
 * of its sample option with `--exclude`.
 */
export function reproduceCommand(r: SpecResult, o: ReproduceOptions = {}): string {
  const dir = o.outDir ?? "pkt-spec";
  const c = r.choices;
  const build = ["pkt", "panel", "build", "--out", dir];
  if (o.dataDir !== undefined) build.push("--data-dir", o.dataDir);
  build.push("--years", `${DEFAULT_OPTIONS.yearFrom - 2}-${DEFAULT_OPTIONS.yearTo}`);
  build.push("--un-source", c.unSource, "--multi-host", c.multiHost, "--report-alignment", c.reportAlignment);
  if (c.usTroops !== undefined && c.usTroops !== "-") build.push("--us-troops", c.usTroops);
  build.push("--analysis", `${r.years[0]}-${r.years[1]}`);
  const fitCmd = ["pkt", "fit", "--data", `${dir}/analysis.csv`, "--formula", r.formula, "--model", r.kind, "--vcov", r.vcov];
  if (r.exclude.length > 0) fitCmd.push("--exclude", `ccode=${r.exclude.join(",")}`);
  fitCmd.push("--json");
  return `${build.map(shellQuote).join(" ")} && ${fitCmd.map(shellQuote).join(" ")}`;
}

function field(v: string | number | boolean | null): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The columns of specs.csv, in order. */
export const SPEC_COLUMNS: readonly string[] = Object.freeze([
  "index", "claim", "model",
  ...FORKS.map((f) => f.id),
  "term", "estimate", "std_error", "p_value", "conf_low", "conf_high", "nobs", "n_clusters", "converged", "warnings", "error",
  "formula", "estimator_kind", "vcov", "exclude", "reproduce",
]);

/** SQL types of the columns of specs.parquet, by column (VARCHAR when not listed). */
const PARQUET_TYPES: Readonly<Record<string, ParquetType>> = {
  index: "INTEGER", estimate: "DOUBLE", std_error: "DOUBLE", p_value: "DOUBLE", conf_low: "DOUBLE", conf_high: "DOUBLE",
  nobs: "INTEGER", n_clusters: "INTEGER", converged: "BOOLEAN",
};

/** The cells of each specification in SPEC_COLUMNS order: one source for specs.csv and specs.parquet. */
export function specRows(results: readonly SpecResult[], o: ReproduceOptions = {}): (string | number | boolean | null)[][] {
  return results.map((r) => [
    r.index, r.claim, r.model,
    ...FORKS.map((f) => r.choices[f.id] ?? "-"),
    r.term, r.estimate, r.std_error, r.p_value, r.conf_low, r.conf_high, r.nobs, r.n_clusters, r.converged, r.warnings, r.error,
    r.formula, r.kind, r.vcov, r.exclude.join(" "), reproduceCommand(r, o),
  ]);
}

/**
 * specs.csv: one row per specification and claim, every choice, the tested coefficient and
 * its inference, N, clusters, convergence, warnings and the `reproduce` commands. Numbers
 * are written in shortest round-trip form, so the same results give the same bytes.
 */
export function specsCsv(results: readonly SpecResult[], o: ReproduceOptions = {}): string {
  return [SPEC_COLUMNS.join(","), ...specRows(results, o).map((row) => row.map(field).join(","))].join("\n") + "\n";
}

/** specs.parquet: the same table as specs.csv, typed (numbers as DOUBLE/INTEGER, converged as BOOLEAN, missing as NULL). */
export async function specsParquet(results: readonly SpecResult[], o: ReproduceOptions = {}): Promise<Uint8Array> {
  const rows = specRows(results, o);
  return parquetBytes(SPEC_COLUMNS.map((name, j) => ({ name, type: PARQUET_TYPES[name] ?? "VARCHAR", values: rows.map((r) => r[j]) })), rows.length);
}
