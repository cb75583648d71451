import { parseExpr } from '@odot/parser';
import { describe, expect, it } from 'vitest';
import { decidePsd } from './decide-psd.ts';
import { givensOfText } from './test-support.ts';

// Issue 15: a scalar is psd iff it is ≥ 0 (pd iff > 0), like the 1×1 matrix holding it.
const verdict = (text: string, decls = '', property: 'psd' | 'pd' = 'psd'): string => {
  const r = decidePsd(parseExpr(text), givensOfText(decls), undefined, { property });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.verdict;
};

describe('scalars and 1×1 matrices are psd iff ≥ 0', () => {
  it('numbers: 0 and 2 are psd, -1 is not; 0 is not pd, 2 is', () => {
    expect(verdict('0')).toBe('psd');
    expect(verdict('2')).toBe('psd');
    expect(verdict('-1')).toBe('not-psd');
    expect(verdict('0', '', 'pd')).toBe('not-psd');
    expect(verdict('2', '', 'pd')).toBe('psd');
    expect(verdict('[[3]]')).toBe('psd');
    expect(verdict('[[-3]]')).toBe('not-psd');
  });

  it('tr(P) and det(P) of a psd P are psd, by trace_psd and det_psd', () => {
    const r = decidePsd(parseExpr('tr(P)'), givensOfText('P: n×n psd'));
    expect(r.ok && r.value.verdict).toBe('psd');
    expect(r.ok && r.value.justification?.rule).toBe('trace_psd');
    expect(verdict('det(P)', 'P: n×n psd')).toBe('psd');
    expect(verdict('tr(P)', 'P: n×n pd', 'pd')).toBe('psd');
  });

  it('c c (a square) is psd; c alone and -c c are refuted by a negative instance', () => {
    expect(verdict('c c', 'c: scalar')).toBe('psd');
    expect(verdict('c', 'c: scalar')).toBe('not-psd');
    expect(verdict('-(c c)', 'c: scalar')).toBe('not-psd');
    expect(verdict('c c + tr(P)', 'c: scalar; P: n×n psd')).toBe('psd');
  });

  it('tr(S) of a merely symmetric S is refuted, not claimed', () => {
    expect(verdict('tr(S)', 'S: n×n symmetric')).toBe('not-psd');
  });

  it('J_{n×n} ⊙ P with P psd is psd (schur), as the CLI also says', () => {
    expect(verdict('J_{n×n} ⊙ P', 'P: n×n psd')).toBe('psd');
  });
});
