import { describe, expect, it } from "vitest";
import { createRng } from "../../src/stats/random.js";

describe("createRng streams", () => {
  it("a million (seed, stream) pairs (seeds 1-1000 x replicates 0-999) start a million different sequences", () => {
    // The 32-bit key of 0.1.0 gave 999,894: 106 pairs shared their sequence (birthday bound ~116).
    const seen = new Set<bigint>();
    for (let seed = 1; seed <= 1000; seed++) {
      for (let stream = 0; stream < 1000; stream++) {
        const g = createRng(seed, stream);
        seen.add((BigInt(g.nextUint32()) << 32n) | BigInt(g.nextUint32()));
      }
    }
    expect(seen.size).toBe(1_000_000);
  });

  it("streams above 2^32 differ from the stream of their low word", () => {
    const a = createRng(5, 7), b = createRng(5, 7 + 2 ** 32);
    expect([a.nextUint32(), a.nextUint32()]).not.toEqual([b.nextUint32(), b.nextUint32()]);
  });

  it("is uniform enough: mean of 100000 draws near 1/2 for a far stream", () => {
    const g = createRng(123, 2 ** 40 + 17);
    let s = 0;
    for (let i = 0; i < 100000; i++) s += g.next();
    expect(Math.abs(s / 100000 - 0.5)).toBeLessThan(0.005);
  });
});
