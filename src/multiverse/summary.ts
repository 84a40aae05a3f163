import { CLAIMS, FORKS, NOT_APPLICABLE, type ClaimId } from "./forks.js";
import type { SpecResult } from "./run.js";

/** Significance level of the summary's shares. */
export const ALPHA = 0.05;

/** Share significant and median estimate of a set of specifications. */
export interface Tally {
  /** Specifications in the set. */
  readonly count: number;
  /** Of them, estimated (no error, coefficient present). */
  readonly estimated: number;
  /** Share of estimated specifications with a positive estimate and p < 0.05 (the claimed direction of M1-M3). */
  readonly share_positive_significant: number | null;
  /** Share with a negative estimate and p < 0.05. */
  readonly share_negative_significant: number | null;
  readonly median_estimate: number | null;
  /** Median of estimate / SE (scale-free across estimators). */
  readonly median_z: number | null;
}

/** How much of the spread of the estimate (or z) each fork explains. */
export interface VarianceShare {
  readonly fork: string;
  /** Between-option variance over total variance (eta squared of the fork's main effect). */
  readonly estimate: number | null;
  readonly z: number | null;
}

/** summary.json's per-claim entry. */
export interface ClaimSummary extends Tally {
  readonly claim: ClaimId;
  readonly model: string;
  readonly title: string;
  /**
   * Share of estimated specifications that support the claim: positive and significant for
   * M1-M3; for the placebo M4, not positive and significant.
   */
  readonly share_supporting: number | null;
  readonly by_fork: Readonly<Record<string, Readonly<Record<string, Tally>>>>;
  readonly variance: readonly VarianceShare[];
}

function median(v: number[]): number | null {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ok = (r: SpecResult): boolean => r.error === null && r.estimate !== null && r.p_value !== null && r.std_error !== null;
const zOf = (r: SpecResult): number => r.estimate! / r.std_error!;

/** Count, shares significant and medians of a set of results. */
export function tally(rs: readonly SpecResult[]): Tally {
  const est = rs.filter(ok);
  const n = est.length;
  const pos = est.filter((r) => r.estimate! > 0 && r.p_value! < ALPHA).length;
  const neg = est.filter((r) => r.estimate! < 0 && r.p_value! < ALPHA).length;
  return {
    count: rs.length,
    estimated: n,
    share_positive_significant: n > 0 ? pos / n : null,
    share_negative_significant: n > 0 ? neg / n : null,
    median_estimate: median(est.map((r) => r.estimate!)),
    median_z: median(est.map(zOf).filter(Number.isFinite)),
  };
}

/** Eta squared of one grouping: between-group sum of squares over the total. */
function etaSquared(values: readonly number[], groups: readonly string[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  let total = 0;
  const by = new Map<string, { s: number; n: number }>();
  values.forEach((v, i) => {
    total += (v - mean) ** 2;
    const g = by.get(groups[i]) ?? { s: 0, n: 0 };
    g.s += v;
    g.n++;
    by.set(groups[i], g);
  });
  if (!(total > 0)) return null;
  let between = 0;
  for (const g of by.values()) between += g.n * (g.s / g.n - mean) ** 2;
  return between / total;
}

/** The per-claim summary: tallies overall and per fork option, and the variance decomposition. */
export function summarize(results: readonly SpecResult[]): ClaimSummary[] {
  return CLAIMS.filter((c) => results.some((r) => r.claim === c.id)).map((c) => {
    const rs = results.filter((r) => r.claim === c.id);
    const t = tally(rs);
    const byFork: Record<string, Record<string, Tally>> = {};
    const est = rs.filter(ok);
    const variance: VarianceShare[] = [];
    for (const f of FORKS) {
      const options = [...new Set(rs.map((r) => r.choices[f.id]))].filter((o) => o !== undefined && o !== NOT_APPLICABLE);
      if (options.length === 0) continue;
      byFork[f.id] = Object.fromEntries(f.options.filter((o) => options.includes(o.id)).map((o) => [o.id, tally(rs.filter((r) => r.choices[f.id] === o.id))]));
      if (options.length > 1) {
        const zs = est.filter((r) => Number.isFinite(zOf(r)));
        variance.push({
          fork: f.id,
          estimate: etaSquared(est.map((r) => r.estimate!), est.map((r) => r.choices[f.id])),
          z: etaSquared(zs.map(zOf), zs.map((r) => r.choices[f.id])),
        });
      }
    }
    variance.sort((a, b) => (b.estimate ?? 0) - (a.estimate ?? 0));
    const supporting = t.share_positive_significant === null ? null : c.id === "placebo" ? 1 - t.share_positive_significant : t.share_positive_significant;
    return { claim: c.id, model: c.model, title: c.title, ...t, share_supporting: supporting, by_fork: byFork, variance };
  });
}

/**
 * Wilson score interval of a share `k / n` (95% by default): for a share estimated from a
 * random sample of specifications rather than the whole grid. Null when n is 0.
 */
export function shareInterval(k: number, n: number, z = 1.959963984540054): readonly [number, number] | null {
  if (n <= 0) return null;
  const p = k / n, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
