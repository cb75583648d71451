import type { Expr, Givens, Result, Shape, SymbolInfo } from '@odot/core';
import { dimSize, fail, inferShapes, matrixShape, OdotException, ok, SCALAR } from '@odot/core';
import type { ConcreteShape } from './evaluate-generic.ts';

/** A size oracle: the concrete shape of a node, when shape inference fixes it. */
export type ShapeOracle = (node: Expr) => ConcreteShape | undefined;

/** A concrete shape, when every dimension is known. */
export function concreteShape(s: Shape, dims: ReadonlyMap<string, number>): ConcreteShape | undefined {
  if (s.kind === 'scalar') return 'scalar';
  const rows = dimSize(s.rows, dims);
  const cols = dimSize(s.cols, dims);
  return rows === undefined || cols === undefined ? undefined : { rows, cols };
}

/** Givens plus the concrete shapes of the bound symbols that have no declaration. */
export function givensWithKnownShapes(givens: Givens | undefined, known: ReadonlyMap<string, ConcreteShape>): Givens {
  const out = new Map<string, SymbolInfo>(givens ?? []);
  for (const [name, s] of known) {
    // A declared shape stays (its symbols then resolve through `dims`, so `I_n A` with `A: n×n` checks);
    // the evaluator has already checked the binding against it.
    if (givens?.has(name)) continue;
    const shape: Shape = s === 'scalar' ? SCALAR : matrixShape(s.rows, s.cols);
    out.set(name, { shape, properties: new Set() });
  }
  return out;
}

/**
 * Checks shapes with the core's `inferShapes` before evaluation (its `shape-mismatch` errors,
 * with spans, are returned as they are) and returns a size oracle for a bare `J`, `0`, `I`.
 * `known` holds the concrete shapes of the bound symbols (they override the givens); `dims` the
 * sizes of symbolic dimensions. This is the one seam between evaluation and shape inference.
 */
export function shapeOracle(
  expr: Expr,
  givens: Givens | undefined,
  known: ReadonlyMap<string, ConcreteShape>,
  dims: ReadonlyMap<string, number>,
): Result<ShapeOracle> {
  const table = inferShapes(expr, givensWithKnownShapes(givens, known));
  if (!table.ok) return fail(table.error);
  const shapes = table.value;
  return ok((node: Expr) => {
    try {
      return concreteShape(shapes.shapeOf(node), dims);
    } catch (error) {
      // A node built during evaluation is not part of the checked tree: no size from the table.
      if (error instanceof OdotException && error.error.code === 'unknown-node') return undefined;
      throw error;
    }
  });
}
