import type { DimLiteral, Expr, ExprOf } from '@odot/core';
import { filled, identityOf } from '../dense.ts';
import { parseRational } from '../rational.ts';
import type { EvalState, Want } from './state.ts';
import { NeedsContext, asScalar, dimValue, fail, matrix, merge, scalar } from './state.ts';
import type { GValue } from './types.ts';

/**
 * A bound symbol or index, or `unbound-symbol`. A name that is also a symbolic size (`n` of
 * `A: n×n` used as the number `n A`, declared `n: natural`) is that size: one name, one meaning,
 * so a random draw can never make the number n differ from the size n.
 */
export function evalIdentifier<T>(s: EvalState<T>, node: ExprOf<'Identifier'>): GValue<T> {
  const size = s.ctx.dims.get(node.name);
  if (size !== undefined) return scalar(s.f.fromRational({ num: BigInt(size), den: 1n }) as T);
  const v = s.ctx.env.get(node.name);
  if (v) return v;
  const i = s.indices.get(node.name);
  if (i !== undefined) return scalar(s.f.fromRational({ num: BigInt(i), den: 1n }) as T);
  return fail('unbound-symbol', `unbound symbol ${node.name}: give it a value`, node, {
    hints: [`bind it, e.g. --let ${node.name}=[[1,2],[3,4]]`],
  });
}

/** A number in the field (`not-representable` when it has no value there, e.g. 1/p modulo p). */
export function evalNumber<T>(s: EvalState<T>, node: ExprOf<'NumberLiteral'>): GValue<T> {
  const r = parseRational(node.value);
  if (!r) fail('bad-number', `not a number: ${node.value}`, node);
  const x = s.f.fromRational(r);
  if (x === undefined) fail('not-representable', `${node.value} has no value modulo the prime`, node);
  return scalar(x);
}

/** A literal matrix: every cell a scalar, every row as long as the first. */
export function evalMatrixLiteral<T>(s: EvalState<T>, node: ExprOf<'MatrixLiteral'>): GValue<T> {
  const rows = node.rows.length;
  const cols = node.rows[0]?.length ?? 0;
  const data: T[] = [];
  for (const row of node.rows) {
    if (row.length !== cols) fail('ragged-matrix', `every row of a matrix literal needs ${cols} entries`, node);
    for (const cell of row) data.push(asScalar(s.ev(cell, { scalar: true }), cell, 'a matrix literal entry'));
  }
  return matrix({ rows, cols, data });
}

function sized<T>(s: EvalState<T>, node: Expr, want: Want, rows: DimLiteral | undefined, cols: DimLiteral | undefined): { rows: number; cols: number } {
  const w = merge(s, want, node);
  const r = rows !== undefined ? dimValue(s, rows, node) : w.rows;
  const c = cols !== undefined ? dimValue(s, cols, node) : rows !== undefined ? r : w.cols;
  if (r === undefined || c === undefined) throw new NeedsContext(node);
  return { rows: r, cols: c };
}

/** `J`, `0` and `I`: sized by their subscript, or by what the context and shape inference know. */
export function evalConstant<T>(s: EvalState<T>, node: ExprOf<'Ones' | 'Zero' | 'Identity'>, want: Want): GValue<T> {
  switch (node.type) {
    case 'Ones': {
      const z = sized(s, node, want, node.rows, node.cols);
      return matrix(filled(z.rows, z.cols, s.f.one));
    }
    case 'Zero': {
      if (node.rows === undefined && node.cols === undefined) {
        const w = merge(s, want, node);
        if (w.scalar) return scalar(s.f.zero);
        if (w.rows === undefined || w.cols === undefined) {
          if (s.zeroIsScalar) return scalar(s.f.zero);
          throw new NeedsContext(node);
        }
      }
      const z = sized(s, node, want, node.rows, node.cols);
      return matrix(filled(z.rows, z.cols, s.f.zero));
    }
    case 'Identity': {
      const w = merge(s, want, node);
      const n = node.size !== undefined ? dimValue(s, node.size, node) : (w.rows ?? w.cols);
      if (n === undefined) throw new NeedsContext(node);
      return matrix(identityOf(s.f, n));
    }
  }
}
