import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './dialect.ts';
import { highlightTokens, type TokenClass } from './highlight-tokens.ts';

const classes = (text: string, dialect: (typeof DIALECTS)[number] = 'plain'): [string, TokenClass][] =>
  highlightTokens(text, dialect).map((t) => [text.slice(t.from, t.to), t.class]);

describe('highlightTokens', () => {
  it('classes a plain expression the way the parser reads it', () => {
    expect(classes('(A ⊙ B)ᵀ + 2 diag(v) ⪰ 0')).toEqual([
      ['(', 'bracket'],
      ['A', 'name'],
      ['⊙', 'operator'],
      ['B', 'name'],
      [')', 'bracket'],
      ['ᵀ', 'operator'],
      ['+', 'operator'],
      ['2', 'number'],
      ['diag', 'function'],
      ['(', 'bracket'],
      ['v', 'name'],
      [')', 'bracket'],
      ['⪰', 'relation'],
      ['0', 'number'],
    ]);
  });
  it('uses each dialect’s lexer', () => {
    expect(classes('A \\odot B^\\top', 'latex')).toEqual([
      ['A', 'name'],
      ['\\odot', 'operator'],
      ['B', 'name'],
      ['^', 'operator'],
      ['\\top', 'operator'],
    ]);
    expect(classes('np.kron(A, B) * C.T', 'numpy')).toEqual([
      ['np.kron', 'function'],
      ['(', 'bracket'],
      ['A', 'name'],
      [',', 'punctuation'],
      ['B', 'name'],
      [')', 'bracket'],
      ['*', 'operator'],
      ['C', 'name'],
      ['.T', 'operator'],
    ]);
    expect(classes("A .* B'", 'matlab')).toEqual([
      ['A', 'name'],
      ['.*', 'operator'],
      ['B', 'name'],
      ["'", 'operator'],
    ]);
  });
  it('marks characters no rule reads as invalid, and keeps going', () => {
    expect(classes('A $ B')).toEqual([
      ['A', 'name'],
      ['$ B', 'invalid'],
    ]);
    expect(classes('1e-3 J')).toEqual([
      ['1e-3', 'number'],
      ['J', 'constant'],
    ]);
  });
  test.prop([fc.constantFrom(...DIALECTS), fc.string({ unit: fc.constantFrom(...'AB ⊙⊗ᵀ()[],;+-*^.\'\\{}_12e=≠⪰abc\n\tdiag'.split('')), maxLength: 40 })])(
    'tokens are ordered, disjoint, inside the text and cover every non-space character',
    (dialect, text) => {
      const tokens = highlightTokens(text, dialect);
      let end = 0;
      const covered = new Set<number>();
      for (const t of tokens) {
        expect(t.from).toBeGreaterThanOrEqual(end);
        expect(t.to).toBeGreaterThan(t.from);
        expect(t.to).toBeLessThanOrEqual(text.length);
        for (let i = t.from; i < t.to; i++) covered.add(i);
        end = t.to;
      }
      // What is left is whitespace: blanks, and in LaTeX `~` and the spacing commands `\,` `\;` `\:` `\!` `\ `.
      const left = text.split('').map((c, i) => (covered.has(i) ? ' ' : c)).join('');
      expect(left.replace(/\\[,;:! ]|[\s~]/g, '')).toBe('');
    },
  );
});
