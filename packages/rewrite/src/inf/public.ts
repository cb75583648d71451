import { ok, type Expr, type Givens, type Result } from '@odot/core';
import { bothTerms, exprToTerm, guardDepth } from '../convert.ts';
import { decideByIndexForm, type IndexDecision, type IndexDecisionOptions } from './decide.ts';
import { indexNormalForm, printForm, type IndexFormOptions } from './normal-form.ts';

/**
 * The index normal form of an expression printed as an explicit Einstein sum
 * (`[i,j] ↦ Σ_{k∈n} A[i,k] B[k,j]`), or `{ outside: reason }` when the expression is outside the
 * polynomial fragment. Shape errors are failures.
 */
export function indexNormalFormText(e: Expr, givens: Givens = new Map(), options: IndexFormOptions = {}): Result<{ readonly form: string } | { readonly outside: string }> {
  const t = guardDepth(exprToTerm(e, givens), 'indexNormalFormText');
  if (!t.ok) return t;
  const f = indexNormalForm(t.value, options);
  return ok(f.ok ? { form: printForm(f.form) } : { outside: f.reason });
}

/** Decides `a = b` by the index normal form alone (see `decideByIndexForm`); shape errors are failures. */
export function decideIndexNormalForm(a: Expr, b: Expr, givens: Givens = new Map(), options: IndexDecisionOptions = {}): Result<IndexDecision> {
  const t = guardDepth(bothTerms(a, b, givens), 'decideIndexNormalForm');
  if (!t.ok) return t;
  return ok(decideByIndexForm(a, b, t.value[0], t.value[1], givens, options));
}
