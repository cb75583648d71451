// Timing helpers shared by the benchmark areas: medians, and interleaved runs of odot against a peer.

/** The median of a list of timings (the list is left as it is). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Limits for `compare`: a warm-up of both functions for `warmupMs` (at least 2 rounds), then at
 * least `minRounds` measured rounds, then more while within `budgetMs`, at most `maxRounds`.
 */
export interface CompareOptions {
  readonly budgetMs?: number;
  readonly minRounds?: number;
  readonly maxRounds?: number;
  readonly warmupMs?: number;
}

/**
 * Median milliseconds per call of `ours` and `peer`, measured interleaved (ours, peer, ours, …)
 * after a warm-up of both alike, so a busy machine slows both alike. The warm-up is timed, not a
 * count of calls: a function called for the first time (the built package after the sources, a
 * new workload) runs unoptimized for its first few hundred calls, and a count small enough for the
 * largest inputs left a small input measured cold against a peer already warm.
 */
export function compare(
  ours: () => unknown,
  peer: () => unknown,
  { budgetMs = 1500, minRounds = 5, maxRounds = 300, warmupMs = 250 }: CompareOptions = {},
): { odotMs: number; peerMs: number } {
  const warm = performance.now();
  for (let i = 0; i < 2 || performance.now() - warm < warmupMs; i++) {
    ours();
    peer();
  }
  const a: number[] = [];
  const b: number[] = [];
  const start = performance.now();
  while (a.length < minRounds || (performance.now() - start < budgetMs && a.length < maxRounds)) {
    let t0 = performance.now();
    ours();
    a.push(performance.now() - t0);
    t0 = performance.now();
    peer();
    b.push(performance.now() - t0);
  }
  return { odotMs: median(a), peerMs: median(b) };
}
