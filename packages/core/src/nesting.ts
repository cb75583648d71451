import { odotError, type OdotError } from './error.ts';
import type { Expr } from './expr.ts';
import { tick } from './budget.ts';
import { VISITOR_KEYS } from './visitor-keys.ts';

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
  // Cached per tree and chain set: callers that evaluate one tree many times read it once.
  let cache = CACHES.get(chains);
  if (!cache) CACHES.set(chains, (cache = new WeakMap()));
  const known = cache.get(expr);
  if (known !== undefined) return known;
  const depth = deepestLevel(expr, chains);
  cache.set(expr, depth);
  return depth;
}

/**
 * The same depth read top-down: the root is at level 1, a child one level below its parent except
 * the left operand of a chain operator, which stays at its parent's level; the depth is the
 * deepest level. Pre-order over an explicit stack (two parallel arrays), each node ticking the
 * active budgets; no closure or result list per node, as a bottom-up fold would need.
 */
function deepestLevel(root: Expr, chains: ReadonlySet<Expr['type']>): number {
  const nodes: Expr[] = [root];
  const levels: number[] = [1];
  let deepest = 0;
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    tick();
    const level = levels.pop() ?? 1;
    if (level > deepest) deepest = level;
    const chain = chains.has(node.type);
    const record = node as unknown as Record<string, unknown>;
    for (const key of VISITOR_KEYS[node.type]) {
      const value = record[key];
      if (key === 'rows') {
        for (const cell of (value as readonly (readonly Expr[])[]).flat()) {
          nodes.push(cell);
          levels.push(level + 1);
        }
      } else {
        nodes.push(value as Expr);
        levels.push(chain && key === 'left' ? level : level + 1);
      }
    }
  }
  return deepest;
}

const CACHES = new WeakMap<ReadonlySet<Expr['type']>, WeakMap<Expr, number>>();

/** The `too-deep` error of `what` (a command or function) for input nested deeper than `limit`. */
export function tooDeep(what: string, limit: number = MAX_DEPTH): OdotError {
  return odotError('too-deep', `${what}: the expression is nested more than ${limit} levels deep`, {
    hints: ['split it into smaller parts, or group long chains with fewer brackets'],
  });
}
