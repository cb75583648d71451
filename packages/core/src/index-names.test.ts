import { describe, expect, it } from 'vitest';
import { add, entry, identifier, matMul, sum } from './index.ts';
import { indexNames, sumIndices } from './index-names.ts';

const A = identifier('A');
const i = identifier('i');
const j = identifier('j');

describe('sumIndices', () => {
  it('lists the indices sums bind, an outer sum before the sums inside it, siblings in source order', () => {
    const inner = sum('v', matMul(entry(A, i, identifier('u')), entry(A, identifier('v'), j)));
    const nested = sum('u', inner);
    const siblings = add(sum('s', entry(A, identifier('s'), j)), sum('t', entry(A, i, identifier('t'))));
    expect([...sumIndices(nested)]).toEqual(['u', 'v']);
    expect([...sumIndices(add(siblings, nested))]).toEqual(['s', 't', 'u', 'v']);
    expect([...sumIndices(entry(A, i, j))]).toEqual([]);
  });

  it('adds to the set it is given, as indexNames does, and names no index only used in an entry', () => {
    const e = sum('k', entry(A, i, identifier('k')));
    expect([...sumIndices(e, new Set(['z']))]).toEqual(['z', 'k']);
    expect(sumIndices(e).has('i')).toBe(false);
    expect(indexNames(e).has('i')).toBe(true);
  });
});
