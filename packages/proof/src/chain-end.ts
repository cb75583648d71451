import { printExpr, type Expr } from '@odot/core';
import type { Conclusion } from './chain.ts';
import { exprKey, isEntrywise } from './expr-tools.ts';
import type { Goal, ProofLine } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report } from './step-report.ts';

const show = (expr: Expr): string => printExpr(expr, 'plain');

/** The structural checks of a chain conclusion: it starts at the goal's left side and ends at its right side. */
function chainEnds(goal: Goal, conclusion: Conclusion & { readonly kind: 'chain' }): StepReport[] {
  const c = conclusion.chain;
  if (goal.type !== 'Equal') return [report(c.last, 'structure', [], 'wrong-end', `a chain of equalities does not prove the claim ${show(goal)}: end with \`${show(goal)} by LAW\``)];
  if (isEntrywise(c.start) && !isEntrywise(goal)) return [report(c.last, 'structure', [], 'wrong-end', `an entrywise chain ends with \`${show(goal)} by ext\``)];
  const out: StepReport[] = [];
  if (exprKey(c.start) !== exprKey(goal.left)) {
    const reversed = exprKey(c.start) === exprKey(goal.right);
    const hints = reversed ? { hints: ['write the chain from the left side of the goal to its right side'] } : {};
    out.push(report(c.startLine, 'structure', [], 'wrong-start', `the chain starts at ${show(c.start)}, but the goal's left side is ${show(goal.left)}`, hints));
  }
  if (c.current !== undefined && exprKey(c.current) !== exprKey(goal.right)) {
    out.push(report(c.last, 'structure', [], 'wrong-end', `the chain ends at ${show(c.current)}, but the goal's right side is ${show(goal.right)}`));
  }
  return out;
}

/** The checks of how the proof ends: not empty, and what it concludes is the goal. */
export function endChecks(goal: Goal, conclusion: Conclusion | undefined, lines: readonly ProofLine[], goalLine: number, qedLine?: number): StepReport[] {
  if (!conclusion) {
    const fallback = { start: { line: goalLine, column: 1, offset: 0 }, end: { line: goalLine, column: 2, offset: 1 } };
    return [report({ line: qedLine ?? goalLine, span: lines.at(-1)?.span ?? fallback }, 'structure', [], 'wrong-end', 'the proof is empty')];
  }
  if (conclusion.kind === 'chain') return chainEnds(goal, conclusion);
  if (exprKey(conclusion.statement) === exprKey(goal)) return [];
  return [report(conclusion.line, 'structure', [], 'wrong-end', `this proves ${show(conclusion.statement)}, but the goal is ${show(goal)}`)];
}
