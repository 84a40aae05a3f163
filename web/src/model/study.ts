/** The study's declared models (src/study) wired to the server's panel variants and the worker. */
import type { ModelKind } from "../../../src/stats/results.js";
import { prepareRows, sampleFor, type PanelRow } from "../../../src/study/data.js";
import type { StudyOptions } from "../../../src/study/options.js";
import { columnsOf, formulaOf, type ModelSpec } from "../../../src/study/spec.js";
import { getJson, variantParams, type Meta, type PanelResponse, type Row, type Variant } from "../api.js";

/** The panel variant a set of study options needs. */
export function variantOf(o: StudyOptions): Variant {
  return {
    reportAlignment: o.reportAlignment,
    unSource: o.unSource,
    multiHost: o.multiHost,
    kosovo: o.kosovo,
    usTroops: o.usTroops,
  };
}

/**
 * Fetch the panel rows the options need (the sample years and two before, for the
 * alignment and the lagged tier) and add the study's derived columns (`prepareRows`).
 */
export async function studyRows(meta: Meta, o: StudyOptions, specs: readonly ModelSpec[]): Promise<{ rows: PanelRow[]; url: string }> {
  // prepareRows derives columns (trend, lagged tier, duration with zeros) from these.
  const cols = new Set(["ccode", "iso3", "country", "year", "tip_tier", "un_total", "un_duration_years"]);
  for (const s of specs) for (const c of columnsOf(s)) cols.add(c);
  const known = new Set(meta.columns.map((c) => c.name));
  const first = Math.max(meta.years[0], o.yearFrom - 2);
  const last = Math.min(meta.years[1], o.yearTo);
  const params = { years: `${first}-${last}`, columns: [...cols].filter((c) => known.has(c)).join(","), ...variantParams(variantOf(o), meta.variants.defaults) };
  const res = await getJson<PanelResponse>("/api/panel", params);
  const url = `/api/panel?${new URLSearchParams(params).toString()}`;
  return { rows: prepareRows(res.rows, o), url };
}

/** A spec with another estimator and variance; conditional logit conditions on the country. */
export function withEstimator(spec: ModelSpec, estimator: ModelKind, vcov: string): ModelSpec {
  const [type, by] = vcov.startsWith("cluster:") ? (["cluster", [vcov.slice(8)]] as const) : (["classical", undefined] as const);
  return { ...spec, estimator, vcov: { type, by }, group: estimator === "clogit" ? "ccode" : null };
}

/** The estimation sample of a spec, keeping only the columns the fit reads. */
export function fitRows(spec: ModelSpec, rows: readonly PanelRow[]): Row[] {
  const cols = [...columnsOf(spec), "ccode"];
  return sampleFor(spec, rows).map((r) => {
    const o: Row = {};
    for (const c of cols) {
      const v = r[c];
      o[c] = typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);
    }
    return o;
  });
}

/** The formula of a spec. */
export { formulaOf };

/** Median of a numeric column over rows (null when none). */
export function median(rows: readonly Row[], col: string, where: (r: Row) => boolean = () => true): number | null {
  const v = rows.filter(where).map((r) => r[col]).filter((x): x is number => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Largest value of a numeric column. */
export function maxOf(rows: readonly Row[], col: string): number {
  let m = 0;
  for (const r of rows) {
    const v = r[col];
    if (typeof v === "number" && v > m) m = v;
  }
  return m;
}
