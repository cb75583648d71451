import type { Expr } from './expr.ts';
import { foldExpr } from './fold-expr.ts';
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
  return foldExpr<number>(e, (node, children) => {
    const known = cache.get(node);
    if (known !== undefined) return known;
    let h = mixString(0x811c9dc5, nodeLabel(node));
    for (const c of children) h = mix(h, c);
    cache.set(node, h);
    return h;
  });
}
