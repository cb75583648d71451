import { add, hadamard, identifier, transpose, type Expr } from '@odot/core';
import { describe, expect, it } from 'vitest';
import { reorderLaw } from './simplify.ts';

// Issue 15: naming a reordering compares the two trees with an explicit work list, so 10 000-deep
// trees and 100 000-term chains are compared without recursion.

const [A, B, C] = [identifier('A'), identifier('B'), identifier('C')];

/** `inner` under `depth` transposes. */
function underTransposes(depth: number, inner: Expr): Expr {
  let e = inner;
  for (let i = 0; i < depth; i++) e = transpose(e);
  return e;
}

describe('reorderLaw on deep trees', () => {
  it('B ⊙ A against A ⊙ B under 10 000 transposes: hadamard_comm', () => {
    expect(reorderLaw(underTransposes(10_000, hadamard(B, A)), underTransposes(10_000, hadamard(A, B)))).toBe('hadamard_comm');
  });

  it('a regrouping 10 000 levels down: hadamard_assoc; the same tree: nothing to name', () => {
    const from = underTransposes(10_000, hadamard(hadamard(A, B), C));
    expect(reorderLaw(from, underTransposes(10_000, hadamard(A, hadamard(B, C))))).toBe('hadamard_assoc');
    expect(reorderLaw(from, underTransposes(10_000, hadamard(hadamard(A, B), C)))).toBe(undefined);
  });

  it('a 100 000-term sum against its reverse: add_comm', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => identifier(`X${i}`));
    const forward = names.reduce<Expr>((l, r) => add(l, r), names[0] as Expr);
    const backward = [...names].reverse().reduce<Expr>((l, r) => add(l, r), names.at(-1) as Expr);
    expect(reorderLaw(forward, backward)).toBe('add_comm');
  });

  it('B + (B + (… + A)), 10 000 deep, against the left-nested chain: add_comm', () => {
    let from: Expr = A;
    let to: Expr = A;
    for (let i = 0; i < 10_000; i++) {
      from = add(B, from);
      to = add(to, B);
    }
    expect(reorderLaw(from, to)).toBe('add_comm');
  });
});
