import { childrenOf, type Expr } from '@odot/core';
import { exprKey } from './expr-tools.ts';
import type { LawEngine } from './law-engine.ts';
import type { LawCitation } from './proof-ast.ts';

/** The word that cites the definition of the operator at hand. */
export const DEFINITION = 'definition';

/** The definitional law of each operator, by node type (⊗ has none in the catalogue yet). */
const DEFINITIONS: Partial<Record<Expr['type'], string>> = {
  Hadamard: 'def_hadamard',
  MatMul: 'def_matmul',
  Transpose: 'def_transpose',
  Add: 'def_add',
  Sub: 'def_sub',
  Neg: 'def_neg',
  ScalarMul: 'def_smul',
  Ones: 'def_ones',
  Zero: 'def_zero',
  Identity: 'def_identity',
  Diag: 'def_diag',
  DiagVec: 'def_diagvec',
  Trace: 'def_trace',
};

/** The outermost sub-expression of `from` that the step changes (descending while exactly one child differs). */
export function changedSubterm(from: Expr, to: Expr): { readonly node: Expr; readonly path: readonly number[] } {
  let a = from;
  let b = to;
  const path: number[] = [];
  for (;;) {
    if (a.type !== b.type) break;
    const ca = childrenOf(a);
    const cb = childrenOf(b);
    if (ca.length !== cb.length || ca.length === 0) break;
    const differing = ca.flatMap((child, i) => (exprKey(child) === exprKey(cb[i] as Expr) ? [] : [i]));
    if (differing.length !== 1) break;
    const i = differing[0] as number;
    path.push(i);
    a = ca[i] as Expr;
    b = cb[i] as Expr;
  }
  return { node: a, path };
}

/**
 * The operator whose definition a step from `from` to `to` unfolds (or folds back): for an entry
 * `X[i,j]` on either side of the change, the operator of X; else the outermost changed operator.
 */
function operatorAtHand(from: Expr, to: Expr): Expr['type'] {
  const mine = changedSubterm(from, to).node;
  const theirs = changedSubterm(to, from).node;
  if (mine.type === 'Entry') return mine.matrix.type;
  if (theirs.type === 'Entry') return theirs.matrix.type;
  return mine.type;
}

/**
 * The citations with `by definition` replaced by the definitional law of the outermost operator
 * the step changes (`(A ⊙ B)[i,j] = A[i,j] B[i,j] by definition` cites `def_hadamard`); when the
 * engine does not know that law, by every definitional law it knows. Other citations are kept.
 */
export function resolveDefinition(from: Expr, to: Expr, laws: readonly LawCitation[], engine: LawEngine): readonly LawCitation[] {
  if (!laws.some((law) => law.name === DEFINITION)) return laws;
  const wanted = DEFINITIONS[operatorAtHand(from, to)];
  const names = wanted !== undefined && engine.knows(wanted) ? [wanted] : engine.names.filter((name) => name.startsWith('def_'));
  return laws.flatMap((law) => (law.name === DEFINITION ? names.map((name) => ({ name, span: law.span })) : [law]));
}
