import { assertNever } from './assert-never.ts';
import type { DimLiteral, Expr } from './expr.ts';

function list(head: string, parts: readonly string[]): string {
  return `(${[head, ...parts].join(' ')})`;
}

function constant(letter: string, dims: readonly (DimLiteral | undefined)[]): string {
  const given = dims.filter((d): d is DimLiteral => d !== undefined).map(String);
  return given.length === 0 ? letter : list(letter, given);
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
  const open = (head: string, items: readonly (Expr | string)[]): void => {
    out.push(`(${head}`);
    stack.push(')');
    for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as Expr | string, ' ');
  };
  while (stack.length > 0) {
    const node = stack.pop() as Expr | string;
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    switch (node.type) {
      case 'Identifier':
        out.push(node.name);
        break;
      case 'NumberLiteral':
        out.push(node.value);
        break;
      case 'MatrixLiteral': {
        const items: (Expr | string)[] = [];
        node.rows.forEach((row, r) => {
          if (r > 0) items.push(' ');
          items.push('(');
          row.forEach((e, c) => {
            if (c > 0) items.push(' ');
            items.push(e);
          });
          items.push(')');
        });
        out.push('(matrix ');
        stack.push(')');
        for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as Expr | string);
        break;
      }
      case 'Hadamard':
        open('hadamard', [node.left, node.right]);
        break;
      case 'MatMul':
        open('matmul', [node.left, node.right]);
        break;
      case 'Kronecker':
        open('kron', [node.left, node.right]);
        break;
      case 'Add':
        open('add', [node.left, node.right]);
        break;
      case 'Sub':
        open('sub', [node.left, node.right]);
        break;
      case 'Neg':
        open('neg', [node.operand]);
        break;
      case 'ScalarMul':
        open('smul', [node.scalar, node.operand]);
        break;
      case 'Transpose':
        open('transpose', [node.operand]);
        break;
      case 'HadamardPower':
        open('hpow', [node.base, node.exponent]);
        break;
      case 'MatrixPower':
        open('mpow', [node.base, node.exponent]);
        break;
      case 'Inverse':
        open('inv', [node.operand]);
        break;
      case 'Ones':
        out.push(constant('J', [node.rows, node.cols]));
        break;
      case 'Zero':
        out.push(constant('O', [node.rows, node.cols]));
        break;
      case 'Identity':
        out.push(constant('I', [node.size]));
        break;
      case 'Diag':
        open('diag', [node.operand]);
        break;
      case 'DiagVec':
        open('diagvec', [node.operand]);
        break;
      case 'Trace':
        open('tr', [node.operand]);
        break;
      case 'Det':
        open('det', [node.operand]);
        break;
      case 'Entry':
        open('entry', [node.matrix, node.row, node.col]);
        break;
      case 'Sum':
        open('sum', [node.index, node.body]);
        break;
      case 'Equal':
        open('=', [node.left, node.right]);
        break;
      case 'NotEqual':
        open('!=', [node.left, node.right]);
        break;
      case 'Claim':
        open(node.property, [node.operand]);
        break;
      default:
        assertNever(node);
    }
  }
  return out.join('');
}
