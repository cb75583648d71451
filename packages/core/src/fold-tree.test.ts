import { describe, expect, it } from 'vitest';
import { foldTree } from './fold-tree.ts';

/** A tree of numbers: a node is a leaf value or a list of subtrees. */
type Tree = number | readonly Tree[];

const sum = (t: Tree): number => foldTree<Tree, number>(t, (n) => (typeof n === 'number' ? { children: [], combine: () => n } : { children: n, combine: (xs) => xs.reduce((a, b) => a + b, 0) }));

describe('foldTree', () => {
  it('folds children first, left to right', () => {
    const order: number[] = [];
    const tree: Tree = [1, [2, 3], 4];
    const total = foldTree<Tree, number>(tree, (n) => (typeof n === 'number' ? { children: [], combine: () => (order.push(n), n) } : { children: n, combine: (xs) => xs.reduce((a, b) => a + b, 0) }));
    expect([total, order]).toEqual([10, [1, 2, 3, 4]]);
  });

  it('folds a 100 000-deep tree without a stack overflow', () => {
    let deep: Tree = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep, 1];
    expect(sum(deep)).toBe(100_001);
  });

  it('ends at an aborting result, and reads known results without expanding', () => {
    const expanded: Tree[] = [];
    const tree: Tree = [1, -1, [5]];
    const r = foldTree<Tree, number>(
      tree,
      (n) => (expanded.push(n), typeof n === 'number' ? { children: [], combine: () => n } : { children: n, combine: (xs) => xs.reduce((a, b) => a + b, 0) }),
      { aborts: (x) => x < 0 },
    );
    expect(r).toBe(-1);
    expect(expanded).not.toContainEqual([5]);
    const shared: Tree = [2, 2];
    expect(foldTree<Tree, number>([shared, shared], (n) => (typeof n === 'number' ? { children: [], combine: () => n } : { children: n, combine: (xs) => xs.reduce((a, b) => a + b, 0) }), { known: (n) => (n === shared ? 10 : undefined) })).toBe(20);
  });
});
