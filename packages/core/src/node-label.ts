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

/**
 * A node's own data as a reader sees it, for tree views (the playground's parse tree):
 * `Identifier A`, `Number 2`, `Matrix 2×3`, `Ones 2×3`, `Identity n`, `Sum over k`, `Claim psd`;
 * nodes with no own data are their type (`Hadamard`).
 */
export function nodeCaption(node: Expr): string {
  switch (node.type) {
    case 'Identifier':
      return `Identifier ${node.name}`;
    case 'NumberLiteral':
      return `Number ${node.value}`;
    case 'MatrixLiteral':
      return `Matrix ${node.rows.length}×${node.rows[0]?.length ?? 0}`;
    case 'Ones':
    case 'Zero':
      return node.rows === undefined ? node.type : `${node.type} ${node.rows}×${node.cols ?? node.rows}`;
    case 'Identity':
      return node.size === undefined ? 'Identity' : `Identity ${node.size}`;
    case 'Sum':
      return `Sum over ${node.index}`;
    case 'Claim':
      return `Claim ${node.property}`;
    default:
      return nodeLabel(node);
  }
}
