import { ok, type Expr, type Givens, type Result } from '@odot/core';
import { bothTerms, exprToTerm } from './convert.ts';
import { termToExpr } from './term-to-expr.ts';

/**
 * The canonical form of an expression: ⊙ and + flattened and sorted, products flattened, numeric
 * coefficients merged, subtraction as adding a negative. A shape error fails.
 */
export function canonicalForm(expr: Expr, givens: Givens = new Map()): Result<Expr> {
  const t = exprToTerm(expr, givens);
  return t.ok ? ok(termToExpr(t.value)) : t;
}

/**
 * True when two expressions have the same canonical form (they differ at most by commutativity,
 * associativity and numeric coefficients); a shape error fails.
 */
export function canonicallyEqual(a: Expr, b: Expr, givens: Givens = new Map()): Result<boolean> {
  const both = bothTerms(a, b, givens);
  return both.ok ? ok(both.value[0] === both.value[1]) : both;
}
