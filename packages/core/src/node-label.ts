import { assertNever } from './assert-never.ts';
import type { Expr } from './expr.ts';

/**
 * A node's own (non-child) data as text: its type and its name, value, sizes, index or property.
 * Spans are left out. Two nodes with equal labels and equal children are equal trees; the
 * structural hash and structural equality both build on it.
 */
export function nodeLabel(node: Expr): string {
  switch (node.type) {
    case 'Identifier':
      return `Identifier:${node.name}`;
    case 'NumberLiteral':
      return `NumberLiteral:${node.kind}:${node.value}`;
    case 'MatrixLiteral':
      return `MatrixLiteral:${node.rows.map((r) => r.length).join(',')}`;
    case 'Ones':
    case 'Zero':
      return `${node.type}:${typeof node.rows}:${String(node.rows)}:${typeof node.cols}:${String(node.cols)}`;
    case 'Identity':
      return `Identity:${typeof node.size}:${String(node.size)}`;
    case 'Sum':
      return `Sum:${node.index}`;
    case 'Claim':
      return `Claim:${node.property}`;
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
      return node.type;
    default:
      return assertNever(node);
  }
}
