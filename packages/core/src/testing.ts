// Helpers for tests of budgeted code (`@odot/core/testing`): a deterministic clock and the inputs
// limit tests build. Every package's budget tests use these; they depend on nothing but core.

/**
 * Runs `f` with a clock that advances 1 ms at every read of `Date.now` (what `Budget` reads): a
 * time budget of T ms allows T reads whatever the machine's speed, so budget tests are
 * deterministic. The real clock is restored afterwards, also when `f` throws.
 */
export function withTickingClock<T>(f: () => T): T {
  const real = Date.now;
  let now = real();
  Date.now = () => (now += 1);
  try {
    return f();
  } finally {
    Date.now = real;
  }
}

/**
 * Runs `f` with a `Date.now` that runs `slowdown` times slower than the real clock: every time
 * limit inside is in effect `slowdown` times longer, and still ends. For tests whose result must
 * not depend on how busy the machine is (a property test of searches that also have step and node
 * limits): a limit met only on a loaded machine no longer decides the outcome.
 */
export function withSlowClock<T>(f: () => T, slowdown = 10): T {
  const real = Date.now;
  const start = real();
  Date.now = () => start + Math.floor((real() - start) / slowdown);
  try {
    return f();
  } finally {
    Date.now = real;
  }
}

/** `f` under the ticking clock, with the milliseconds (clock reads) it took. */
export function timed<T>(f: () => T): { value: T; elapsed: number } {
  return withTickingClock(() => {
    const start = Date.now();
    const value = f();
    return { value, elapsed: Date.now() - start - 1 };
  });
}

/** How many times `f` reads the clock (run under the ticking clock). */
export function clockReads(f: () => unknown): number {
  return timed(f).elapsed;
}

/** The largest time a call with budget `b` may take: 10% over (issue contract: "stops within 10%"). */
export function within(b: number): number {
  return Math.floor(1.1 * b);
}

/** `n` terms joined by a binary operator: `chain(3, (i) => `A${i}`, '⊙')` is `A0 ⊙ A1 ⊙ A2`. */
export function chain(n: number, term: (i: number) => string, op: string): string {
  return Array.from({ length: n }, (_, i) => term(i)).join(` ${op} `);
}
