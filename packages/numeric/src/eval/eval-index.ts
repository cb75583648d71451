import type { Expr, ExprOf } from '@odot/core';
import { OdotException, childrenOf } from '@odot/core';
import { addDense, dims } from '../dense.ts';
import { parseRational } from '../rational.ts';
import type { EvalState, Want } from './state.ts';
import { NONE, NeedsContext, asMatrix, at, binaryShapeError, fail, matrix, scalar } from './state.ts';
import type { GValue } from './types.ts';
import { readBlockPosition } from './block-position.ts';

/** The integer value of an exponent or index expression; an unbound index in 1..`range` may be picked by `freeIndex`. */
export function intOf<T>(s: EvalState<T>, node: Expr, purpose: 'exponent' | 'index', range?: number): number {
  switch (node.type) {
    case 'NumberLiteral': {
      const r = parseRational(node.value);
      if (!r || r.den !== 1n) fail('not-integer', `the ${purpose} must be an integer, got ${node.value}`, node);
      return Number(r.num);
    }
    case 'Neg':
      return -intOf(s, node.operand, purpose, range);
    case 'Add':
      return intOf(s, node.left, purpose) + intOf(s, node.right, purpose);
    case 'Sub':
      return intOf(s, node.left, purpose) - intOf(s, node.right, purpose);
    case 'MatMul':
      return intOf(s, node.left, purpose) * intOf(s, node.right, purpose);
    case 'ScalarMul':
      return intOf(s, node.scalar, purpose) * intOf(s, node.operand, purpose);
    case 'Zero':
      return 0;
    case 'Identifier':
      return boundInt(s, node, purpose, range);
    default:
      return fail('not-integer', `the ${purpose} must be an integer expression`, node);
  }
}

function boundInt<T>(s: EvalState<T>, node: ExprOf<'Identifier'>, purpose: 'exponent' | 'index', range?: number): number {
  const bound = s.indices.get(node.name) ?? s.ctx.dims.get(node.name); // a size name is that size (see evalIdentifier)
  if (bound !== undefined) return bound;
  const v = s.ctx.env.get(node.name);
  if (v && v.k === 'scalar') {
    const x = s.f.toInteger(v.v);
    if (x !== undefined) return x;
  }
  if (purpose === 'index' && range !== undefined && s.ctx.freeIndex) {
    const picked = s.ctx.freeIndex(node.name, range);
    s.indices.set(node.name, picked);
    return picked;
  }
  return fail(purpose === 'index' ? 'unbound-index' : 'unbound-symbol', `unbound ${purpose} ${node.name}: give it an integer value`, node);
}

/** An entry `A[i,j]` (1-based); entry (1,1) of a scalar is the scalar. */
export function evalEntry<T>(s: EvalState<T>, node: ExprOf<'Entry'>): GValue<T> {
  const v = s.ev(node.matrix, NONE);
  if (v.k === 'scalar') {
    const i = intOf(s, node.row, 'index', 1);
    const j = intOf(s, node.col, 'index', 1);
    if (i !== 1 || j !== 1) fail('index-out-of-range', `entry (${i},${j}) of a scalar`, node);
    return v;
  }
  const m = asMatrix(v, node, 'an entry');
  const i = intOf(s, node.row, 'index', m.rows);
  const j = intOf(s, node.col, 'index', m.cols);
  if (i < 1 || i > m.rows || j < 1 || j > m.cols) {
    fail('index-out-of-range', `entry (${i},${j}) is outside the ${dims(m)} matrix (indices are 1-based)`, node);
  }
  return scalar(m.data[(i - 1) * m.cols + (j - 1)] as T);
}

/** The size of the matrix an entry subscripts along each axis, or undefined when it depends on other indices (or on context). */
function entrySizes<T>(s: EvalState<T>, e: ExprOf<'Entry'>): readonly [number, number] | undefined {
  try {
    const m = s.ev(e.matrix, NONE);
    return m.k === 'matrix' ? [m.m.rows, m.m.cols] : undefined;
  } catch (error) {
    // Other entries may still tell the range.
    if (!(error instanceof OdotException || error instanceof NeedsContext)) throw error;
    return undefined;
  }
}

/**
 * The range `index` has at one position of an entry along an axis of `size` entries: the size when
 * the position is the index itself; for a block position `(u - 1) q + v`, q for the inner index v
 * and size / q for the outer index u (q must divide the size). Undefined when it is not there.
 */
function positionRange<T>(s: EvalState<T>, position: Expr, index: string, size: number): { readonly range: number; readonly stable: boolean } | undefined {
  if (position.type === 'Identifier') return position.name === index ? { range: size, stable: true } : undefined;
  const block = readBlockPosition(position);
  if (!block || (block.outer !== index && block.inner !== index)) return undefined;
  let q: number;
  try {
    q = intOf(s, block.size, 'index');
  } catch (error) {
    if (!(error instanceof OdotException || error instanceof NeedsContext)) throw error;
    return undefined;
  }
  // A block size written with a bound index (`(u - 1) k + v` under Σ_k) changes from one term to the next.
  const stable = !mentionsBound(s, block.size);
  if (block.inner === index) return { range: q, stable };
  if (q < 1 || size % q !== 0) {
    fail('shape-mismatch', `the block size ${q} of the sum index ${index} does not divide the size ${size} it indexes`, position);
  }
  return { range: size / q, stable };
}

/** Whether the expression names an index bound at this point of the evaluation. */
function mentionsBound<T>(s: EvalState<T>, e: Expr): boolean {
  const pending: Expr[] = [e];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === 'Identifier' && s.indices.has(node.name)) return true;
    pending.push(...childrenOf(node));
  }
  return false;
}

/** The ranges the sum's index takes in the entries of its body (a nested sum over the same index shadows it), and whether they cannot change within the evaluation. */
function rangesInBody<T>(s: EvalState<T>, node: ExprOf<'Sum'>): { readonly found: number[]; readonly stable: boolean } {
  const found: number[] = [];
  let stable = true;
  const pending: Expr[] = [node.body];
  for (let e = pending.pop(); e !== undefined; e = pending.pop()) {
    if (e.type === 'Sum' && e.index === node.index) continue;
    if (e.type === 'Entry' && mentions(e, node.index)) {
      const sizes = entrySizes(s, e);
      if (sizes) {
        for (const [position, size] of [[e.row, sizes[0]], [e.col, sizes[1]]] as const) {
          const range = positionRange(s, position, node.index, size);
          if (range !== undefined) found.push(range.range);
          if (range !== undefined && !range.stable) stable = false;
        }
      }
    }
    pending.push(...childrenOf(e).reverse());
  }
  return { found, stable };
}

/** Whether the entry's row or column names `index` (itself, or inside a block position). */
function mentions(e: ExprOf<'Entry'>, index: string): boolean {
  return [e.row, e.col].some((p) => {
    if (p.type === 'Identifier') return p.name === index;
    const block = readBlockPosition(p);
    return block !== undefined && (block.outer === index || block.inner === index);
  });
}

/** The range of a sum's index: given, or the one size of every matrix it subscripts. */
function sumRange<T>(s: EvalState<T>, node: ExprOf<'Sum'>): number {
  const given = s.ctx.sumRanges.get(node.index);
  if (given !== undefined) return given;
  // Sizes do not change within an evaluation (a bare 0's second reading aside): an inner sum's range is found once.
  const cached = s.zeroIsScalar ? undefined : s.sumRangeCache.get(node);
  if (cached !== undefined) return cached;
  const { found, stable } = rangesInBody(s, node);
  const first = found[0];
  if (first === undefined) {
    fail('unknown-range', `cannot tell the range of ${node.index} in the sum: index a matrix with it, or give its range`, node);
  }
  if (found.some((n) => n !== first)) {
    fail('shape-mismatch', `the sum index ${node.index} ranges over different sizes (${[...new Set(found)].join(', ')})`, node);
  }
  if (stable && !s.zeroIsScalar) s.sumRangeCache.set(node, first);
  return first;
}

/** `Σ_k body`: the body evaluated with k = 1..range and added up (the empty sum is 0). */
export function evalSum<T>(s: EvalState<T>, node: ExprOf<'Sum'>, want: Want): GValue<T> {
  const n = sumRange(s, node);
  const before = s.indices.get(node.index);
  let acc: GValue<T> | undefined;
  try {
    for (let k = 1; k <= n; k++) {
      s.indices.set(node.index, k);
      const term = s.ev(node.body, want);
      if (acc === undefined) acc = term;
      else if (acc.k === 'scalar' && term.k === 'scalar') acc = scalar(s.f.add(acc.v, term.v));
      else if (acc.k === 'matrix' && term.k === 'matrix') {
        const prev = acc.m;
        acc = matrix(at(node, () => addDense(s.f, prev, term.m)));
      } else binaryShapeError(node, acc, term);
    }
  } finally {
    if (before === undefined) s.indices.delete(node.index);
    else s.indices.set(node.index, before);
  }
  return acc ?? scalar(s.f.zero);
}
