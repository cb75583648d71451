import { parseExpr } from '@odot/parser';
import type { Justification } from './infer-property.ts';
import { resolveLawName } from './laws/resolve.ts';
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

/** Every rule of a justification tree: a catalogue law, `given`, or `numeric`. */
function rulesOf(j: Justification): string[] {
  return [j.rule, ...j.premises.flatMap(rulesOf)];
}

describe('property proofs cite only catalogue laws (one catalogue)', () => {
  const CLAIMS: readonly (readonly [string, string, 'psd' | 'pd'])[] = [
    ['2 + c c + tr(P) + det(P) + a b', 'c: scalar; P: n×n psd; a, b: scalar nonnegative', 'psd'],
    ['3 + tr(P)', 'P: n×n pd', 'pd'],
    ['tr(P) det(P) + a', 'P: n×n pd; a: scalar nonnegative', 'pd'],
    ['c^2 + a^3', 'c: scalar; a: scalar nonnegative', 'psd'],
    ['Xᵀ P X + tr(P ⊙ Q) I_n', 'X: n×n; P, Q: n×n psd', 'psd'],
    ['P ⊗ Q', 'P, Q: n×n psd', 'psd'],
    ['diag(diagvec(P)) + c P', 'P: n×n psd; c: scalar nonnegative', 'psd'],
  ];
  it.each(CLAIMS)('%s', (text, decls, property) => {
    const r = decidePsd(parseExpr(text), givensOfText(decls), undefined, { property });
    expect(r.ok && r.value.verdict, text).toBe('psd');
    const j = r.ok ? r.value.justification : undefined;
    expect(j, text).toBeDefined();
    const unknown = rulesOf(j as Justification).filter((rule) => rule !== 'given' && rule !== 'numeric' && resolveLawName(rule).kind !== 'exact');
    expect(unknown).toEqual([]);
  });

  it('a pd sum names its positive summand: pd(a + tr(P)) rests on tr(P) > 0 by trace_pd and a ≥ 0 (given)', () => {
    const r = decidePsd(parseExpr('a + tr(P)'), givensOfText('P: n×n pd; a: scalar nonnegative'), undefined, { property: 'pd' });
    const j = r.ok ? r.value.justification : undefined;
    expect(j?.rule).toBe('positive_sum');
    expect(j?.premises.map((p) => [p.rule, p.property])).toEqual([
      ['given', 'psd'],
      ['trace_pd', 'pd'],
    ]);
  });
});
