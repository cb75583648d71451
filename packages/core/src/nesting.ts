import { odotError, type OdotError } from './error.ts';
import type { Expr } from './expr.ts';
import { foldTree } from './fold-tree.ts';
import { childrenOf } from './visitor-keys.ts';

/**
 * The deepest nesting the recursive walks over an expression take (the parser's bracket limit, the
 * evaluator, the proof checker's lines): deeper input is answered with `too-deep` (`tooDeep`)
 * before any walk starts, so no walk relies on the call stack running out.
 */
export const MAX_DEPTH = 1000;

/** The binary operators whose left-to-right chains (`A + B + …`) every walker takes in a loop. */
export const CHAIN_TYPES: ReadonlySet<Expr['type']> = new Set(['Add', 'Sub', 'Hadamard', 'MatMul', 'Kronecker']);

/**
 * The nesting depth of an expression, computed without recursion: a leaf is 1, a node one more
 * than its deepest child, except that the left operand of an operator in `chains` counts at its
 * parent's level (a long chain `A + B − C ⊙ D …` is walked in a loop, not nested). With no chain
 * types it is the plain depth of the tree.
 */
export function nestingDepth(expr: Expr, chains: ReadonlySet<Expr['type']> = CHAIN_TYPES): number {
  // Cached per node and chain set: callers that evaluate one tree many times read it once.
  let cache = CACHES.get(chains);
  if (!cache) CACHES.set(chains, (cache = new WeakMap()));
  const known = cache;
  const hooks = { known: (node: Expr) => known.get(node), done: (node: Expr, depth: number) => known.set(node, depth) };
  return foldTree<Expr, number>(expr, (node) => {
    const children = childrenOf(node);
    return {
      children,
      combine: (depths) => {
        let deepest = 0;
        depths.forEach((d, i) => {
          const own = i === 0 && children.length === 2 && chains.has(node.type) ? d - 1 : d;
          if (own > deepest) deepest = own;
        });
        return 1 + deepest;
      },
    };
  }, hooks);
}

const CACHES = new WeakMap<ReadonlySet<Expr['type']>, WeakMap<Expr, number>>();

/** The `too-deep` error of `what` (a command or function) for input nested deeper than `limit`. */
export function tooDeep(what: string, limit: number = MAX_DEPTH): OdotError {
  return odotError('too-deep', `${what}: the expression is nested more than ${limit} levels deep`, {
    hints: ['split it into smaller parts, or group long chains with fewer brackets'],
  });
}
