/**
 * Weighted cross-products on a row-major n x p design, the inner loops of IRLS and of
 * the sandwich meats: X' diag(w) X and X' diag(w) z.
 *
 * The sums are taken in 3 x 3 (or 3-wide) tiles whose running totals live in local
 * variables for one pass over the rows. V8 keeps locals in registers, so this is several
 * times faster than adding into the output array row by row, and it reads each row
 * once per tile. Every entry still adds the products (x_ia w_i) x_ib in row order,
 * exactly as the plain loop does, so results are the same to the last bit.
 */

/**
 * out (p x p, row-major, symmetric) = X' diag(w) X for row-major X (n x p); w undefined
 * means all weights 1. With z and rhs given, also rhs (length p) = X' diag(w) z, summed
 * in the same passes over the rows.
 */
export function weightedCrossprod(
  x: Float64Array,
  n: number,
  p: number,
  w: Float64Array | undefined,
  out: Float64Array,
  z?: Float64Array,
  rhs?: Float64Array,
): void {
  for (let a = 0; a < p; a += 3) {
    const na = Math.min(3, p - a);
    for (let b = a; b < p; b += 3) {
      const withZ = b === a && z !== undefined && rhs !== undefined;
      crossprodTile(x, n, p, w, a, na, b, Math.min(3, p - b), out, withZ ? z : undefined, withZ ? rhs : undefined);
    }
  }
  for (let a = 1; a < p; a++) for (let b = 0; b < a; b++) out[a * p + b] = out[b * p + a];
}

/**
 * Rows a0..a0+na-1 by columns b0..b0+nb-1 of X' diag(w) X (na, nb <= 3), written into out;
 * with z, also rows a0..a0+na-1 of X' diag(w) z into rhs.
 */
function crossprodTile(
  x: Float64Array,
  n: number,
  p: number,
  w: Float64Array | undefined,
  a0: number,
  na: number,
  b0: number,
  nb: number,
  out: Float64Array,
  z: Float64Array | undefined,
  rhs: Float64Array | undefined,
): void {
  let s00 = 0, s01 = 0, s02 = 0, s10 = 0, s11 = 0, s12 = 0, s20 = 0, s21 = 0, s22 = 0;
  let r0 = 0, r1 = 0, r2 = 0;
  for (let i = 0, o = 0; i < n; i++, o += p) {
    const wi = w === undefined ? 1 : w[i];
    const u0 = x[o + a0] * wi;
    const u1 = na > 1 ? x[o + a0 + 1] * wi : 0;
    const u2 = na > 2 ? x[o + a0 + 2] * wi : 0;
    const v0 = x[o + b0];
    const v1 = nb > 1 ? x[o + b0 + 1] : 0;
    const v2 = nb > 2 ? x[o + b0 + 2] : 0;
    s00 += u0 * v0;
    s01 += u0 * v1;
    s02 += u0 * v2;
    s10 += u1 * v0;
    s11 += u1 * v1;
    s12 += u1 * v2;
    s20 += u2 * v0;
    s21 += u2 * v1;
    s22 += u2 * v2;
    if (z !== undefined) {
      const zi = z[i];
      r0 += u0 * zi;
      r1 += u1 * zi;
      r2 += u2 * zi;
    }
  }
  if (rhs !== undefined) {
    rhs[a0] = r0;
    if (na > 1) rhs[a0 + 1] = r1;
    if (na > 2) rhs[a0 + 2] = r2;
  }
  const sums = [s00, s01, s02, s10, s11, s12, s20, s21, s22];
  for (let r = 0; r < na; r++) {
    // Only the upper triangle is kept; weightedCrossprod mirrors it.
    for (let c = 0; c < nb; c++) if (b0 + c >= a0 + r) out[(a0 + r) * p + b0 + c] = sums[r * 3 + c];
  }
}
