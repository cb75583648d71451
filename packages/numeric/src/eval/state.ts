import type { DimLiteral, Expr, OdotError } from '@odot/core';
import { OdotException, odotError } from '@odot/core';
import type { Dense } from '../dense.ts';
import { dims } from '../dense.ts';
import type { Field } from '../field.ts';
import type { GValue, GenericContext } from './types.ts';

/** What the parent knows about a node's shape. */
export interface Want {
  readonly scalar?: boolean;
  readonly rows?: number;
  readonly cols?: number;
}

/** Nothing known about the shape. */
export const NONE: Want = {};

/** One evaluation in progress: the context, the bound indices, and the recursive step. */
export interface EvalState<T> {
  readonly ctx: GenericContext<T>;
  readonly f: Field<T>;
  /** Values of the indices bound so far (free indices and the indices of enclosing sums). */
  readonly indices: Map<string, number>;
  /** Set on the second attempt, when a bare `0` that nothing sizes is read as the scalar 0. */
  zeroIsScalar: boolean;
  /** Evaluates a child given what the parent knows of its shape. */
  readonly ev: (node: Expr, want: Want) => GValue<T>;
  /** The range of each sum found so far, when it cannot change within this evaluation (an inner sum is entered once per outer index value). */
  readonly sumRangeCache: Map<Expr, number>;
}

/** Thrown by a bare `J`, `0`, `I` when nothing in its context fixes its size. */
export class NeedsContext extends Error {
  readonly node: Expr;
  constructor(node: Expr) {
    super('needs context');
    this.node = node;
  }
}

/** Throws the diagnostic `code` at `node`'s span. */
export function fail(code: string, message: string, node: Expr, extra: Partial<OdotError> = {}): never {
  const e = odotError(code, message, node.span ? { span: node.span, ...extra } : extra);
  throw new OdotException(e);
}

/** Runs `fn`; span-less diagnostics from the linear algebra get the operator node's span. */
export function at<R>(node: Expr, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OdotException && !e.error.span && node.span) {
      throw new OdotException({ ...e.error, span: node.span });
    }
    throw e;
  }
}

/** A scalar value. */
export const scalar = <T>(v: T): GValue<T> => ({ k: 'scalar', v });

/** A matrix value. */
export const matrix = <T>(m: Dense<T>): GValue<T> => ({ k: 'matrix', m });

/** A value's shape as text for messages. */
export function shapeText<T>(v: GValue<T>): string {
  return v.k === 'matrix' ? dims(v.m) : v.k === 'scalar' ? 'scalar' : 'boolean';
}

const OPS: Partial<Record<Expr['type'], string>> = {
  Hadamard: '⊙',
  MatMul: 'matrix product',
  Kronecker: '⊗',
  Add: '+',
  Sub: '−',
  Equal: '=',
  NotEqual: '≠',
};

/** Throws the `shape-mismatch` of a binary node with the operands' shapes. */
export function binaryShapeError<T>(node: Expr, l: GValue<T>, r: GValue<T>): never {
  return fail('shape-mismatch', `${OPS[node.type] ?? node.type}: left is ${shapeText(l)}, right is ${shapeText(r)}`, node);
}

/** The matrix in `v`, or a `shape-mismatch` naming `what` needed it. */
export function asMatrix<T>(v: GValue<T>, node: Expr, what: string): Dense<T> {
  if (v.k !== 'matrix') fail('shape-mismatch', `${what} needs a matrix, got a ${shapeText(v)}`, node);
  return v.m;
}

/** The scalar in `v`, or a `shape-mismatch` naming `what` needed it. */
export function asScalar<T>(v: GValue<T>, node: Expr, what: string): T {
  if (v.k !== 'scalar') fail('shape-mismatch', `${what} needs a scalar, got a ${shapeText(v)}`, node);
  return v.v;
}

/** What a computed value tells a sibling about its shape. */
export function wantOf<T>(v: GValue<T>): Want {
  return v.k === 'matrix' ? { rows: v.m.rows, cols: v.m.cols } : v.k === 'scalar' ? { scalar: true } : NONE;
}

/** The parent's knowledge merged with shape inference's (the parent's wins). */
export function merge<T>(s: EvalState<T>, want: Want, node: Expr): Want {
  const o = s.ctx.shapeOf?.(node);
  const known: Want = o === undefined ? NONE : o === 'scalar' ? { scalar: true } : { rows: o.rows, cols: o.cols };
  return {
    ...(want.scalar || known.scalar ? { scalar: true } : {}),
    ...(want.rows !== undefined ? { rows: want.rows } : known.rows !== undefined ? { rows: known.rows } : {}),
    ...(want.cols !== undefined ? { cols: want.cols } : known.cols !== undefined ? { cols: known.cols } : {}),
  };
}

/** The size of a written dimension (`3`, `n`), or `unknown-size`. */
export function dimValue<T>(s: EvalState<T>, d: DimLiteral, node: Expr): number {
  if (typeof d === 'number') return d;
  const n = s.ctx.dims.get(d) ?? (/^\d+$/.test(d) ? Number(d) : undefined);
  if (n === undefined) fail('unknown-size', `the size ${d} is not known: declare a matrix of size ${d} and bind it`, node);
  return n;
}

/** Evaluates two operands that must agree in shape; a context-sized side takes the other's shape. */
export function pair<T>(s: EvalState<T>, left: Expr, right: Expr, want: Want): [GValue<T>, GValue<T>] {
  try {
    const l = s.ev(left, want);
    return [l, s.ev(right, want.rows !== undefined || want.scalar ? want : wantOf(l))];
  } catch (e) {
    if (!(e instanceof NeedsContext)) throw e;
    const r = s.ev(right, want);
    return [s.ev(left, wantOf(r)), r];
  }
}
