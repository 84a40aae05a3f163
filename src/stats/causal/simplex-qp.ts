/**
 * Minimise 0.5 w'Hw - f'w over the unit simplex (w >= 0, sum w = 1) by accelerated
 * projected gradient (FISTA) with exact Euclidean projection onto the simplex.
 * H is a symmetric positive semi-definite k x k matrix, row-major.
 */
export interface SimplexQpResult {
  readonly w: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly objective: number;
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

function matvec(H: Float64Array, k: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let s = 0;
    const row = i * k;
    for (let j = 0; j < k; j++) s += H[row + j] * x[j];
    out[i] = s;
  }
}

function largestEigen(H: Float64Array, k: number): number {
  let x = new Float64Array(k).fill(1 / Math.sqrt(k));
  const y = new Float64Array(k);
  let lambda = 0;
  for (let it = 0; it < 200; it++) {
    matvec(H, k, x, y);
    let norm = 0;
    for (let i = 0; i < k; i++) norm += y[i] * y[i];
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    const next = y.map((v) => v / norm);
    if (Math.abs(norm - lambda) <= 1e-12 * norm) return norm;
    lambda = norm;
    x = next;
  }
  return lambda;
}

/** Solve the simplex-constrained quadratic programme; see the module comment. */
export function simplexQp(H: Float64Array, f: Float64Array, opts: { maxIter?: number; tol?: number } = {}): SimplexQpResult {
  const k = f.length;
  const maxIter = opts.maxIter ?? 20000;
  const tol = opts.tol ?? 1e-12;
  const L = Math.max(largestEigen(H, k), 1e-12);
  let w: Float64Array = new Float64Array(k).fill(1 / k);
  let z: Float64Array = Float64Array.from(w);
  let t = 1;
  const g = new Float64Array(k);
  const objective = (x: Float64Array): number => {
    matvec(H, k, x, g);
    let o = 0;
    for (let i = 0; i < k; i++) o += 0.5 * x[i] * g[i] - f[i] * x[i];
    return o;
  };
  let prev = objective(w);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIter; iterations++) {
    matvec(H, k, z, g);
    const step = new Float64Array(k);
    for (let i = 0; i < k; i++) step[i] = z[i] - (g[i] - f[i]) / L;
    const wNext = projectSimplex(step);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    for (let i = 0; i < k; i++) z[i] = wNext[i] + ((t - 1) / tNext) * (wNext[i] - w[i]);
    let change = 0;
    for (let i = 0; i < k; i++) change = Math.max(change, Math.abs(wNext[i] - w[i]));
    w = wNext;
    t = tNext;
    const obj = objective(w);
    // Restart the momentum when the objective rises (O'Donoghue & Candes 2015).
    if (obj > prev) {
      z = Float64Array.from(w);
      t = 1;
    }
    if (change < tol && Math.abs(prev - obj) <= tol * (1 + Math.abs(obj))) {
      converged = true;
      prev = obj;
      iterations++;
      break;
    }
    prev = obj;
  }
  return { w, iterations, converged, objective: prev };
}
