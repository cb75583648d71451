import { childrenOf, odotError } from '@odot/core';
import type { Expr, OdotError } from '@odot/core';

type Family = 'hadamard' | 'matrix';

function family(e: Expr): Family | undefined {
  return e.type === 'Hadamard' ? 'hadamard' : e.type === 'MatMul' ? 'matrix' : undefined;
}

/** True when `e` was written in brackets: the parser widens a bracketed node's span to its brackets. */
function bracketed(e: Expr & { readonly left: Expr; readonly right: Expr }): boolean {
  const s = e.span;
  const l = e.left.span;
  const r = e.right.span;
  if (s === undefined || l === undefined || r === undefined) return true;
  return s.start.offset !== l.start.offset || s.end.offset !== r.end.offset;
}

/**
 * Lint notes on a parsed tree (iterative, so long chains are fine): a Hadamard product and a
 * matrix product mixed at one level without brackets (`A B ⊙ C`) earns a `mixed-products` note,
 * reported once per expression.
 */
export function lintNotes(root: Expr): OdotError[] {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    const f = family(e);
    if (f !== undefined && (e.type === 'Hadamard' || e.type === 'MatMul')) {
      const left = e.left;
      const g = family(left);
      if (g !== undefined && g !== f && (left.type === 'Hadamard' || left.type === 'MatMul') && !bracketed(left)) {
        const span = e.span;
        return [
          odotError(
            'mixed-products',
            'the Hadamard product and the matrix product are mixed without brackets; they are read left to right',
            {
              severity: 'note',
              ...(span === undefined ? {} : { span }),
              hints: [
                f === 'hadamard'
                  ? 'add brackets to show the order: `(A B) ⊙ C` or `A (B ⊙ C)`'
                  : 'add brackets to show the order: `(A ⊙ B) C` or `A ⊙ (B C)`',
              ],
            },
          ),
        ];
      }
    }
    switch (e.type) {
      // The common nodes without allocating a child array (this walk runs on every parse).
      case 'Identifier':
      case 'NumberLiteral':
      case 'Ones':
      case 'Zero':
      case 'Identity':
        break;
      case 'Hadamard':
      case 'MatMul':
      case 'Kronecker':
      case 'Add':
      case 'Sub':
      case 'Equal':
      case 'NotEqual':
        stack.push(e.right, e.left);
        break;
      default:
        for (const c of childrenOf(e)) stack.push(c);
    }
  }
  return [];
}
