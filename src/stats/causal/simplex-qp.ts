/**
 * Simplex-constrained least squares: minimise 0.5 ||A w - b||^2 over the unit simplex
 * (w >= 0, sum w = 1), by accelerated projected gradient (FISTA with adaptive restart)
 * and exact Euclidean projection onto the simplex. A is m x k, row-major, typically
 * with few rows (pre-treatment periods) and many columns (donors); every product is
 * taken through A, so an iteration costs O(m k), not O(k^2).
 *
 * Stopping uses the Frank-Wolfe duality gap g'w - min_j g_j (g the gradient), an upper
 * bound on f(w) - min f that is cheap to compute and does not need unique weights.
 */
export interface SimplexLsResult {
  readonly w: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** 0.5 ||A w - b||^2 at the solution. */
  readonly objective: number;
  /** Duality gap at the solution (certified bound on the distance to the optimum's objective). */
  readonly gap: number;
}

/** Project v onto the simplex {w >= 0, sum w = 1} (Duchi et al. 2008, sort-based). */
export function projectSimplex(v: ArrayLike<number>): Float64Array {
  const k = v.length;
  const u = Float64Array.from(v).sort().reverse();
  let css = 0;
  let theta = 0;
  for (let i = 0; i < k; i++) {
    css += u[i];
    const t = (css - 1) / (i + 1);
    if (u[i] - t > 0) theta = t;
  }
  const w = new Float64Array(k);
  for (let i = 0; i < k; i++) w[i] = Math.max(v[i] - theta, 0);
  return w;
}

/** r = A x - b (length m). */
function residual(A: Float64Array, m: number, k: number, x: Float64Array, b: Float64Array, r: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = -b[i];
    const row = i * k;
    for (let j = 0; j < k; j++) s += A[row + j] * x[j];
    r[i] = s;
  }
}

/** g = A' r (length k). */
function gradient(A: Float64Array, m: number, k: number, r: Float64Array, g: Float64Array): void {
  g.fill(0);
  for (let i = 0; i < m; i++) {
    const ri = r[i];
    const row = i * k;
    for (let j = 0; j < k; j++) g[j] += A[row + j] * ri;
  }
}

/** Largest eigenvalue of A'A, through the m x m matrix A A' (power iteration). */
function lipschitz(A: Float64Array, m: number, k: number): number {
  const G = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let c = a; c < m; c++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += A[a * k + j] * A[c * k + j];
      G[a * m + c] = s;
      G[c * m + a] = s;
    }
  }
  let x = new Float64Array(m).fill(1 / Math.sqrt(m));
  let lambda = 0;
  for (let it = 0; it < 500; it++) {
    const y = new Float64Array(m);
    for (let a = 0; a < m; a++) for (let c = 0; c < m; c++) y[a] += G[a * m + c] * x[c];
    const norm = Math.hypot(...y);
    if (norm === 0) return 0;
    x = y.map((v) => v / norm);
    if (Math.abs(norm - lambda) <= 1e-13 * norm) return norm;
    lambda = norm;
  }
  return lambda;
}

/** Solve the simplex-constrained least-squares problem; see the module comment. */
export function simplexLeastSquares(
  A: Float64Array,
  b: Float64Array,
  k: number,
  opts: { maxIter?: number; tol?: number } = {},
): SimplexLsResult {
  const m = b.length;
  const maxIter = opts.maxIter ?? 20_000;
  const tol = opts.tol ?? 1e-10;
  const L = Math.max(lipschitz(A, m, k), 1e-300);
  let w: Float64Array = new Float64Array(k).fill(1 / k);
  let z: Float64Array = Float64Array.from(w);
  let t = 1;
  const r = new Float64Array(m);
  const g = new Float64Array(k);
  const step = new Float64Array(k);
  const objectiveAt = (x: Float64Array): number => {
    residual(A, m, k, x, b, r);
    let o = 0;
    for (let i = 0; i < m; i++) o += r[i] * r[i];
    return 0.5 * o;
  };
  const dualityGap = (x: Float64Array): number => {
    residual(A, m, k, x, b, r);
    gradient(A, m, k, r, g);
    let gw = 0;
    let gmin = Infinity;
    for (let j = 0; j < k; j++) {
      gw += g[j] * x[j];
      if (g[j] < gmin) gmin = g[j];
    }
    return gw - gmin;
  };
  // Scale the tolerance by the problem's size so it is relative, not absolute.
  let bb = 0;
  for (let i = 0; i < m; i++) bb += b[i] * b[i];
  const scale = 1 + 0.5 * bb;
  let prev = objectiveAt(w);
  let iterations = 0;
  let converged = false;
  let gap = dualityGap(w);
  for (; iterations < maxIter; iterations++) {
    if (gap <= tol * scale) {
      converged = true;
      break;
    }
    residual(A, m, k, z, b, r);
    gradient(A, m, k, r, g);
    for (let j = 0; j < k; j++) step[j] = z[j] - g[j] / L;
    const wNext = projectSimplex(step);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    for (let j = 0; j < k; j++) z[j] = wNext[j] + ((t - 1) / tNext) * (wNext[j] - w[j]);
    w = wNext;
    t = tNext;
    const obj = objectiveAt(w);
    // Restart the momentum when the objective rises (O'Donoghue & Candes 2015).
    if (obj > prev) {
      z = Float64Array.from(w);
      t = 1;
    }
    prev = obj;
    // The gap costs one more gradient; checking it every 10 steps keeps the loop cheap.
    if (iterations % 10 === 9) gap = dualityGap(w);
  }
  if (!converged) gap = dualityGap(w);
  return { w, iterations, converged, objective: objectiveAt(w), gap };
}
