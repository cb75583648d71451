import type { Expr } from '@odot/core';

// A block index `(u - 1) q + v` in an entry (row u-th block of q, v-th within it), as def_kron and
// sum_block write it: read so that a sum over u or v can tell its range from the entry's size.

/** A position written `(outer - 1) size + inner`, with index names `outer`, `inner` and a size expression. */
export interface BlockPosition {
  readonly outer: string;
  readonly size: Expr;
  readonly inner: string;
}

/** The factors of a product chain `a b c` (matrix products and scalar multiples), left to right. */
function productFactors(e: Expr): Expr[] {
  const out: Expr[] = [];
  const pending: Expr[] = [e];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === 'MatMul') pending.push(node.right, node.left);
    else if (node.type === 'ScalarMul') pending.push(node.operand, node.scalar);
    else out.push(node);
  }
  return out;
}

/** The size factors as one expression (a product of them, left-associated). */
function productOf(factors: readonly Expr[]): Expr | undefined {
  const [first, ...rest] = factors;
  return first && rest.reduce<Expr>((acc, f) => ({ type: 'MatMul', left: acc, right: f }), first);
}

/** The block position an index is written as (`(u - 1) q + v`, `(u - 1) p q + v`), or undefined. */
export function readBlockPosition(e: Expr): BlockPosition | undefined {
  if (e.type !== 'Add' || e.right.type !== 'Identifier') return undefined;
  const [shift, ...sizeFactors] = productFactors(e.left);
  if (shift?.type !== 'Sub' || shift.left.type !== 'Identifier') return undefined;
  if (shift.right.type !== 'NumberLiteral' || shift.right.value !== '1') return undefined;
  const size = productOf(sizeFactors);
  if (!size || shift.left.name === e.right.name) return undefined;
  return { outer: shift.left.name, size, inner: e.right.name };
}
