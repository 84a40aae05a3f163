/** Loads test/fixtures/reference/glm_extra.json and its CSV datasets for the extra-estimator tests. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import type { ReferenceFit } from "../../util/check-results.js";

const DIR = resolve(import.meta.dirname, "../../fixtures/reference");

/** One fit as scripts/reference/glm_extra.R writes it. */
export interface ExtraCase extends ReferenceFit {
  readonly id: string;
  readonly dataset: string;
  readonly model: "firth" | "relogit" | "clogit" | "feols";
  readonly formula: string;
  readonly vcov: string;
  readonly se: readonly number[];
  readonly penalized_loglik?: number;
  readonly tau?: number | null;
  readonly correction?: "none" | "prior" | "weighting";
  readonly n_dropped_groups?: number;
  readonly n_clusters?: number;
  readonly se_raw?: readonly number[];
  readonly df_residual?: number;
}

/** A delta-method result from R. */
export interface DeltaRef {
  readonly estimate: number;
  readonly std_error: number;
  readonly conf_low: number;
  readonly conf_high: number;
}

/** One margins result as the R script writes it. */
export interface MarginRef {
  readonly id: string;
  readonly kind: "ame" | "predict" | "across";
  readonly variable?: string;
  readonly type?: "derivative" | "difference";
  readonly at?: Record<string, number>;
  readonly others?: "observed" | "mean";
  readonly moderator?: string;
  readonly scale?: "response" | "link";
  readonly common: { dataset: string; model: "logit" | "probit"; formula: string; vcov: string; terms: string[]; coef: number[]; se: number[] };
  readonly result?: DeltaRef;
  readonly curve?: (DeltaRef & { at: number })[];
}

/** The whole reference file. */
export interface ExtraReference {
  readonly source: Record<string, unknown>;
  readonly cases: readonly ExtraCase[];
  readonly margins: readonly MarginRef[];
}

/** The parsed reference JSON. */
export const REF: ExtraReference = JSON.parse(readFileSync(resolve(DIR, "glm_extra.json"), "utf8")) as ExtraReference;

const cache = new Map<string, Record<string, string>[]>();

/** Rows of test/fixtures/reference/data/extra_NAME.csv (values as strings, as a CSV gives them). */
export function dataset(name: string): Record<string, string>[] {
  let rows = cache.get(name);
  if (rows === undefined) {
    rows = parse(readFileSync(resolve(DIR, "data", `extra_${name}.csv`), "utf8"), { columns: true }) as Record<string, string>[];
    cache.set(name, rows);
  }
  return rows;
}

/** The case with this id (throws if absent, so a renamed case fails loudly). */
export function refCase(id: string): ExtraCase {
  const c = REF.cases.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no reference case ${id} in glm_extra.json`);
  return c;
}
