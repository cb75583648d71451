import { foldExpr, inferShape, tooDeepError, type Expr } from '@odot/core';
import type { CheckContext } from './check-options.ts';
import type { LawCitation, ProofLine } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report, type LineRef } from './step-report.ts';

/** The deepest line the checker's (partly recursive) helpers take; deeper lines get `too-deep` up front. */
export const MAX_LINE_DEPTH = 1000;

/** The depth of a tree, computed without recursion. */
function exprDepth(expr: Expr): number {
  return foldExpr<number>(expr, (_node, children) => 1 + Math.max(0, ...children));
}

/**
 * Checks one line, turning a stack overflow on a huge line (a sum of thousands of terms) into a
 * `too-deep` verdict on that line instead of an internal error for the whole proof.
 */
export function guarded(line: ProofLine & { readonly laws: readonly LawCitation[] }, kind: StepReport['kind'], check: () => StepReport): StepReport {
  const roots = line.kind === 'step' ? [line.expr] : line.kind === 'equation' || line.kind === 'claim' ? [line.statement] : [];
  if (roots.some((root) => exprDepth(root) > MAX_LINE_DEPTH)) {
    return report(line, kind, line.laws, 'too-deep', `this line is nested more than ${MAX_LINE_DEPTH} levels deep (a sum or product of thousands of terms): split it into smaller steps`);
  }
  try {
    return check();
  } catch (error) {
    const deep = tooDeepError(error, 'this line');
    if (!deep) throw error;
    return report(line, kind, line.laws, 'too-deep', `${deep.message}: split it into smaller steps`);
  }
}

/** Checks that `expr` has a shape; a failing report when not. */
export function shapeProblem(line: LineRef, kind: StepReport['kind'], laws: readonly LawCitation[], expr: Expr, context: CheckContext): StepReport | undefined {
  const shape = inferShape(expr, context.givens);
  if (shape.ok) return undefined;
  return report(line, kind, laws, 'shape-error', shape.error.message, shape.error.span ? { span: shape.error.span } : {});
}
