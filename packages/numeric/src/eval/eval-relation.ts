import type { ExprOf } from '@odot/core';
import type { Dense } from '../dense.ts';
import { denseEquals } from '../dense.ts';
import type { EvalState } from './state.ts';
import { NONE, asMatrix, at, binaryShapeError, pair } from './state.ts';
import type { GValue } from './types.ts';

/** `=` and `≠` between two values of one shape (floats compare through the context's tolerance). */
export function evalRelation<T>(s: EvalState<T>, node: ExprOf<'Equal' | 'NotEqual'>): GValue<T> {
  const [l, r] = pair(s, node.left, node.right, NONE);
  const eq = s.ctx.equalValues;
  let same: boolean;
  if (l.k === 'scalar' && r.k === 'scalar') {
    const a: Dense<T> = { rows: 1, cols: 1, data: [l.v] };
    const b: Dense<T> = { rows: 1, cols: 1, data: [r.v] };
    same = eq ? eq(a, b) : s.f.equals(l.v, r.v);
  } else if (l.k === 'matrix' && r.k === 'matrix') {
    if (l.m.rows !== r.m.rows || l.m.cols !== r.m.cols) return binaryShapeError(node, l, r);
    same = eq ? eq(l.m, r.m) : denseEquals(s.f, l.m, r.m);
  } else if (l.k === 'bool' && r.k === 'bool') {
    same = l.v === r.v;
  } else {
    return binaryShapeError(node, l, r);
  }
  return { k: 'bool', v: node.type === 'Equal' ? same : !same };
}

/** A property claim (`psd(X)`, `X ⪰ 0`) decided by the context's field-specific test. */
export function evalClaim<T>(s: EvalState<T>, node: ExprOf<'Claim'>): GValue<T> {
  const v = s.ev(node.operand, NONE);
  const m: Dense<T> = v.k === 'scalar' ? { rows: 1, cols: 1, data: [v.v] } : asMatrix(v, node, node.property);
  return { k: 'bool', v: at(node, () => s.ctx.claim(node.property, m, node.span)) };
}
