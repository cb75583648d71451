import { assertNever } from './assert-never.ts';
import type { Expr } from './expr.ts';
import { childrenOf } from './visitor-keys.ts';

/** True when the two nodes agree on their own (non-child) fields; spans are ignored. */
export function sameLabel(a: Expr, b: Expr): boolean {
  switch (a.type) {
    case 'Identifier':
      return b.type === 'Identifier' && a.name === b.name;
    case 'NumberLiteral':
      return b.type === 'NumberLiteral' && a.kind === b.kind && a.value === b.value;
    case 'MatrixLiteral':
      return (
        b.type === 'MatrixLiteral' &&
        a.rows.length === b.rows.length &&
        a.rows.every((row, i) => row.length === (b.rows[i] as readonly Expr[]).length)
      );
    case 'Ones':
    case 'Zero':
      return b.type === a.type && a.rows === b.rows && a.cols === b.cols;
    case 'Identity':
      return b.type === 'Identity' && a.size === b.size;
    case 'Sum':
      return b.type === 'Sum' && a.index === b.index;
    case 'Claim':
      return b.type === 'Claim' && a.property === b.property;
    case 'Hadamard':
    case 'MatMul':
    case 'Kronecker':
    case 'Add':
    case 'Sub':
    case 'Neg':
    case 'ScalarMul':
    case 'Transpose':
    case 'HadamardPower':
    case 'MatrixPower':
    case 'Inverse':
    case 'Diag':
    case 'DiagVec':
    case 'Trace':
    case 'Det':
    case 'Entry':
    case 'Equal':
    case 'NotEqual':
      return a.type === b.type;
    default:
      return assertNever(a);
  }
}

/** Structural equality of two expressions, ignoring spans; iterative, so deep trees are fine. */
export function exprEquals(a: Expr, b: Expr): boolean {
  const stack: [Expr, Expr][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [Expr, Expr];
    if (x === y) continue;
    if (!sameLabel(x, y)) return false;
    const xs = childrenOf(x);
    const ys = childrenOf(y);
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) stack.push([xs[i] as Expr, ys[i] as Expr]);
  }
  return true;
}
