/**
 * The fit the worker runs. TEMPORARY stand-in until src/stats/index.ts lands:
 * logit/probit/OLS by IRLS with classical, HC1 or CR1 clustered variance, on
 * formulas of the form `y ~ a + log1p(b) + a:b`. Replaced by `fit` from src/stats.
 */
import { pnorm, dnorm } from "../../../src/stats/distributions.js";
import type { ModelKind, ModelResults } from "../../../src/stats/results.js";
import { designRow } from "./predict.js";

type Rows = readonly Record<string, number | string | null>[];

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    if (Math.abs(M[c][c]) < 1e-12) throw new Error("singular design matrix (collinear terms)");
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((r, i) => r[n] / M[i][i]);
}

function inverse(A: number[][]): number[][] {
  const n = A.length;
  const cols = Array.from({ length: n }, (_, j) => solve(A, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
}

/** Fit `formula` on `rows` (listwise deletion) with the given estimator and variance. */
export function fitModel(formula: string, rows: Rows, model: ModelKind, vcov: string): ModelResults {
  const [lhs, rhs] = formula.split("~").map((s) => s.trim());
  const terms = ["(Intercept)", ...rhs.split("+").map((s) => s.trim()).filter((s) => s !== "")];
  const X: number[][] = [];
  const y: number[] = [];
  const cl: string[] = [];
  const clusterCol = vcov.startsWith("cluster:") ? vcov.slice(8) : null;
  for (const r of rows) {
    const yv = r[lhs];
    if (typeof yv !== "number") continue;
    let x: number[];
    try {
      x = designRow(terms, r as Record<string, number | null>);
    } catch {
      continue;
    }
    X.push(x);
    y.push(yv);
    cl.push(clusterCol ? String(r[clusterCol]) : "");
  }
  const n = y.length;
  const p = terms.length;
  let b = new Array<number>(p).fill(0);
  let iter = 0;
  let w: number[] = [];
  let score: number[][] = [];
  const binary = model !== "ols";
  for (iter = 1; iter <= 50; iter++) {
    const XtWX = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const XtWz = new Array<number>(p).fill(0);
    w = [];
    score = [];
    for (let i = 0; i < n; i++) {
      const eta = X[i].reduce((s, v, k) => s + v * b[k], 0);
      let mu = eta;
      let d = 1;
      let wi = 1;
      if (model === "probit") {
        mu = Math.min(Math.max(pnorm(eta), 1e-12), 1 - 1e-12);
        d = dnorm(eta);
        wi = (d * d) / (mu * (1 - mu));
      } else if (binary) {
        mu = 1 / (1 + Math.exp(-eta));
        d = mu * (1 - mu);
        wi = d;
      }
      const z = eta + (y[i] - mu) / d;
      w.push(wi);
      score.push(X[i].map((v) => (binary ? (v * (y[i] - mu) * d) / (mu * (1 - mu)) : v * (y[i] - mu))));
      for (let j = 0; j < p; j++) {
        XtWz[j] += X[i][j] * wi * z;
        for (let k = 0; k < p; k++) XtWX[j][k] += X[i][j] * wi * X[i][k];
      }
    }
    const nb = solve(XtWX, XtWz);
    const delta = Math.max(...nb.map((v, k) => Math.abs(v - b[k])));
    b = nb;
    if (delta < 1e-10 || !binary) break;
  }
  const bread = inverse(Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, k) => X.reduce((s, x, i) => s + x[j] * w[i] * x[k], 0))));
  let V = bread;
  if (!binary) {
    const rss = X.reduce((s, x, i) => s + (y[i] - x.reduce((a, v, k) => a + v * b[k], 0)) ** 2, 0);
    V = bread.map((r) => r.map((v) => (v * rss) / (n - p)));
  }
  let G = 0;
  if (vcov !== "classical") {
    const groups = new Map<string, number[]>();
    score.forEach((s, i) => {
      const key = clusterCol ? cl[i] : String(i);
      const g = groups.get(key) ?? new Array<number>(p).fill(0);
      s.forEach((v, k) => (g[k] += v));
      groups.set(key, g);
    });
    G = groups.size;
    const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (const g of groups.values()) for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) meat[j][k] += g[j] * g[k];
    const c = clusterCol ? (G / (G - 1)) * ((n - 1) / (n - p)) : n / (n - p);
    const BM = bread.map((r) => meat[0].map((_, k) => r.reduce((s, v, m) => s + v * meat[m][k], 0)));
    V = BM.map((r) => bread[0].map((_, k) => c * r.reduce((s, v, m) => s + v * bread[m][k], 0)));
  }
  const tidy = terms.map((term, k) => {
    const se = Math.sqrt(V[k][k]);
    const stat = b[k] / se;
    return { term, estimate: b[k], std_error: se, statistic: stat, p_value: 2 * (1 - pnorm(Math.abs(stat))), conf_low: b[k] - 1.959964 * se, conf_high: b[k] + 1.959964 * se };
  });
  return {
    model, formula, response: lhs, terms, coef: b, vcov: V, vcov_type: vcov,
    vcov_description: clusterCol ? `Standard errors clustered by ${clusterCol} (CR1)` : vcov === "classical" ? "Classical standard errors" : "Heteroskedasticity-robust (HC1)",
    statistic_name: binary ? "z" : "t", df_residual: binary ? null : n - p, tidy,
    glance: { nobs: n, n_clusters: clusterCol ? G : null, loglik: null, aic: null, bic: null, r2: null, converged: true, iterations: iter, n_dropped_missing: rows.length - n },
    warnings: [{ type: "other", message: "temporary stand-in engine (src/stats not yet available)" }],
  };
}
