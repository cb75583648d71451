/**
 * A seeded pseudo-random generator (mulberry32: 32-bit state, period 2³², passes the usual
 * statistical batteries for this use). Deterministic: the same seed gives the same sequence on
 * every platform. Not for cryptography.
 */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1). */
  next(): number;
  /** A uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  /** A uniform bigint in [0, bound) (rejection sampling, exact). */
  bigintBelow(bound: bigint): bigint;
  /** A standard normal double (Box–Muller). */
  normal(): number;
}

/** A mulberry32 generator from a seed (any number; only its low 32 bits matter). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return rngFromUint32(() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  });
}

/**
 * The one `Rng` over any source of uniform 32-bit unsigned integers: `next()` is
 * `nextUint32() / 2³²` and `int`, `bigintBelow`, `normal` are built on it. The grader's sfc32
 * streams (`rngFor`) and `createRng` share it.
 */
export function rngFromUint32(nextUint32: () => number): Rng {
  const next = (): number => nextUint32() / 4294967296;
  return {
    nextUint32,
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    bigintBelow: (bound) => {
      if (bound <= 0n) throw new RangeError('bigintBelow needs a positive bound');
      const bits = bound.toString(2).length;
      const words = Math.ceil(bits / 32);
      const mask = (1n << BigInt(bits)) - 1n;
      for (;;) {
        let x = 0n;
        for (let w = 0; w < words; w++) x = (x << 32n) | BigInt(nextUint32());
        x &= mask;
        if (x < bound) return x;
      }
    },
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
