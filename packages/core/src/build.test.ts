import { describe, expect, it } from 'vitest';
import { hadamard, identifier, numberLiteral, ones } from './build.ts';
import { childrenOf } from './visitor-keys.ts';

describe('builders', () => {
  it('classify number literals by their text', () => {
    expect(numberLiteral('7').kind).toBe('integer');
    expect(numberLiteral('0.25').kind).toBe('decimal');
    expect(numberLiteral('1/2').kind).toBe('fraction');
  });

  it('leave out absent spans and sizes instead of setting undefined', () => {
    const j = ones();
    expect(Object.keys(j)).toEqual(['type']);
    const node = hadamard(identifier('A'), identifier('B'));
    expect('span' in node).toBe(false);
    expect(childrenOf(node).map((c) => (c.type === 'Identifier' ? c.name : '?'))).toEqual(['A', 'B']);
  });
});
