import type { Expr } from './expr.ts';
import { foldExpr } from './fold-expr.ts';
import { withChildren } from './with-children.ts';

/** The same tree without any `span` fields; subtrees that carry no span are shared, not copied. */
export function stripSpans<T extends Expr>(e: T): T {
  return foldExpr<Expr>(e, (node, children) => {
    const rebuilt = withChildren(node, children);
    if (!('span' in rebuilt)) return rebuilt;
    const { span: _span, ...rest } = rebuilt;
    return rest;
  }) as T;
}
