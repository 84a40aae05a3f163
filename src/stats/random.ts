/**
 * The seeded pseudo-random generator every stochastic routine uses: xoshiro128**
 * (Blackman and Vigna), 32-bit so it is exact in JavaScript, seeded through
 * SplitMix32 from a (seed, stream) pair. Streams give independent sequences, so work
 * split across threads can give each unit (e.g. bootstrap replicate i) its own stream
 * and produce the same numbers whatever the split.
 */

/** A seeded generator. */
export interface Rng {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in 0..n-1 (unbiased, by rejection); n between 1 and 2^32. */
  nextInt(n: number): number;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A generator for `seed` (any integer; reduced to 32 bits) and `stream` (a
 * non-negative integer such as a replicate number). Same pair, same sequence.
 */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`random seed must be an integer, got ${seed}`);
  if (!Number.isInteger(stream) || stream < 0) throw new RangeError(`random stream must be a non-negative integer, got ${stream}`);
  const mix = { s: (seed | 0) ^ 0x5f3759df };
  const key = splitmix32(mix) ^ Math.imul(stream + 1, 0x27d4eb2f) ^ Math.floor(stream / 0x100000000);
  const st = { s: key | 0 };
  let a = splitmix32(st), b = splitmix32(st), c = splitmix32(st), d = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => nextUint32() / 4294967296,
    nextInt: (n: number) => {
      if (!(n >= 1 && n <= 4294967296) || !Number.isInteger(n)) throw new RangeError(`nextInt: n must be an integer in 1..2^32, got ${n}`);
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const u = nextUint32();
        if (u < limit) return u % n;
      }
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
