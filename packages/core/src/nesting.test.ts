import { describe, expect, it } from 'vitest';
import { add, hadamard, identifier, matMul, matrixLiteral, numberLiteral, sub, trace, transpose } from './build.ts';
import type { Expr } from './expr.ts';
import { CHAIN_TYPES, nestingDepth } from './nesting.ts';
import { childrenOf } from './visitor-keys.ts';

/** The definition read bottom-up and recursively (fine for the small trees here): the reference. */
function reference(e: Expr, chains: ReadonlySet<Expr['type']>): number {
  const kids = childrenOf(e);
  let deepest = 0;
  kids.forEach((k, i) => {
    const d = reference(k, chains) - (i === 0 && kids.length === 2 && chains.has(e.type) ? 1 : 0);
    if (d > deepest) deepest = d;
  });
  return 1 + deepest;
}

/** A small deterministic generator (xorshift32). */
function chooser(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

function randomTree(pick: (n: number) => number, budget: number): Expr {
  if (budget <= 1) return pick(2) === 0 ? identifier(`A${pick(5)}`) : numberLiteral(String(pick(9)));
  const rest = budget - 1;
  const left = (): Expr => randomTree(pick, 1 + pick(rest));
  switch (pick(7)) {
    case 0: return add(left(), left());
    case 1: return sub(left(), left());
    case 2: return hadamard(left(), left());
    case 3: return matMul(left(), left());
    case 4: return transpose(left());
    case 5: return trace(left());
    default: return matrixLiteral([[left(), left()], [left(), identifier('B')]]);
  }
}

describe('nestingDepth', () => {
  it('agrees with the recursive definition on 500 random trees, with and without chain types', () => {
    const pick = chooser(20261206);
    for (let k = 0; k < 500; k++) {
      const e = randomTree(pick, 2 + pick(30));
      expect(nestingDepth(e)).toBe(reference(e, CHAIN_TYPES));
      expect(nestingDepth(e, new Set())).toBe(reference(e, new Set()));
    }
  });

  it('a left-leaning chain of 100 000 terms is one level; the same nesting of transposes is 100 001', () => {
    let chain: Expr = identifier('A');
    let nested: Expr = identifier('A');
    for (let k = 0; k < 100_000; k++) {
      chain = add(chain, identifier('B'));
      nested = transpose(nested);
    }
    expect(nestingDepth(chain)).toBe(2);
    expect(nestingDepth(nested)).toBe(100_001);
  });
});
