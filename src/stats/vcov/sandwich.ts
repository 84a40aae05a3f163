/** Shared sandwich arithmetic: bread * meat * bread, and cluster sums of scores. */
import { createMatrix, crossprod, multiply, type Matrix } from "../linalg/matrix.js";
import { designLayout } from "../linalg/crossprod-kernel.js";

/** bread * meat * bread (all p x p), symmetrised. */
export function sandwich(bread: Matrix, meat: Matrix): Matrix {
  const v = multiply(multiply(bread, meat), bread);
  const p = v.rows;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      const s = 0.5 * (v.data[i * p + j] + v.data[j * p + i]);
      v.data[i * p + j] = s;
      v.data[j * p + i] = s;
    }
  }
  return v;
}

/**
 * Sum score rows within clusters: a G x p matrix (sandwich's rowsum step). Runs of rows in
 * the same cluster (a panel sorted by country has long ones) are summed three columns at a
 * time in locals, starting from the cluster's running total, so each total adds its rows
 * in row order as a plain loop would, without a store and reload per row.
 */
export function clusterSums(scores: Matrix, ids: Int32Array, nLevels: number): Matrix {
  const n = scores.rows, p = scores.cols;
  const out = createMatrix(nLevels, p);
  const od = out.data, sd = scores.data;
  for (let j = 0; j < p; j += 3) {
    const nb = Math.min(3, p - j);
    let i = 0;
    while (i < n) {
      const id = ids[i];
      const g = id * p + j;
      let s0 = od[g], s1 = nb > 1 ? od[g + 1] : 0, s2 = nb > 2 ? od[g + 2] : 0;
      for (; i < n && ids[i] === id; i++) {
        const o = i * p + j;
        s0 += sd[o];
        if (nb > 1) s1 += sd[o + 1];
        if (nb > 2) s2 += sd[o + 2];
      }
      od[g] = s0;
      if (nb > 1) od[g + 1] = s1;
      if (nb > 2) od[g + 2] = s2;
    }
  }
  return out;
}

/**
 * The same G x p cluster sums as {@link clusterSums} when score row i is X's row i times
 * scale_i, without forming the scores: each entry adds the products x_ij * scale_i of its
 * cluster's rows in row order, as clusterSums does, and a dummy column (year effects) adds
 * scale_i over its own rows only (1 * scale_i is exactly scale_i; the skipped terms are zeros).
 */
export function clusterSumsScaled(X: Matrix, scale: Float64Array, ids: Int32Array, nLevels: number): Matrix {
  const n = X.rows, p = X.cols;
  const out = createMatrix(nLevels, p);
  const od = out.data;
  const l = designLayout(X);
  const cols = l === null ? null : l.dense;
  const x = l === null ? X.data : l.xDense;
  const nd = cols === null ? p : cols.length;
  for (let i = 0; i < n; i++) {
    const si = scale[i], g = ids[i] * p, o = i * nd;
    if (cols === null) for (let k = 0; k < nd; k++) od[g + k] += x[o + k] * si;
    else for (let k = 0; k < nd; k++) od[g + cols[k]] += x[o + k] * si;
  }
  if (l !== null) {
    for (const { col, rows } of l.dummies) {
      for (let t = 0; t < rows.length; t++) od[ids[rows[t]] * p + col] += scale[rows[t]];
    }
  }
  return out;
}

/** S' S for the per-observation scores scaled by `scale[i]` (or unscaled). */
export function meatFromScores(scores: Matrix, scale?: Float64Array): Matrix {
  return crossprod(scores, scale);
}

/** Multiply a matrix in place by a scalar and return it. */
export function scaleInPlace(m: Matrix, s: number): Matrix {
  for (let i = 0; i < m.data.length; i++) m.data[i] *= s;
  return m;
}
