/** Shared sandwich arithmetic: bread * meat * bread, and cluster sums of scores. */
import { createMatrix, crossprod, multiply, type Matrix } from "../linalg/matrix.js";

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

/** Sum score rows within clusters: a G x p matrix (sandwich's rowsum step). */
export function clusterSums(scores: Matrix, ids: Int32Array, nLevels: number): Matrix {
  const p = scores.cols;
  const out = createMatrix(nLevels, p);
  const od = out.data, sd = scores.data;
  for (let i = 0; i < scores.rows; i++) {
    const g = ids[i] * p;
    const off = i * p;
    for (let j = 0; j < p; j++) od[g + j] += sd[off + j];
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
