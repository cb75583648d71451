import { formatShape } from '@odot/core';
import { describe, expect, test } from 'vitest';
import { parseDeclarations } from './declarations.ts';

function summary(text: string): string[] {
  const r = parseDeclarations(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map((d) => `${d.names.join(',')}: ${formatShape(d.shape)}${d.properties.map((p) => ` ${p}`).join('')}`);
}

describe('parseDeclarations', () => {
  test('the forms of the contract', () => {
    expect(summary('A, B: m×n')).toEqual(['A,B: m×n']);
    expect(summary('D: n×n diagonal')).toEqual(['D: n×n diagonal']);
    expect(summary('P, Q: n×n psd')).toEqual(['P,Q: n×n psd']);
    expect(summary('u: n')).toEqual(['u: n×1']);
    expect(summary('u: 3')).toEqual(['u: 3×1']);
    expect(summary('c: scalar')).toEqual(['c: scalar']);
    expect(summary('A: 2x3')).toEqual(['A: 2×3']);
    expect(summary('A: m x n')).toEqual(['A: m×n']);
    expect(summary('A: mxn')).toEqual(['A: m×n']);
    expect(summary('S: n×n symmetric, nonnegative')).toEqual(['S: n×n symmetric nonnegative']);
    expect(summary('D₁, D₂: n×n diagonal')).toEqual(['D₁,D₂: n×n diagonal']);
  });

  test('several per line with `;`, one per line, comments and blank lines', () => {
    expect(summary('A, B: 2×3; u: 3\n\n# a comment\nc: scalar  # trailing\nP: 3×3 psd pd')).toEqual([
      'A,B: 2×3',
      'u: 3×1',
      'c: scalar',
      'P: 3×3 psd pd',
    ]);
    expect(summary('')).toEqual([]);
  });

  test('numbers are numbers, names are names', () => {
    const r = parseDeclarations('A: 2×n');
    expect(r.ok && r.value[0]?.shape).toEqual({ kind: 'matrix', rows: 2, cols: 'n' });
  });

  test('spans point at each declaration', () => {
    const r = parseDeclarations('A: 2×3;  u: n');
    expect(r.ok && r.value.map((d) => [d.span?.start.column, d.span?.end.column])).toEqual([
      [1, 7],
      [10, 14],
    ]);
  });

  test('errors with positions and hints', () => {
    const cases: [string, string, number, number][] = [
      ['A 2×3', 'bad-declaration', 1, 1],
      ['A: ', 'bad-declaration', 1, 4],
      ['A: ×', 'bad-declaration', 1, 4],
      ['A, : 2×3', 'bad-declaration', 1, 3],
      ['2A: 2×3', 'bad-declaration', 1, 1],
      ['A: 2×3\nP: n×n psdd', 'unknown-property', 2, 8],
      ['A: 0×3', 'bad-declaration', 1, 4],
    ];
    for (const [text, code, line, column] of cases) {
      const r = parseDeclarations(text);
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      expect([r.error.code, r.error.span?.start.line, r.error.span?.start.column], text).toEqual([code, line, column]);
    }
    const typo = parseDeclarations('D: n×n diagnal');
    expect(!typo.ok && typo.error.hints).toEqual(['did you mean `diagonal`?']);
  });
});
