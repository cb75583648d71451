import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions (hand-worked)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('hadamard_comm', 'hadamard_comm')).toBe(0);
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('pasre', 'parse')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });

  it('is symmetric and at most the longer length (random words)', () => {
    let seed = 7;
    const letter = () => 'abc'[(seed = (seed * 1103515245 + 12345) % 2147483648) % 3] ?? 'a';
    for (let k = 0; k < 200; k++) {
      const a = Array.from({ length: k % 6 }, letter).join('');
      const b = Array.from({ length: (k * 7) % 5 }, letter).join('');
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
    }
  });
});

describe('closest', () => {
  it('suggests the nearest candidates only', () => {
    expect(closest('pasre', ['parse', 'eval', 'psd'])).toEqual(['parse']);
    expect(closest('jsn', ['json', 'jobs', 'out'])).toEqual(['json']);
    expect(closest('zzzzzz', ['parse', 'eval'])).toEqual([]);
  });
});
