import type { Expr, ExprOf } from '@odot/core';
import { addDense, hadamardDense, subDense } from '../dense.ts';
import type { EvalState, Want } from './state.ts';
import { NONE, NeedsContext, binaryShapeError, matrix, pair, scalar, wantOf } from './state.ts';
import type { GValue } from './types.ts';

/** The entrywise binary nodes: `+`, `−`, `⊙`. */
export type EntrywiseNode = ExprOf<'Add' | 'Sub' | 'Hadamard'>;

/** Chains at least this long are evaluated iteratively. */
const CHAIN = 64;

/** True for a left-nested chain of `+`, `−`, `⊙` at least `CHAIN` deep. */
export function isChain(node: Expr): boolean {
  let n: Expr = node;
  for (let depth = 0; depth < CHAIN; depth++) {
    if (n.type !== 'Add' && n.type !== 'Sub' && n.type !== 'Hadamard') return false;
    n = n.left;
  }
  return true;
}

/** Combines two values of one `+`, `−`, `⊙` node (scalars add and subtract; matrices must agree in shape). */
export function combine<T>(s: EvalState<T>, node: EntrywiseNode, l: GValue<T>, r: GValue<T>): GValue<T> {
  const f = s.f;
  if (node.type !== 'Hadamard' && l.k === 'scalar' && r.k === 'scalar') return scalar(node.type === 'Add' ? f.add(l.v, r.v) : f.sub(l.v, r.v));
  if (l.k !== 'matrix' || r.k !== 'matrix') return binaryShapeError(node, l, r);
  if (l.m.rows !== r.m.rows || l.m.cols !== r.m.cols) return binaryShapeError(node, l, r);
  if (node.type === 'Hadamard') return matrix(hadamardDense(f, l.m, r.m));
  return matrix(node.type === 'Add' ? addDense(f, l.m, r.m) : subDense(f, l.m, r.m));
}

/** One `+`, `−` or `⊙` node; a context-sized operand takes the other's shape. */
export function evalEntrywise<T>(s: EvalState<T>, node: EntrywiseNode, want: Want): GValue<T> {
  const [l, r] = pair(s, node.left, node.right, want);
  return combine(s, node, l, r);
}

/**
 * A long left-nested chain of `+`, `−`, `⊙` (`A + A + … + A`, thousands of terms) is evaluated
 * iteratively, so long sums do not exhaust the stack. Every operand has the chain's shape.
 */
export function evalChain<T>(s: EvalState<T>, top: Expr, want: Want): GValue<T> {
  const spine: EntrywiseNode[] = [];
  let node: Expr = top;
  while (node.type === 'Add' || node.type === 'Sub' || node.type === 'Hadamard') {
    spine.push(node);
    node = node.left;
  }
  spine.reverse();
  const operands: Expr[] = [node, ...spine.map((n) => n.right)];
  let shared: Want = want;
  if (shared.rows === undefined && !shared.scalar) {
    for (const operand of operands) {
      try {
        shared = wantOf(s.ev(operand, NONE));
        break;
      } catch (e) {
        if (!(e instanceof NeedsContext)) throw e;
      }
    }
  }
  let acc = s.ev(node, shared);
  spine.forEach((n, i) => {
    acc = combine(s, n, acc, s.ev(operands[i + 1] as Expr, shared));
    if (n !== top) s.ctx.observe?.(n, acc);
  });
  return acc;
}
