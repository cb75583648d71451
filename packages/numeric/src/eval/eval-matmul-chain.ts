import type { Expr, ExprOf } from '@odot/core';
import { times } from './eval-product.ts';
import type { EvalState, Want } from './state.ts';
import { NeedsContext } from './state.ts';
import type { GValue } from './types.ts';

/** Matrix-product chains at least this long are evaluated iteratively (`A A … A`, thousands of factors). */
const CHAIN = 64;

/** True for a left-nested chain of matrix products (`A B C …`) at least `CHAIN` factors deep. */
export function isMatMulChain(node: Expr): boolean {
  let n: Expr = node;
  for (let depth = 0; depth < CHAIN; depth++) {
    if (n.type !== 'MatMul') return false;
    n = n.left;
  }
  return true;
}

/** What a chain's factor is asked to be: rows from the factor before it, the chain's columns for the last. */
function wantFor(rows: number | undefined, cols: number | undefined): Want {
  return { ...(rows === undefined ? {} : { rows }), ...(cols === undefined ? {} : { cols }) };
}

/**
 * A long left-nested matrix-product chain, evaluated in a loop (a flat chain is not deep): factors
 * left to right, each asked for the rows the previous factor's columns give, the product folded in
 * as soon as the factors so far are known. A bare `J`, `0`, `I` that needs its size from the right
 * (`A J B`) waits until the next factor is known, as the recursive evaluation sizes it.
 */
export function evalMatMulChain<T>(s: EvalState<T>, top: ExprOf<'MatMul'>, want: Want): GValue<T> {
  const spine: ExprOf<'MatMul'>[] = [];
  let node: Expr = top;
  while (node.type === 'MatMul') {
    spine.push(node);
    node = node.left;
  }
  spine.reverse();
  const factors: Expr[] = [node, ...spine.map((n) => n.right)];
  const last = factors.length - 1;
  const values: (GValue<T> | undefined)[] = new Array<GValue<T> | undefined>(factors.length);
  const waiting = new Map<number, NeedsContext>();
  let acc: GValue<T> | undefined;
  let folded = 0;
  const fold = (): void => {
    for (let v = values[folded]; v !== undefined; v = values[folded]) {
      const at = spine[folded - 1];
      acc = acc === undefined || at === undefined ? v : times(s, at, acc, v);
      if (at !== undefined && at !== top) s.ctx.observe?.(at, acc);
      folded += 1;
    }
  };
  /** Rows factor `i` must have: the columns of the matrix before it (scalars pass them on), the chain's rows first. */
  const rowsOf = (i: number): number | undefined => {
    for (let j = i - 1; j >= 0; j--) {
      const v = values[j];
      if (v === undefined || v.k === 'bool') return undefined;
      if (v.k === 'matrix') return v.m.cols;
    }
    return want.rows;
  };
  const colsOf = (i: number): number | undefined => {
    if (i === last) return want.cols;
    const next = values[i + 1];
    return next?.k === 'matrix' ? next.m.rows : undefined;
  };
  const tryFactor = (i: number): boolean => {
    try {
      values[i] = s.ev(factors[i] as Expr, wantFor(rowsOf(i), waiting.has(i) ? colsOf(i) : i === last ? want.cols : undefined));
      waiting.delete(i);
      return true;
    } catch (e) {
      if (!(e instanceof NeedsContext)) throw e;
      waiting.set(i, e);
      return false;
    }
  };
  for (let i = 0; i <= last; i++) {
    if (!tryFactor(i)) continue;
    // Factors waiting for their size from this one, nearest first.
    for (let j = i - 1; j >= 0 && values[j] === undefined; j--) if (!tryFactor(j)) break;
    fold();
  }
  const first = [...waiting.entries()].sort(([a], [b]) => a - b)[0];
  if (first) throw first[1];
  return acc as GValue<T>;
}
