import { fail, ok, tooDeepError, type Expr, type Givens, type Result } from '@odot/core';
import { exprToTerm } from '../convert.ts';
import { bothTerms } from '../convert.ts';
import { decideByIndexForm, type IndexDecision, type IndexDecisionOptions } from './decide.ts';
import { indexNormalForm, printForm, type IndexFormOptions } from './normal-form.ts';

/**
 * The index normal form of an expression printed as an explicit Einstein sum
 * (`[i,j] ↦ Σ_{k∈n} A[i,k] B[k,j]`), or `{ outside: reason }` when the expression is outside the
 * polynomial fragment. Shape errors are failures.
 */
export function indexNormalFormText(e: Expr, givens: Givens = new Map(), options: IndexFormOptions = {}): Result<{ readonly form: string } | { readonly outside: string }> {
  return guarded('indexNormalFormText', () => {
    const t = exprToTerm(e, givens);
    if (!t.ok) return t;
    const f = indexNormalForm(t.value, options);
    return ok(f.ok ? { form: printForm(f.form) } : { outside: f.reason });
  });
}

/** Runs `f`, turning a stack overflow on deeply nested input into the `too-deep` error value. */
function guarded<T>(what: string, f: () => Result<T>): Result<T> {
  try {
    return f();
  } catch (error) {
    const deep = tooDeepError(error, what);
    if (deep) return fail(deep);
    throw error;
  }
}

/** Decides `a = b` by the index normal form alone (see `decideByIndexForm`); shape errors are failures. */
export function decideIndexNormalForm(a: Expr, b: Expr, givens: Givens = new Map(), options: IndexDecisionOptions = {}): Result<IndexDecision> {
  return guarded('decideIndexNormalForm', () => {
    const t = bothTerms(a, b, givens);
    if (!t.ok) return t;
    return ok(decideByIndexForm(a, b, t.value[0], t.value[1], givens, options));
  });
}
