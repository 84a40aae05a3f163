/**
 * The one checker every estimator test uses to compare a fit with a reference
 * (R output stored in test/fixtures/reference/*.json). Differences are relative:
 * |actual - expected| / max(|expected|, floor).
 */
import type { ModelResults } from "../../src/stats/results.js";

/** A reference fit as the R scripts write it (one entry of a reference JSON file). */
export interface ReferenceFit {
  /** Coefficient names as R prints them. */
  readonly terms: readonly string[];
  readonly coef: readonly number[];
  /** Standard errors for the variance type under test. */
  readonly se?: readonly number[];
  readonly loglik?: number | null;
  readonly nobs?: number;
  /** Terms R reported as NA (aliased), expected to be dropped and named in a warning. */
  readonly aliased?: readonly string[];
}

/** Relative tolerances per quantity. */
export interface CheckTolerance {
  readonly coef?: number;
  readonly se?: number;
  readonly loglik?: number;
  /** Denominator floor for relative differences (default 1e-8). */
  readonly floor?: number;
}

/** The outcome of a comparison: the largest relative difference per quantity and what failed. */
export interface CheckReport {
  readonly ok: boolean;
  readonly maxRel: { coef: number; se: number; loglik: number };
  readonly failures: readonly string[];
}

/** Relative difference with a floor on the denominator. */
export function relDiff(actual: number, expected: number, floor = 1e-8): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}

/**
 * Compare a ModelResults (or anything with terms/coef/tidy/glance) with a reference.
 * Terms are matched by name; a term missing on either side is a failure.
 */
export function compareResults(
  actual: Pick<ModelResults, "terms" | "coef" | "tidy" | "glance">,
  ref: ReferenceFit,
  tol: CheckTolerance = {},
): CheckReport {
  const t = { coef: tol.coef ?? 1e-6, se: tol.se ?? 1e-5, loglik: tol.loglik ?? 1e-8, floor: tol.floor ?? 1e-8 };
  const failures: string[] = [];
  const maxRel = { coef: 0, se: 0, loglik: 0 };
  const aliased = new Set(ref.aliased ?? []);
  const expectedTerms = ref.terms.filter((term) => !aliased.has(term));
  for (const term of actual.terms) {
    if (!ref.terms.includes(term)) failures.push(`term ${term} is not in the reference (${ref.terms.join(", ")})`);
  }
  ref.terms.forEach((term, k) => {
    if (aliased.has(term)) {
      if (actual.terms.includes(term)) failures.push(`term ${term} is aliased in the reference but was estimated`);
      return;
    }
    const j = actual.terms.indexOf(term);
    if (j < 0) {
      failures.push(`term ${term} missing from the fit (have ${actual.terms.join(", ")})`);
      return;
    }
    const dc = relDiff(actual.coef[j], ref.coef[k], t.floor);
    maxRel.coef = Math.max(maxRel.coef, dc);
    if (!(dc <= t.coef)) failures.push(`coef ${term}: got ${actual.coef[j]}, expected ${ref.coef[k]} (rel ${dc.toExponential(2)} > ${t.coef})`);
    if (ref.se !== undefined) {
      const se = actual.tidy[j].std_error;
      const ds = relDiff(se, ref.se[k], t.floor);
      maxRel.se = Math.max(maxRel.se, ds);
      if (!(ds <= t.se)) failures.push(`se ${term}: got ${se}, expected ${ref.se[k]} (rel ${ds.toExponential(2)} > ${t.se})`);
    }
  });
  if (expectedTerms.length !== actual.terms.length) {
    failures.push(`expected ${expectedTerms.length} estimated terms, got ${actual.terms.length}`);
  }
  if (ref.loglik !== undefined && ref.loglik !== null) {
    const ll = actual.glance.loglik;
    const dl = ll === null ? Infinity : relDiff(ll, ref.loglik, t.floor);
    maxRel.loglik = dl;
    if (!(dl <= t.loglik)) failures.push(`loglik: got ${ll}, expected ${ref.loglik} (rel ${dl.toExponential(2)} > ${t.loglik})`);
  }
  if (ref.nobs !== undefined && actual.glance.nobs !== ref.nobs) {
    failures.push(`nobs: got ${actual.glance.nobs}, expected ${ref.nobs}`);
  }
  return { ok: failures.length === 0, maxRel, failures };
}

/** Like {@link compareResults} but throws an Error listing every failure (for use inside tests). */
export function checkResults(
  actual: Pick<ModelResults, "terms" | "coef" | "tidy" | "glance">,
  ref: ReferenceFit,
  tol: CheckTolerance = {},
): CheckReport {
  const report = compareResults(actual, ref, tol);
  if (!report.ok) throw new Error(`results differ from reference:\n  ${report.failures.join("\n  ")}`);
  return report;
}
