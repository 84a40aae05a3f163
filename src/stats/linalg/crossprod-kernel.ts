/**
 * Weighted cross-products on a row-major n x p design, the inner loops of IRLS and of
 * the sandwich meats: X' diag(w) X and X' diag(w) z.
 *
 * The sums are taken in tiles of blocks of 3 or 4 columns (see blockStarts) whose running
 * totals live in local variables for one pass over the rows. V8 keeps locals in registers,
 * so this is several times faster than adding into the output array row by row, and it
 * reads each row once per tile. Each tile shape has its own loop without per-row branches. Every entry still adds the products
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
  const starts = blockStarts(p);
  for (let s = 0; s + 1 < starts.length; s++) {
    const a = starts[s], na = starts[s + 1] - a;
    for (let t = s; t + 1 < starts.length; t++) {
      const b = starts[t], nb = starts[t + 1] - b;
      if (a === b) {
        if (na === 3) diagonalTile(x, n, p, ww, a, out, zz, rr);
        else if (na === 4) diagonalTile4(x, n, p, ww, a, out, zz, rr);
        else edgeTile(x, n, p, ww, a, na, b, nb, out, zz, rr);
      } else if (nb === 3) offDiagonalTile(x, n, p, ww, a, b, out);
      else if (nb === 4) offDiagonalTile4(x, n, p, ww, a, na, b, out);
      else edgeTile(x, n, p, ww, a, na, b, nb, out, zz, rr);
    }
  }
  for (let a = 1; a < p; a++) for (let b = 0; b < a; b++) out[a * p + b] = out[b * p + a];
}

/**
 * Where the column blocks of the tiles start (and, last, p): blocks of 3, with the one or two
 * columns left over taken into blocks of 4 (p = 7 as 3 + 4, p = 8 as 4 + 4), so that no pass
 * over the rows sums only one or two columns; p = 1, 2 and 5 keep a block of 1 or 2.
 */
function blockStarts(p: number): number[] {
  const sizes: number[] = [];
  let left = p;
  while (left > 0) {
    if (left === 4 || left === 8) {
      sizes.push(4);
      left -= 4;
    } else if (left >= 3) {
      sizes.push(3);
      left -= 3;
    } else {
      sizes.push(left);
      left = 0;
    }
  }
  const starts = [0];
  for (const s of sizes) starts.push(starts[starts.length - 1] + s);
  return starts;
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

/** The upper triangle of the 4 x 4 block at (a0, a0), and rhs[a0..a0+3]. */
function diagonalTile4(x: Float64Array, n: number, p: number, w: Float64Array, a0: number, out: Float64Array, z: Float64Array, rhs: Float64Array): void {
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s11 = 0, s12 = 0, s13 = 0, s22 = 0, s23 = 0, s33 = 0;
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
  for (let i = 0, o = a0; i < n; i++, o += p) {
    const wi = w[i], zi = z[i];
    const x0 = x[o], x1 = x[o + 1], x2 = x[o + 2], x3 = x[o + 3];
    const u0 = x0 * wi, u1 = x1 * wi, u2 = x2 * wi, u3 = x3 * wi;
    s00 += u0 * x0;
    s01 += u0 * x1;
    s02 += u0 * x2;
    s03 += u0 * x3;
    s11 += u1 * x1;
    s12 += u1 * x2;
    s13 += u1 * x3;
    s22 += u2 * x2;
    s23 += u2 * x3;
    s33 += u3 * x3;
    r0 += u0 * zi;
    r1 += u1 * zi;
    r2 += u2 * zi;
    r3 += u3 * zi;
  }
  const d = a0 * p + a0;
  out[d] = s00;
  out[d + 1] = s01;
  out[d + 2] = s02;
  out[d + 3] = s03;
  out[d + p + 1] = s11;
  out[d + p + 2] = s12;
  out[d + p + 3] = s13;
  out[d + 2 * p + 2] = s22;
  out[d + 2 * p + 3] = s23;
  out[d + 3 * p + 3] = s33;
  rhs[a0] = r0;
  rhs[a0 + 1] = r1;
  rhs[a0 + 2] = r2;
  rhs[a0 + 3] = r3;
}

/** The na x 4 block (na 3 or 4) at rows a0.., columns b0.. (b0 > a0). */
function offDiagonalTile4(x: Float64Array, n: number, p: number, w: Float64Array, a0: number, na: number, b0: number, out: Float64Array): void {
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s20 = 0, s21 = 0, s22 = 0, s23 = 0;
  let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  if (na === 3) {
    for (let i = 0, o = 0; i < n; i++, o += p) {
      const wi = w[i];
      const u0 = x[o + a0] * wi, u1 = x[o + a0 + 1] * wi, u2 = x[o + a0 + 2] * wi;
      const v0 = x[o + b0], v1 = x[o + b0 + 1], v2 = x[o + b0 + 2], v3 = x[o + b0 + 3];
      s00 += u0 * v0;
      s01 += u0 * v1;
      s02 += u0 * v2;
      s03 += u0 * v3;
      s10 += u1 * v0;
      s11 += u1 * v1;
      s12 += u1 * v2;
      s13 += u1 * v3;
      s20 += u2 * v0;
      s21 += u2 * v1;
      s22 += u2 * v2;
      s23 += u2 * v3;
    }
  } else {
    for (let i = 0, o = 0; i < n; i++, o += p) {
      const wi = w[i];
      const u0 = x[o + a0] * wi, u1 = x[o + a0 + 1] * wi, u2 = x[o + a0 + 2] * wi, u3 = x[o + a0 + 3] * wi;
      const v0 = x[o + b0], v1 = x[o + b0 + 1], v2 = x[o + b0 + 2], v3 = x[o + b0 + 3];
      s00 += u0 * v0;
      s01 += u0 * v1;
      s02 += u0 * v2;
      s03 += u0 * v3;
      s10 += u1 * v0;
      s11 += u1 * v1;
      s12 += u1 * v2;
      s13 += u1 * v3;
      s20 += u2 * v0;
      s21 += u2 * v1;
      s22 += u2 * v2;
      s23 += u2 * v3;
      s30 += u3 * v0;
      s31 += u3 * v1;
      s32 += u3 * v2;
      s33 += u3 * v3;
    }
  }
  const d = a0 * p + b0;
  out[d] = s00;
  out[d + 1] = s01;
  out[d + 2] = s02;
  out[d + 3] = s03;
  out[d + p] = s10;
  out[d + p + 1] = s11;
  out[d + p + 2] = s12;
  out[d + p + 3] = s13;
  out[d + 2 * p] = s20;
  out[d + 2 * p + 1] = s21;
  out[d + 2 * p + 2] = s22;
  out[d + 2 * p + 3] = s23;
  if (na === 4) {
    out[d + 3 * p] = s30;
    out[d + 3 * p + 1] = s31;
    out[d + 3 * p + 2] = s32;
    out[d + 3 * p + 3] = s33;
  }
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

/**
 * Where a design's sparse 0/1 columns (dummies, such as year effects) are: their rows with a
 * 1, and the other ("dense") columns packed into their own row-major matrix. Built once per
 * design, it lets {@link layoutCrossprod} skip the products with zeros.
 */
export interface ColumnLayout {
  readonly n: number;
  readonly p: number;
  /** Original indices of the dense columns, ascending. */
  readonly dense: Int32Array;
  /** n x dense.length, row-major. */
  readonly xDense: Float64Array;
  /** The sparse indicator columns: original index and the rows where the value is 1, ascending. */
  readonly dummies: readonly { readonly col: number; readonly rows: Int32Array }[];
  /** Rows where two or more dummies are 1 (none for the levels of one factor), ascending, with those dummies' positions in `dummies`. */
  readonly overlaps: readonly { readonly row: number; readonly dummies: Int32Array }[];
  /** The same pairs flat, in the same order: each pair's row and its cell (upper triangle, row-major) of X'WX. */
  readonly pairRows: Int32Array;
  readonly pairCells: Int32Array;
}

/**
 * The layout of a row-major n x p design, or null when it has fewer than two columns that
 * are 0/1 with at most a quarter of the rows 1 (then there is nothing worth skipping).
 */
export function columnLayout(x: Float64Array, n: number, p: number): ColumnLayout | null {
  const sparse: number[] = [];
  for (let j = 0; j < p; j++) {
    let ones = 0, ok = true;
    for (let i = 0, o = j; i < n; i++, o += p) {
      const v = x[o];
      if (v === 1) ones++;
      else if (v !== 0 || Object.is(v, -0)) {
        ok = false;
        break;
      }
    }
    if (ok && ones <= n / 4) sparse.push(j);
  }
  if (sparse.length < 2) return null;
  const isSparse = new Uint8Array(p);
  for (const j of sparse) isSparse[j] = 1;
  const dense = Int32Array.from({ length: p }, (_, j) => j).filter((j) => isSparse[j] === 0);
  const nd = dense.length;
  const xDense = new Float64Array(n * nd);
  for (let i = 0; i < n; i++) for (let k = 0; k < nd; k++) xDense[i * nd + k] = x[i * p + dense[k]];
  const dummies = sparse.map((col) => {
    const rows: number[] = [];
    for (let i = 0, o = col; i < n; i++, o += p) if (x[o] === 1) rows.push(i);
    return { col, rows: Int32Array.from(rows) };
  });
  const overlaps: { row: number; dummies: Int32Array }[] = [];
  for (let i = 0; i < n; i++) {
    const at: number[] = [];
    sparse.forEach((col, d) => {
      if (x[i * p + col] === 1) at.push(d);
    });
    if (at.length > 1) overlaps.push({ row: i, dummies: Int32Array.from(at) });
  }
  const pairRows: number[] = [], pairCells: number[] = [];
  for (const { row, dummies: at } of overlaps) {
    for (let s = 0; s < at.length; s++) {
      for (let t = s + 1; t < at.length; t++) {
        const c1 = sparse[at[s]], c2 = sparse[at[t]];
        pairRows.push(row);
        pairCells.push(Math.min(c1, c2) * p + Math.max(c1, c2));
      }
    }
  }
  return { n, p, dense, xDense, dummies, overlaps, pairRows: Int32Array.from(pairRows), pairCells: Int32Array.from(pairCells) };
}

/**
 * Designs are read-only once built, and refits (null bootstrap draws, contributors' power
 * simulations) pass the same one again: the layout of a design is worked out once.
 */
const LAYOUTS = new WeakMap<Float64Array, ColumnLayout | null>();

/** The layout of a row-major design (cached per data array; null: no sparse columns worth skipping). */
export function designLayout(X: { readonly rows: number; readonly cols: number; readonly data: Float64Array }): ColumnLayout | null {
  let l = LAYOUTS.get(X.data);
  if (l === undefined) {
    l = columnLayout(X.data, X.rows, X.cols);
    LAYOUTS.set(X.data, l);
  }
  return l;
}

/** The non-zero cells of a row-major design, row by row (compressed sparse rows): row i's are `start[i]` to `start[i + 1]`, columns ascending. */
export interface SparseRows {
  readonly start: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
}

const SPARSE_ROWS = new WeakMap<Float64Array, SparseRows>();

/**
 * The non-zero cells of each row of a row-major design (cached per data array, as designs are
 * read-only once built). Loops that add products with a row's cells can skip its zeros: the
 * skipped products are exact zeros, so the sums are the same.
 */
export function sparseRows(X: { readonly rows: number; readonly cols: number; readonly data: Float64Array }): SparseRows {
  let s = SPARSE_ROWS.get(X.data);
  if (s === undefined) {
    const { rows: n, cols: p, data: x } = X;
    let nnz = 0;
    for (let t = 0; t < n * p; t++) if (x[t] !== 0) nnz++;
    const start = new Int32Array(n + 1), cols = new Int32Array(nnz), vals = new Float64Array(nnz);
    let k = 0;
    for (let i = 0; i < n; i++) {
      start[i] = k;
      for (let a = 0, o = i * p; a < p; a++, o++) {
        if (x[o] !== 0) {
          cols[k] = a;
          vals[k++] = x[o];
        }
      }
    }
    start[n] = k;
    s = { start, cols, vals };
    SPARSE_ROWS.set(X.data, s);
  }
  return s;
}

/**
 * The same X' diag(w) X (and X' diag(w) z) as {@link weightedCrossprod}, to the last bit, from a
 * layout: the dense block by the tiles, and every entry with a dummy as a sum over that dummy's
 * rows only. The skipped products are exact zeros and the kept ones are the same products
 * (1 * w_i * x_ic = x_ic * w_i * 1), added in the same row order.
 */
export function layoutCrossprod(l: ColumnLayout, w: Float64Array | undefined, out: Float64Array, z?: Float64Array, rhs?: Float64Array): void {
  const { n, p, dense, xDense, dummies } = l;
  const nd = dense.length;
  const ww = w ?? constantRows(n, 1);
  const withZ = z !== undefined && rhs !== undefined;
  const block = new Float64Array(nd * nd);
  const rd = new Float64Array(nd);
  if (nd > 0) weightedCrossprod(xDense, n, nd, w, block, z, withZ ? rd : undefined);
  for (let a = 0; a < nd; a++) {
    for (let b = a; b < nd; b++) out[dense[a] * p + dense[b]] = block[a * nd + b];
    if (withZ) rhs[dense[a]] = rd[a];
  }
  const sums = new Float64Array(nd);
  for (let d = 0; d < dummies.length; d++) {
    const { col, rows } = dummies[d];
    let diag = 0, rz = 0;
    // The dense columns four at a time, their running sums in locals (as the tiles do); the
    // first pass also sums w and w z over the dummy's rows.
    for (let k = 0; k < Math.max(nd, 1); k += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      const m = nd - k;
      for (let t = 0; t < rows.length; t++) {
        const i = rows[t], wi = ww[i], o = i * nd + k;
        if (k === 0) {
          diag += wi;
          if (withZ) rz += wi * z[i];
        }
        if (m > 0) s0 += wi * xDense[o];
        if (m > 1) s1 += wi * xDense[o + 1];
        if (m > 2) s2 += wi * xDense[o + 2];
        if (m > 3) s3 += wi * xDense[o + 3];
      }
      if (m <= 0) break;
      sums[k] = s0;
      if (m > 1) sums[k + 1] = s1;
      if (m > 2) sums[k + 2] = s2;
      if (m > 3) sums[k + 3] = s3;
    }
    out[col * p + col] = diag;
    if (withZ) rhs[col] = rz;
    for (let k = 0; k < nd; k++) {
      const c = dense[k];
      out[Math.min(c, col) * p + Math.max(c, col)] = sums[k];
    }
    for (let e = d + 1; e < dummies.length; e++) out[Math.min(col, dummies[e].col) * p + Math.max(col, dummies[e].col)] = 0;
  }
  // Pairs of dummies: w_i summed over the rows where both are 1, in row order.
  const { pairRows, pairCells } = l;
  for (let q = 0; q < pairRows.length; q++) out[pairCells[q]] += ww[pairRows[q]];
  for (let a = 1; a < p; a++) for (let b = 0; b < a; b++) out[a * p + b] = out[b * p + a];
}
