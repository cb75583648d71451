import { describe, expect, it } from 'vitest';
import { dimEquals, dimFactors, dimProduct, dimSize, dimSymbols, formatDim, isOpenDim, parseDim } from './dim.ts';
import { inferShape } from './infer-shape.ts';
import { kronecker, identifier } from './build.ts';
import { matrixShape, shapeEquals } from './shape.ts';

describe('dimensions as structured terms', () => {
  it('multiplies: numbers fold, symbols sort, open sizes go last, 1 and single symbols stay plain', () => {
    expect(dimProduct([2, 3])).toBe(6);
    expect(dimProduct(['n'])).toBe('n');
    expect(dimProduct([1, 'n'])).toBe('n');
    expect(dimProduct([])).toBe(1);
    expect(dimProduct([0, 'n'])).toBe(0);
    expect(dimProduct(['p', 'm'])).toEqual({ kind: 'product', coef: 1, factors: ['m', 'p'] });
    expect(dimProduct(['?2', 'm', 2])).toEqual({ kind: 'product', coef: 2, factors: ['m', '?2'] });
    expect(dimProduct([dimProduct(['m', 'p']), 3, 'q'])).toEqual({ kind: 'product', coef: 3, factors: ['m', 'p', 'q'] });
  });

  it('prints once and reads back what it prints', () => {
    for (const d of [3, 'n', dimProduct(['m', 'p']), dimProduct([2, 'n']), dimProduct([3, 'q', 'm'])]) {
      expect(dimEquals(parseDim(formatDim(d)), d)).toBe(true);
    }
    expect(formatDim(dimProduct([2, 'p', 'm']))).toBe('2·m·p');
    expect(parseDim(' 12 ')).toBe(12);
    expect(parseDim('m ⋅ p')).toEqual(dimProduct(['m', 'p']));
  });

  it('compares, names its symbols, and evaluates with known sizes', () => {
    expect(dimEquals(dimProduct(['m', 'p']), dimProduct(['p', 'm']))).toBe(true);
    expect(dimEquals(dimProduct(['m', 'p']), 'm')).toBe(false);
    expect(dimSymbols(dimProduct([2, 'p', 'm', '?1']))).toEqual(['m', 'p', '?1']);
    expect(dimSymbols(4)).toEqual([]);
    expect(dimFactors(7)).toEqual({ coef: 7, factors: [] });
    expect(dimSize(dimProduct([2, 'm', 'p']), new Map([['m', 3], ['p', 5]]))).toBe(30);
    expect(dimSize('m', new Map())).toBeUndefined();
    expect(isOpenDim('?4')).toBe(true);
    expect(isOpenDim(dimProduct(['m', '?4']))).toBe(true);
    expect(isOpenDim(dimProduct(['m', 'p']))).toBe(false);
  });

  it('is what shape inference gives a Kronecker product', () => {
    const givens = new Map([
      ['A', { shape: matrixShape('m', 'n'), properties: new Set<never>() }],
      ['B', { shape: matrixShape('p', 2), properties: new Set<never>() }],
    ]);
    const r = inferShape(kronecker(identifier('A'), identifier('B')), givens);
    expect(r.ok && shapeEquals(r.value, matrixShape(dimProduct(['m', 'p']), dimProduct([2, 'n'])))).toBe(true);
  });
});
