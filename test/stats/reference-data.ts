/** Loads the R reference fits (test/fixtures/reference/glm_core.json) and their datasets as row records. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCsv } from "../../src/core/csv.js";
import { DATA_DIR } from "../util/data.js";

const REF_DIR = resolve(import.meta.dirname, "../fixtures/reference");

/** One reference fit as scripts/reference/glm_core.R writes it. */
export interface CoreRefFit {
  readonly id: string;
  readonly data: string;
  readonly model: "logit" | "probit" | "ols";
  readonly formula: string;
  readonly nobs: number;
  readonly n_dropped: number;
  readonly terms: string[];
  readonly aliased: string[];
  readonly coef: number[];
  readonly loglik: number;
  readonly aic: number;
  readonly bic: number;
  readonly r2: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly statistic: number[];
  readonly p_value: number[];
  readonly conf_low: number[];
  readonly conf_high: number[];
  readonly n_clusters: number[];
  readonly se: Record<string, (number | null)[]>;
}

/** The parsed reference file. */
export function loadCoreReference(): { source: Record<string, unknown>; fits: CoreRefFit[] } {
  return JSON.parse(readFileSync(resolve(REF_DIR, "glm_core.json"), "utf8"));
}

/** CSV text to records of strings (empty cells stay "", read as missing by the model frame). */
export function csvRecords(text: string, name: string, encoding?: "utf8" | "latin1"): Record<string, string>[] {
  const t = parseCsv(text, { name, encoding });
  return t.rows.map((row) => Object.fromEntries(t.header.map((h, j) => [h, row[j]])));
}

/** The real-data set the R script builds: HTI pdest == "Yes" left-joined with polity2 and Fariss GDP/pop. */
export function htiRecords(): Record<string, string | number>[] {
  const hti = csvRecords(readFileSync(resolve(DATA_DIR, "trafficking/HTI.csv"), "latin1"), "HTI.csv");
  const key = (r: Record<string, string>) => `${Number(r.ccode)}-${Number(r.year)}`;
  const dem = new Map(csvRecords(readFileSync(resolve(DATA_DIR, "controls/isard_cw_democracy.csv"), "utf8"), "dem").map((r) => [key(r), r]));
  const gdp = new Map(csvRecords(readFileSync(resolve(DATA_DIR, "controls/isard_cw_gdppop_fariss.csv"), "utf8"), "gdp").map((r) => [key(r), r]));
  return hti.map((r) => ({
    ccode: r.ccode,
    year: r.year,
    pdest: r.pdest === "Yes" ? 1 : 0,
    polity2: dem.get(key(r))?.polity2 ?? "",
    mrgdppc: gdp.get(key(r))?.mrgdppc ?? "",
    pwtpop: gdp.get(key(r))?.pwtpop ?? "",
  }));
}

/** Records of a reference dataset by name. */
export function datasetRecords(name: string): Record<string, unknown>[] {
  if (name === "hti") return htiRecords();
  return csvRecords(readFileSync(resolve(REF_DIR, "data", `${name}.csv`), "utf8"), `${name}.csv`);
}
