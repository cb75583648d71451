import type { DimLiteral, Expr, ExprType } from './expr.ts';
import { childrenOf } from './visitor-keys.ts';

function list(head: string, parts: readonly string[]): string {
  return `(${[head, ...parts].join(' ')})`;
}

function constant(letter: string, dims: readonly (DimLiteral | undefined)[]): string {
  const given = dims.filter((d): d is DimLiteral => d !== undefined).map(String);
  return given.length === 0 ? letter : list(letter, given);
}

/** The head of each operator's list; the children follow in visitor-key order (`childrenOf`). */
const HEADS = {
  Hadamard: 'hadamard',
  MatMul: 'matmul',
  Kronecker: 'kron',
  Add: 'add',
  Sub: 'sub',
  Neg: 'neg',
  ScalarMul: 'smul',
  Transpose: 'transpose',
  HadamardPower: 'hpow',
  MatrixPower: 'mpow',
  Inverse: 'inv',
  Diag: 'diag',
  DiagVec: 'diagvec',
  Trace: 'tr',
  Det: 'det',
  Entry: 'entry',
  Equal: '=',
  NotEqual: '!=',
} as const satisfies Partial<Record<ExprType, string>>;

/** What a node prints as: a whole token, or a list (its head and its items, children or text). */
type Printed = { readonly atom: string } | { readonly head: string; readonly items: readonly (Expr | string)[] };

function printed(node: Expr): Printed {
  switch (node.type) {
    case 'Identifier':
      return { atom: node.name };
    case 'NumberLiteral':
      return { atom: node.value };
    case 'Ones':
      return { atom: constant('J', [node.rows, node.cols]) };
    case 'Zero':
      return { atom: constant('O', [node.rows, node.cols]) };
    case 'Identity':
      return { atom: constant('I', [node.size]) };
    case 'MatrixLiteral':
      return { head: 'matrix', items: node.rows.flatMap((row, r) => [...(r > 0 ? [' '] : []), '(', ...row.flatMap((e, c) => (c > 0 ? [' ', e] : [e])), ')']) };
    case 'Sum':
      return { head: 'sum', items: [node.index, node.body] };
    case 'Claim':
      return { head: node.property, items: [node.operand] };
    default:
      return { head: HEADS[node.type], items: childrenOf(node) };
  }
}

/**
 * A compact S-expression for snapshots and debugging: `(hadamard A B)`, `(matmul A (hadamard B C))`,
 * `(smul 2 A)`, `(transpose A)`, `(hpow A 2)`, `(mpow A 2)`, `(inv A)`, `J`, `(J m n)`, `O`, `I`,
 * `(I n)`, `(matrix (1 2) (3 4))`, `(entry A i j)`, `(sum k …)`, `(= L R)`, `(!= L R)`, `(psd X)`.
 * Iterative, so long chains print without deep recursion.
 */
export function printSexpr(expr: Expr): string {
  // Emits tokens from an explicit stack: linear time and no recursion, even for 100 000-deep chains.
  const out: string[] = [];
  const stack: (Expr | string)[] = [expr];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    const p = printed(node);
    if ('atom' in p) {
      out.push(p.atom);
      continue;
    }
    out.push(`(${p.head}`);
    stack.push(')');
    // Matrix rows carry their own spacing; operator children are each preceded by a space.
    const spaced = node.type === 'MatrixLiteral' ? p.items : p.items.flatMap((item) => [' ', item]);
    if (node.type === 'MatrixLiteral') stack.push(...[...spaced].reverse(), ' ');
    else stack.push(...[...spaced].reverse());
  }
  return out.join('');
}
