import { childrenOf, type Expr, type Givens } from '@odot/core';
import type { Question } from './worksheet.ts';

/** The identifiers of `expr` that `givens` does not declare (entry indices and sum indices excepted), in order, once each. */
export function undeclaredNames(expr: Expr, givens: Givens): string[] {
  const out: string[] = [];
  const visit = (node: Expr, bound: ReadonlySet<string>): void => {
    switch (node.type) {
      case 'Identifier':
        if (!givens.has(node.name) && !bound.has(node.name) && !out.includes(node.name)) out.push(node.name);
        return;
      case 'Entry':
        visit(node.matrix, bound);
        return;
      case 'Sum':
        visit(node.body, new Set([...bound, node.index]));
        return;
      default:
        for (const child of childrenOf(node)) visit(child, bound);
    }
  };
  visit(expr, new Set());
  return out;
}

/** The expressions an author wrote for a question (model answer, statement, matrix, goal, forbidden parts), with their field names. */
export function authoredExpressions(question: Question): { field: string; expr: Expr }[] {
  switch (question.kind) {
    case 'matrix':
      return [{ field: 'answer', expr: question.answer }];
    case 'expression':
      return [{ field: 'answer', expr: question.answer }, ...question.forbid.map((f) => ({ field: 'forbid', expr: f.expr }))];
    case 'truefalse':
      return question.statement ? [{ field: 'statement', expr: question.statement }] : [];
    case 'psd':
      return [{ field: 'matrix', expr: question.matrix }];
    case 'proof':
      return [{ field: 'prove', expr: question.goal }];
    case 'shape':
      return [{ field: 'expr', expr: question.expr }];
  }
}
