/**
 * The seeded pseudo-random generator every stochastic routine uses: xoshiro128**
 * (Blackman and Vigna), 32-bit so it is exact in JavaScript, seeded through
 * an invertible mix of a (seed, stream) pair. Streams give independent sequences, so work
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

/** SplitMix32's finalizer: a bijection of 32-bit integers with full avalanche. */
function fmix(x: number): number {
  let z = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/**
 * A generator for `seed` (any integer; reduced to 32 bits) and `stream` (a non-negative
 * integer below 2^53 such as a replicate number). Same pair, same sequence.
 *
 * The 128-bit state is built from the 96 bits (seed, stream low word, stream high word)
 * by an invertible mix (each round adds to one word a function of the other three), so
 * two different (seed, stream) pairs always start from different states: no pair of
 * streams can share a sequence, whatever the seeds. (Until 0.1.0 the state came from a
 * 32-bit key, so e.g. seed a stream i and seed b stream j could coincide.)
 */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`random seed must be an integer, got ${seed}`);
  if (!Number.isInteger(stream) || stream < 0 || stream > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`random stream must be a non-negative integer, got ${stream}`);
  }
  let a = fmix((seed | 0) ^ 0x5f3759df);
  let b = fmix((stream >>> 0) ^ 0x27d4eb2f);
  let c = fmix(Math.floor(stream / 0x100000000) ^ 0x165667b1);
  let d = 0x9e3779b9 | 0;
  for (let r = 0; r < 4; r++) {
    a = (a + fmix(b ^ rotl(c, 11) ^ rotl(d, 22) ^ r)) | 0;
    b = (b + fmix(c ^ rotl(d, 11) ^ rotl(a, 22))) | 0;
    c = (c + fmix(d ^ rotl(a, 11) ^ rotl(b, 22))) | 0;
    d = (d + fmix(a ^ rotl(b, 11) ^ rotl(c, 22))) | 0;
  }
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
