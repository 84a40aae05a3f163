/**
 * Weighted cross-products on a row-major n x p design, the inner loops of IRLS and of
 * the sandwich meats: X' diag(w) X and X' diag(w) z.
 *
 * The sums are taken in 3 x 3 tiles whose running totals live in local variables for
 * one pass over the rows. V8 keeps locals in registers, so this is several times faster
 * than adding into the output array row by row, and it reads each row once per tile.
 * Full tiles have their own loops without per-row branches; tiles on the edge of a p
 * that is not a multiple of 3 take the general one. Every entry still adds the products
 * (x_ia w_i) x_ib in row order, exactly as the plain loop does, so results are the same
 * to the last bit.
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
  const ww = w ?? constantRows(n, 1);
  const withZ = z !== undefined && rhs !== undefined;
  const zz = withZ ? z : constantRows(n, 0);
  const rr = withZ ? rhs : new Float64Array(p);
  for (let a = 0; a < p; a += 3) {
    const na = Math.min(3, p - a);
    for (let b = a; b < p; b += 3) {
      const nb = Math.min(3, p - b);
      if (na < 3 || nb < 3) edgeTile(x, n, p, ww, a, na, b, nb, out, zz, rr);
      else if (a === b) diagonalTile(x, n, p, ww, a, out, zz, rr);
      else offDiagonalTile(x, n, p, ww, a, b, out);
    }
  }
  for (let a = 1; a < p; a++) for (let b = 0; b < a; b++) out[a * p + b] = out[b * p + a];
}

const constants = new Map<number, Float64Array>();

/** A read-only vector of n copies of `value` (all weights 1, no z), kept between calls. */
function constantRows(n: number, value: 0 | 1): Float64Array {
  let v = constants.get(value);
  if (v === undefined || v.length < n) {
    v = new Float64Array(Math.max(n, 2 * (v?.length ?? 0))).fill(value);
    constants.set(value, v);
  }
  return v;
}

/** The upper triangle of the 3 x 3 block at (a0, a0), and rhs[a0..a0+2]. */
function diagonalTile(x: Float64Array, n: number, p: number, w: Float64Array, a0: number, out: Float64Array, z: Float64Array, rhs: Float64Array): void {
  let s00 = 0, s01 = 0, s02 = 0, s11 = 0, s12 = 0, s22 = 0;
  let r0 = 0, r1 = 0, r2 = 0;
  for (let i = 0, o = a0; i < n; i++, o += p) {
    const wi = w[i], zi = z[i];
    const x0 = x[o], x1 = x[o + 1], x2 = x[o + 2];
    const u0 = x0 * wi, u1 = x1 * wi, u2 = x2 * wi;
    s00 += u0 * x0;
    s01 += u0 * x1;
    s02 += u0 * x2;
    s11 += u1 * x1;
    s12 += u1 * x2;
    s22 += u2 * x2;
    r0 += u0 * zi;
    r1 += u1 * zi;
    r2 += u2 * zi;
  }
  const d = a0 * p + a0;
  out[d] = s00;
  out[d + 1] = s01;
  out[d + 2] = s02;
  out[d + p + 1] = s11;
  out[d + p + 2] = s12;
  out[d + 2 * p + 2] = s22;
  rhs[a0] = r0;
  rhs[a0 + 1] = r1;
  rhs[a0 + 2] = r2;
}

/** The 3 x 3 block at rows a0.., columns b0.. (b0 > a0). */
function offDiagonalTile(x: Float64Array, n: number, p: number, w: Float64Array, a0: number, b0: number, out: Float64Array): void {
  let s00 = 0, s01 = 0, s02 = 0, s10 = 0, s11 = 0, s12 = 0, s20 = 0, s21 = 0, s22 = 0;
  for (let i = 0, o = 0; i < n; i++, o += p) {
    const wi = w[i];
    const u0 = x[o + a0] * wi, u1 = x[o + a0 + 1] * wi, u2 = x[o + a0 + 2] * wi;
    const v0 = x[o + b0], v1 = x[o + b0 + 1], v2 = x[o + b0 + 2];
    s00 += u0 * v0;
    s01 += u0 * v1;
    s02 += u0 * v2;
    s10 += u1 * v0;
    s11 += u1 * v1;
    s12 += u1 * v2;
    s20 += u2 * v0;
    s21 += u2 * v1;
    s22 += u2 * v2;
  }
  const d = a0 * p + b0;
  out[d] = s00;
  out[d + 1] = s01;
  out[d + 2] = s02;
  out[d + p] = s10;
  out[d + p + 1] = s11;
  out[d + p + 2] = s12;
  out[d + 2 * p] = s20;
  out[d + 2 * p + 1] = s21;
  out[d + 2 * p + 2] = s22;
}

/**
 * Rows a0..a0+na-1 by columns b0..b0+nb-1 (na, nb <= 3) for blocks on the edge of a p that
 * is not a multiple of 3: a full row block against the last one or two columns, or the
 * last one or two columns against themselves (then also rhs). Each shape has its own loop,
 * so no row pays for branches or unused sums.
 */
function edgeTile(
  x: Float64Array,
  n: number,
  p: number,
  w: Float64Array,
  a0: number,
  na: number,
  b0: number,
  nb: number,
  out: Float64Array,
  z: Float64Array,
  rhs: Float64Array,
): void {
  if (a0 !== b0) {
    // na === 3, nb is 1 or 2.
    let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0;
    if (nb === 1) {
      for (let i = 0, o = 0; i < n; i++, o += p) {
        const wi = w[i], v0 = x[o + b0];
        s00 += x[o + a0] * wi * v0;
        s10 += x[o + a0 + 1] * wi * v0;
        s20 += x[o + a0 + 2] * wi * v0;
      }
    } else {
      for (let i = 0, o = 0; i < n; i++, o += p) {
        const wi = w[i];
        const u0 = x[o + a0] * wi, u1 = x[o + a0 + 1] * wi, u2 = x[o + a0 + 2] * wi;
        const v0 = x[o + b0], v1 = x[o + b0 + 1];
        s00 += u0 * v0;
        s01 += u0 * v1;
        s10 += u1 * v0;
        s11 += u1 * v1;
        s20 += u2 * v0;
        s21 += u2 * v1;
      }
    }
    const d = a0 * p + b0;
    out[d] = s00;
    out[d + p] = s10;
    out[d + 2 * p] = s20;
    if (nb === 2) {
      out[d + 1] = s01;
      out[d + p + 1] = s11;
      out[d + 2 * p + 1] = s21;
    }
    return;
  }
  const d = a0 * p + a0;
  if (na === 1) {
    let s00 = 0, r0 = 0;
    for (let i = 0, o = a0; i < n; i++, o += p) {
      const u0 = x[o] * w[i];
      s00 += u0 * x[o];
      r0 += u0 * z[i];
    }
    out[d] = s00;
    rhs[a0] = r0;
    return;
  }
  let s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
  for (let i = 0, o = a0; i < n; i++, o += p) {
    const wi = w[i], zi = z[i];
    const x0 = x[o], x1 = x[o + 1];
    const u0 = x0 * wi, u1 = x1 * wi;
    s00 += u0 * x0;
    s01 += u0 * x1;
    s11 += u1 * x1;
    r0 += u0 * zi;
    r1 += u1 * zi;
  }
  out[d] = s00;
  out[d + 1] = s01;
  out[d + p + 1] = s11;
  rhs[a0] = r0;
  rhs[a0 + 1] = r1;
}
