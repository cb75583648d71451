import { assertNever } from './assert-never.ts';
import type { Expr } from './expr.ts';
import { foldExpr } from './fold-expr.ts';

const cache = new WeakMap<Expr, number>();

function mix(h: number, x: number): number {
  // 32-bit FNV-1a style step on one 32-bit word, then an avalanche multiply.
  h = Math.imul(h ^ x, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

function mixString(h: number, s: string): number {
  h = mix(h, s.length);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

function label(node: Expr): string {
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
 * A structural hash: an unsigned 32-bit number that depends only on the tree (not on spans or
 * object identity) and is the same in every run. Equal trees (`exprEquals`) hash equal.
 */
export function hashExpr(e: Expr): number {
  return foldExpr<number>(e, (node, children) => {
    const known = cache.get(node);
    if (known !== undefined) return known;
    let h = mixString(0x811c9dc5, label(node));
    for (const c of children) h = mix(h, c);
    cache.set(node, h);
    return h;
  });
}
