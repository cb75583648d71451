import type { Expr } from '@odot/core';

/** The node types of a ⊙ chain. */
export const HADAMARD_CHAIN: ReadonlySet<Expr['type']> = new Set(['Hadamard']);

/** The operands of a chain of binary operators of the given types (`a ⊙ b ⊙ c` → [a, b, c]), iteratively. */
export function operandsOf(e: Expr, types: ReadonlySet<Expr['type']>): Expr[] {
  const out: Expr[] = [];
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop() as Expr;
    if (types.has(x.type) && 'left' in x && 'right' in x) {
      stack.push(x.right, x.left);
    } else out.push(x);
  }
  return out;
}

/** The summands of a chain of + and −, each with its sign (a − b gives [a, +], [b, −]; a − (b + c) gives [b + c, −]). */
export function summands(e: Expr): [Expr, boolean][] {
  const out: [Expr, boolean][] = [];
  const stack: [Expr, boolean][] = [[e, false]];
  while (stack.length > 0) {
    const [x, negative] = stack.pop() as [Expr, boolean];
    // A negated sum stays one summand −(b + c): distributing the minus is a law (smul_add).
    if (x.type === 'Add' && !negative) stack.push([x.right, false], [x.left, false]);
    else if (x.type === 'Sub' && !negative) stack.push([x.right, true], [x.left, false]);
    else out.push([x, negative]);
  }
  return out;
}
