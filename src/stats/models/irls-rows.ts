/**
 * The per-row passes of binomial IRLS (src/stats/models/glm.ts), on typed arrays:
 * working weights and responses from (eta, mu), and eta = X b, mu and the deviance
 * from new coefficients. Logit with a 0/1 outcome and no prior weights (the common
 * case) has an inlined path; every other case goes through the link and family functions.
 */
import { binomialDevResid, type Link } from "../families.js";
import type { ColumnLayout } from "../linalg/crossprod-kernel.js";

const EPS = 2.220446049250313e-16;

/** The outcome and weights one fit works on. */
export interface BinomialData {
  readonly y: Float64Array;
  /** Prior weights, undefined for all 1. */
  readonly prior: Float64Array | undefined;
  readonly link: Link;
  /** A 0/1 outcome and no prior weights. */
  readonly binary: boolean;
  /** Logit link, 0/1 outcome and no prior weights: the inlined fast path applies. */
  readonly plainLogit: boolean;
}

/**
 * Working weights w and working responses z for one IRLS step, as R's glm.fit:
 * z = eta + (y - mu) / mu.eta, w = prior * mu.eta^2 / variance. Rows that carry
 * no information (zero weight, mu.eta or variance) get w = z = 0.
 */
export function workingWeights(d: BinomialData, eta: Float64Array, mu: Float64Array, w: Float64Array, z: Float64Array): void {
  const { y, prior, link } = d;
  const isLogit = link.name === "logit";
  for (let i = 0; i < y.length; i++) {
    const e = eta[i], m = mu[i];
    const v = m * (1 - m);
    // R's C_logit_mu_eta: mu (1 - mu) written through exp(eta), clamped at |eta| > 30.
    const me = isLogit ? (e > 30 || e < -30 ? EPS : v) : link.mueta(e);
    const wi = prior === undefined ? 1 : prior[i];
    if (me === 0 || wi === 0 || v === 0) {
      w[i] = 0;
      z[i] = 0;
      continue;
    }
    z[i] = e + (y[i] - m) / me;
    w[i] = (wi * me * me) / v;
  }
}

/**
 * eta = X b for row-major X (n x p), four columns per pass with their coefficients in
 * locals (V8 keeps them in registers), and three or fewer in the last pass; each eta_i still
 * sums x_ij b_j in column order, one term after another, so the grouping into passes does not
 * change a bit.
 */
export function linearPredictor(x: Float64Array, n: number, p: number, b: Float64Array, eta: Float64Array): void {
  for (let j = 0; j < p; j += 4) {
    const left = p - j;
    const b0 = b[j];
    if (left >= 4) {
      const b1 = b[j + 1], b2 = b[j + 2], b3 = b[j + 3];
      if (j === 0) for (let i = 0, o = 0; i < n; i++, o += p) eta[i] = x[o] * b0 + x[o + 1] * b1 + x[o + 2] * b2 + x[o + 3] * b3;
      else for (let i = 0, o = j; i < n; i++, o += p) eta[i] = eta[i] + x[o] * b0 + x[o + 1] * b1 + x[o + 2] * b2 + x[o + 3] * b3;
    } else if (left === 3) {
      const b1 = b[j + 1], b2 = b[j + 2];
      if (j === 0) for (let i = 0, o = 0; i < n; i++, o += p) eta[i] = x[o] * b0 + x[o + 1] * b1 + x[o + 2] * b2;
      else for (let i = 0, o = j; i < n; i++, o += p) eta[i] = eta[i] + x[o] * b0 + x[o + 1] * b1 + x[o + 2] * b2;
    } else if (left === 2) {
      // One or two columns left: their own loops (a loop over k here cost as much as the rest).
      const b1 = b[j + 1];
      if (j === 0) for (let i = 0, o = 0; i < n; i++, o += p) eta[i] = 0 + x[o] * b0 + x[o + 1] * b1;
      else for (let i = 0, o = j; i < n; i++, o += p) eta[i] = eta[i] + x[o] * b0 + x[o + 1] * b1;
    } else if (j === 0) for (let i = 0, o = 0; i < n; i++, o += p) eta[i] = 0 + x[o] * b0;
    else for (let i = 0, o = j; i < n; i++, o += p) eta[i] = eta[i] + x[o] * b0;
  }
}

/**
 * eta = X b from a design's layout (../linalg/crossprod-kernel.ts): the dense columns by
 * {@link linearPredictor}, then each dummy's coefficient added to its own rows only (a year
 * effect costs one addition per row instead of a product per row and column). The sum is
 * the same up to rounding: the dummies' terms come after the dense ones.
 */
export function layoutLinearPredictor(l: ColumnLayout, b: Float64Array, eta: Float64Array): void {
  const nd = l.dense.length;
  if (nd > 0) {
    const bd = new Float64Array(nd);
    for (let k = 0; k < nd; k++) bd[k] = b[l.dense[k]];
    linearPredictor(l.xDense, l.n, nd, bd, eta);
  } else {
    eta.fill(0);
  }
  for (const { col, rows } of l.dummies) {
    const bj = b[col];
    for (let t = 0; t < rows.length; t++) eta[rows[t]] += bj;
  }
}

// exp(x) for |x| <= 30 (see expLogit).
const LN2_32_HI = 6.93147180369123816490e-01 / 32, LN2_32_LO = 1.90821492927058770002e-10 / 32, INV_LN2_32 = 32 * 1.44269504088896338700e+00;
const TWO_J32 = Float64Array.from({ length: 32 }, (_, j) => Math.pow(2, j / 32));
const TWO_M = Float64Array.from({ length: 97 }, (_, m) => Math.pow(2, m - 48));

/**
 * exp(x) for |x| <= 30, the range R's logit link exponentiates before it clamps, in plain
 * arithmetic that V8 inlines into the row loop (Math.exp is a call out of it): about twice as
 * fast there, and within 2 units in the last place of Math.exp (tested over a dense grid).
 * x = (32 m + j) ln2/32 + r with |r| <= ln2/64, so exp(x) = 2^m 2^(j/32) exp(r); ln2/32 is split
 * in two (fdlibm's ln2_hi, whose low bits are zero, so k ln2_hi/32 is exact) and exp(r) is its
 * Taylor polynomial of degree 6 (truncation error below 4e-18 relative).
 */
export function expLogit(x: number): number {
  const k = Math.round(x * INV_LN2_32);
  const r = x - k * LN2_32_HI - k * LN2_32_LO;
  const j = k & 31;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  return TWO_J32[j] * p * TWO_M[((k - j) >> 5) + 48];
}

/**
 * mu = linkinv(eta), the binomial deviance (the sum of R's binomial_dev_resids, returned),
 * and the working weights and responses for the next IRLS step at these (eta, mu).
 */
export function meanAndDeviance(d: BinomialData, eta: Float64Array, mu: Float64Array, w: Float64Array, z: Float64Array): number {
  const { y, prior, link } = d;
  const n = y.length;
  if (!d.plainLogit) {
    let dev = 0;
    for (let i = 0; i < n; i++) {
      const m = link.linkinv(eta[i]);
      mu[i] = m;
      dev += binomialDevResid(y[i], m, prior === undefined ? 1 : prior[i]);
    }
    workingWeights(d, eta, mu, w, z);
    return dev;
  }
  // For y in {0, 1} the unit deviance is 2 log(1 / mu) or 2 log(1 / (1 - mu)); their sum is
  // taken as -2 log of products over blocks of rows, one log per block instead of per row.
  let dev = 0;
  let prod = 1;
  for (let i = 0; i < n; i++) {
    const e = eta[i];
    const clamped = e < -30 || e > 30;
    // R's C_logit_linkinv and C_logit_mu_eta.
    const t = e < -30 ? EPS : e > 30 ? 4503599627370496 : expLogit(e);
    const m = t / (1 + t);
    mu[i] = m;
    const yi = y[i];
    prod *= yi === 1 ? m : 1 - m;
    // Blocks of 16 rows: every factor is >= 1.1e-16 (mu is clamped as R clamps it), so 16
    // of them cannot underflow. A literal mask keeps the block test a bit test.
    if ((i & 15) === 15) {
      dev -= 2 * Math.log(prod);
      prod = 1;
    }
    // Working weights as workingWeights computes them for the logit, where mu.eta equals
    // the variance mu (1 - mu) unless clamped, so w = mu.eta^2 / variance is the variance.
    const v = m * (1 - m);
    if (v === 0) {
      w[i] = 0;
      z[i] = 0;
    } else if (clamped) {
      z[i] = e + (yi - m) / EPS;
      w[i] = (EPS * EPS) / v;
    } else {
      z[i] = e + (yi - m) / v;
      w[i] = v;
    }
  }
  return dev - 2 * Math.log(prod);
}

/**
 * Start values as R's binomial()$initialize (mu = (prior y + 0.5) / (prior + 1), eta =
 * linkfun(mu)) with their working weights and responses; returns the start deviance.
 */
export function startValues(d: BinomialData, eta: Float64Array, mu: Float64Array, w: Float64Array, z: Float64Array): number {
  const { y, prior, link } = d;
  if (!d.binary) {
    let dev = 0;
    for (let i = 0; i < y.length; i++) {
      const wi = prior === undefined ? 1 : prior[i];
      const m = (wi * y[i] + 0.5) / (wi + 1);
      mu[i] = m;
      eta[i] = link.linkfun(m);
      dev += binomialDevResid(y[i], m, wi);
    }
    workingWeights(d, eta, mu, w, z);
    return dev;
  }
  // A 0/1 outcome without prior weights has only two kinds of start row: work out
  // y = 0 and y = 1 once by the general path, then copy.
  const two: BinomialData = { ...d, y: Float64Array.of(0, 1), binary: false };
  const e2 = new Float64Array(2), m2 = new Float64Array(2), w2 = new Float64Array(2), z2 = new Float64Array(2);
  startValues(two, e2, m2, w2, z2);
  const dev2 = [binomialDevResid(0, m2[0]), binomialDevResid(1, m2[1])];
  let dev = 0;
  for (let i = 0; i < y.length; i++) {
    const k = y[i] === 1 ? 1 : 0;
    eta[i] = e2[k];
    mu[i] = m2[k];
    w[i] = w2[k];
    z[i] = z2[k];
    dev += dev2[k];
  }
  return dev;
}
