import type { Expr } from '@odot/core';
import { addOrSub, product } from './build.ts';
import type { Tok } from './tokens.ts';

// The sums and products of an expression are one flat, left-recursive grammar rule
// (`Sum -> Sum %binop Postfix`), which Earley parses with fewer items than a rule per precedence
// level. The two levels are restored here: a Chain is the expression read so far, kept as the
// finished terms of the sum plus the product still being extended, so every step is O(1) and
// `A + B ⊙ C` still becomes `A + (B ⊙ C)`. Chains are immutable: Earley shares them between
// partial parses.

/** The expression read so far: `sum addOp prod` (or just `prod` before the first `+`/`-`). */
export interface Chain {
  /** The finished terms before the last additive operator, already one left-nested tree. */
  readonly sum: Expr | undefined;
  /** The additive operator between `sum` and `prod` (set exactly when `sum` is). */
  readonly addOp: Tok | undefined;
  /** The last term, a product still open to more product operators. */
  readonly prod: Expr;
}

/** A chain of one operand. */
export function chainStart(e: Expr): Chain {
  return { sum: undefined, addOp: undefined, prod: e };
}

/** Whether a `binop` token is `+` or `-` (the other binops are product operators, juxtaposition included). */
function isAdditive(op: Tok): boolean {
  return op.kind === 'plus' || op.kind === 'minus';
}

/** `chain op e`: a product operator extends the open product, `+`/`-` closes it and starts a new term. */
export function chainPush(c: Chain, op: Tok, e: Expr): Chain {
  if (isAdditive(op)) return { sum: chainEnd(c), addOp: op, prod: e };
  return { sum: c.sum, addOp: c.addOp, prod: product(c.prod, op, e) };
}

/** The expression tree of a chain: the sums and products, left to right, products binding tighter. */
export function chainEnd(c: Chain): Expr {
  return c.sum === undefined || c.addOp === undefined ? c.prod : addOrSub(c.sum, c.addOp, c.prod);
}
