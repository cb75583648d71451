import { MAX_DEPTH, inferShape, nestingDepth, type Expr } from '@odot/core';
import type { CheckContext } from './check-options.ts';
import type { LawCitation, ProofLine } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report, type LineRef } from './step-report.ts';

/** The deepest line the checker's (partly recursive) helpers take; deeper lines get `too-deep` up front. */
export const MAX_LINE_DEPTH = MAX_DEPTH;

/** The plain depth of a tree (every level counts: the checker's helpers recurse down chains too), computed without recursion. */
function exprDepth(expr: Expr): number {
  return nestingDepth(expr, NO_CHAINS);
}

const NO_CHAINS: ReadonlySet<Expr['type']> = new Set();

/** Whether any of `roots` is nested deeper than `MAX_LINE_DEPTH` (the checker's helpers would not take it). */
export function tooDeepForChecking(...roots: readonly Expr[]): boolean {
  return roots.some((root) => exprDepth(root) > MAX_LINE_DEPTH);
}

/**
 * Checks one line; a line nested deeper than `MAX_LINE_DEPTH` (a sum of thousands of terms) gets a
 * `too-deep` verdict up front instead of reaching the checker's recursive helpers.
 */
export function guarded(line: ProofLine & { readonly laws: readonly LawCitation[] }, kind: StepReport['kind'], check: () => StepReport): StepReport {
  const roots = line.kind === 'step' ? [line.expr] : line.kind === 'equation' || line.kind === 'claim' ? [line.statement] : [];
  if (tooDeepForChecking(...roots)) {
    return report(line, kind, line.laws, 'too-deep', `this line is nested more than ${MAX_LINE_DEPTH} levels deep (a sum or product of thousands of terms): split it into smaller steps`);
  }
  return check();
}

/** Checks that `expr` has a shape; a failing report when not. */
export function shapeProblem(line: LineRef, kind: StepReport['kind'], laws: readonly LawCitation[], expr: Expr, context: CheckContext): StepReport | undefined {
  const shape = inferShape(expr, context.givens);
  if (shape.ok) return undefined;
  return report(line, kind, laws, 'shape-error', shape.error.message, shape.error.span ? { span: shape.error.span } : {});
}
