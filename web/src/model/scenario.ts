/**
 * Policy-simulator scenarios: whether a scenario is possible at all (no contributors
 * or years deployed without personnel), and whether it lies inside the data the model
 * was fitted on, input by input and jointly. A prediction outside that range is an
 * extrapolation of the model's functional form, not something the data show.
 */

/** One simulator input: a panel column, its words, and whether it only exists with personnel. */
export interface ScenarioInput {
  readonly col: string;
  readonly label: string;
  /** True for duration and contributors: they are zero whenever personnel is zero. */
  readonly needsPersonnel: boolean;
  /** Smallest value possible when personnel is deployed (1 for contributing countries). */
  readonly minWithPersonnel?: number;
}

/** Values of the inputs, by column. */
export type Scenario = Readonly<Record<string, number>>;

/** The observed range of one input, over the rows that can speak to it. */
export interface InputRange {
  readonly col: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** What the data cover: per-input ranges and the joint (Mahalanobis) envelope of deployed rows. */
export interface Coverage {
  readonly sizeCol: string;
  readonly ranges: readonly InputRange[];
  /** Columns of the joint check, with mean and inverse covariance on the transformed scale. */
  readonly joint: { readonly cols: readonly string[]; readonly mean: readonly number[]; readonly inv: readonly (readonly number[])[]; readonly limit: number } | null;
  /** Rows the coverage was computed from (deployed country-years for the joint check). */
  readonly nDeployed: number;
}

/** Why a scenario is impossible (empty when it is consistent). */
export function inconsistencies(s: Scenario, sizeCol: string, inputs: readonly ScenarioInput[]): string[] {
  const size = s[sizeCol] ?? 0;
  const out: string[] = [];
  for (const i of inputs) {
    if (!i.needsPersonnel) continue;
    const v = s[i.col] ?? 0;
    if (size <= 0 && v > 0) out.push(`${i.label.toLowerCase()} is ${v} with no personnel deployed`);
    const least = i.minWithPersonnel ?? 0;
    if (size > 0 && v < least) out.push(`${size.toLocaleString("en-US")} personnel need ${i.label.toLowerCase()} of at least ${least}`);
  }
  return out;
}

/** Share of deployed rows inside the joint envelope: the limit is this quantile of their distances. */
export const JOINT_QUANTILE = 0.99;

/** Transform for the joint check: personnel on the log scale the models use. */
function tf(col: string, sizeCol: string, v: number): number {
  return col === sizeCol ? Math.log1p(Math.max(0, v)) : v;
}

/**
 * Coverage of the sample: each input's range (personnel over all rows, the others over
 * deployed rows), and the joint envelope of the deployed rows on (log personnel,
 * moderators): the 99th percentile of their squared Mahalanobis distances.
 */
export function coverageOf(rows: readonly Readonly<Record<string, unknown>>[], sizeCol: string, inputs: readonly ScenarioInput[]): Coverage {
  const num = (r: Readonly<Record<string, unknown>>, c: string): number | null => {
    const v = r[c];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const deployed = rows.filter((r) => (num(r, sizeCol) ?? 0) > 0);
  const ranges: InputRange[] = inputs.map((i) => {
    const from = i.needsPersonnel ? deployed : rows;
    const v = from.map((r) => num(r, i.col)).filter((x): x is number => x !== null);
    return { col: i.col, label: i.label, min: v.length ? Math.min(...v) : NaN, max: v.length ? Math.max(...v) : NaN };
  });
  const cols = inputs.map((i) => i.col);
  const pts = deployed.map((r) => cols.map((c) => num(r, c))).filter((p): p is number[] => p.every((x) => x !== null)).map((p) => p.map((x, k) => tf(cols[k], sizeCol, x)));
  let joint: Coverage["joint"] = null;
  if (cols.length >= 2 && pts.length > cols.length + 2) {
    const k = cols.length;
    const mean = Array.from({ length: k }, (_, j) => pts.reduce((s, p) => s + p[j], 0) / pts.length);
    const cov = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => pts.reduce((s, p) => s + (p[a] - mean[a]) * (p[b] - mean[b]), 0) / (pts.length - 1)));
    const inv = invert(cov);
    if (inv !== null) {
      const d = pts.map((p) => mahalanobis2(p, mean, inv)).sort((a, b) => a - b);
      joint = { cols, mean, inv, limit: d[Math.min(d.length - 1, Math.ceil(JOINT_QUANTILE * d.length) - 1)] };
    }
  }
  return { sizeCol, ranges, joint, nDeployed: deployed.length };
}

/** Why a (consistent) scenario is an extrapolation: each input outside its range, and the joint check. */
export function extrapolation(s: Scenario, cov: Coverage): string[] {
  const out: string[] = [];
  const n = (v: number) => Math.round(v).toLocaleString("en-US");
  for (const r of cov.ranges) {
    const v = s[r.col];
    if (v === undefined || !Number.isFinite(r.min)) continue;
    if (v > r.max) out.push(`${r.label.toLowerCase()} ${n(v)} is above the largest in the data (${n(r.max)})`);
    else if (v < r.min && !(r.col !== cov.sizeCol && (s[cov.sizeCol] ?? 0) <= 0)) out.push(`${r.label.toLowerCase()} ${n(v)} is below the smallest in the data (${n(r.min)})`);
  }
  const size = s[cov.sizeCol] ?? 0;
  if (out.length === 0 && cov.joint !== null && size > 0) {
    const j = cov.joint;
    const x = j.cols.map((c) => tf(c, cov.sizeCol, s[c] ?? 0));
    if (mahalanobis2(x, j.mean, j.inv) > j.limit) {
      out.push(`each value is within the data's range, but this combination is farther from the deployments observed than ${Math.round(100 * JOINT_QUANTILE)}% of them (Mahalanobis distance on log personnel and the moderator)`);
    }
  }
  return out;
}

function mahalanobis2(x: readonly number[], m: readonly number[], inv: readonly (readonly number[])[]): number {
  let s = 0;
  for (let a = 0; a < x.length; a++) for (let b = 0; b < x.length; b++) s += (x[a] - m[a]) * inv[a][b] * (x[b] - m[b]);
  return s;
}

/** Inverse of a small symmetric matrix by Gauss-Jordan; null when singular. */
function invert(m: readonly (readonly number[])[]): number[][] | null {
  const k = m.length;
  const a = m.map((r, i) => [...r, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-12) return null;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * k; j++) a[c][j] /= d;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * k; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((r) => r.slice(k));
}
