import { describe, expect, it, vi } from 'vitest';
import { Budget, nestingDepth } from '@odot/core';
import { MAX_NESTING } from './limits.ts';
import { parse } from './parse.ts';

// Issue 15: the tree the parser returns is held to MAX_NESTING levels (chains are one level), so
// no walk over it needs more stack; deeper input is a clear too-deep error, never an internal one.

describe('the depth of the parsed tree', () => {
  it('brackets and postfix runs nested in one another, 45 000 levels: too-deep', () => {
    const text = `${'('.repeat(50)}A${`)${'ᵀ'.repeat(900)}`.repeat(50)}`;
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.message]).toEqual(['too-deep', `the expression is nested more than ${MAX_NESTING} levels deep`]);
  });

  it('nesting up to the limit parses, one level more is too-deep', () => {
    const at = (levels: number): string => `${'-('.repeat(levels)}A${')'.repeat(levels)}`;
    const fits = parse(at(MAX_NESTING));
    expect(fits.ok).toBe(true);
    if (fits.ok) expect(nestingDepth(fits.value.expr)).toBe(MAX_NESTING + 1);
    // 600 negated brackets around a run of 600 transposes: 1 201 levels, each run within its limit.
    const deeper = parse(`${'-('.repeat(600)}A${'ᵀ'.repeat(600)}${')'.repeat(600)}`);
    expect(!deeper.ok && deeper.error.code).toBe('too-deep');
  });

  it('a 100 000-term chain is one level: it parses', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? 'A' : 'B C')).join(' ⊙ ');
    const r = parse(text, { budget: new Budget({ timeLimitMs: 600_000 }) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(nestingDepth(r.value.expr)).toBeLessThanOrEqual(3);
  });
});

describe('a budget that runs out while parsing', () => {
  it('is a limit error at every point of the parse, never a syntax error (nearley wraps what the lexer throws)', () => {
    const text = Array.from({ length: 100 }, (_, i) => `(A${i} + B${i}) ⊙ (A${i} - B${i})`).join(' + ');
    let now = 0;
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1));
    try {
      const codes = new Set<string>();
      let finished = false;
      for (let ms = 1; !finished; ms++) {
        const r = parse(text, { budget: new Budget({ timeLimitMs: ms }) });
        if (r.ok) finished = true;
        else {
          codes.add(r.error.code);
          expect(r.error.limit).toEqual({ kind: 'time', value: ms });
        }
      }
      expect([...codes]).toEqual(['limit']);
    } finally {
      spy.mockRestore();
    }
  });
});
