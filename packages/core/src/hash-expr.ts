import type { Expr } from './expr.ts';
import { foldTree } from './fold-tree.ts';
import { childrenOf } from './visitor-keys.ts';
import { nodeLabel } from './node-label.ts';

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

/**
 * A structural hash: an unsigned 32-bit number that depends only on the tree (not on spans or
 * object identity) and is the same in every run. Equal trees (`exprEquals`) hash equal.
 */
export function hashExpr(e: Expr): number {
  // A subtree hashed before is not walked again (its hash is cached per node object).
  const combine = (node: Expr, children: readonly number[]): number => {
    let h = mixString(0x811c9dc5, nodeLabel(node));
    for (const c of children) h = mix(h, c);
    return h;
  };
  return foldTree<Expr, number>(e, (node) => ({ children: childrenOf(node), combine: (results) => combine(node, results) }), {
    known: (node) => cache.get(node),
    done: (node, h) => cache.set(node, h),
  });
}
