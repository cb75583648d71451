import { describe, expect, it } from 'vitest';
import { createRng, rngFromUint32 } from './rng.ts';

describe('rngFromUint32', () => {
  it('scales 32-bit integers to [0, 1) and to inclusive integer ranges (hand-worked)', () => {
    const words = [0, 2 ** 31, 2 ** 32 - 1, 2 ** 30];
    let k = 0;
    const rng = rngFromUint32(() => words[k++ % words.length] ?? 0);
    expect(rng.next()).toBe(0);
    expect(rng.next()).toBe(0.5);
    expect(rng.next()).toBe((2 ** 32 - 1) / 2 ** 32);
    expect(rng.int(0, 3)).toBe(1); // floor(0.25 · 4) = 1
    expect(rng.int(-5, 5)).toBe(-5); // 0 → the low end
  });

  it('createRng keeps its mulberry32 stream (pinned before the refactor)', () => {
    const rng = createRng(1);
    expect([rng.nextUint32(), rng.nextUint32(), rng.int(-5, 5)]).toEqual(PINNED);
  });
});

const PINNED = [2693262067, 11749833, 0];
