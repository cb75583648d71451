import type { Expr, Givens, Property, Result, Shape, ShapeTable } from '@odot/core';
import { OdotException, childrenOf, equal, inferShapes, ok } from '@odot/core';
import { allNodes } from './degree.ts';
import { symbolicDims } from './random-instance.ts';

/** A symbol the identity test draws a value for: its shape and declared properties. */
export interface SymbolSpec {
  readonly name: string;
  readonly shape: Shape;
  readonly properties: ReadonlySet<Property>;
}

/** Identifiers that stand for values (not entry indices, not summation variables); iterative. */
function valueSymbols(exprs: readonly Expr[]): { values: Set<string>; indexOnly: Set<string> } {
  const values = new Set<string>();
  const indexNames = new Set<string>();
  const none: ReadonlySet<string> = new Set();
  const stack: { e: Expr; bound: ReadonlySet<string>; inIndex: boolean }[] = exprs.map((e) => ({ e, bound: none, inIndex: false }));
  while (stack.length > 0) {
    const { e, bound, inIndex } = stack.pop() as { e: Expr; bound: ReadonlySet<string>; inIndex: boolean };
    switch (e.type) {
      case 'Identifier':
        if (!bound.has(e.name)) (inIndex ? indexNames : values).add(e.name);
        break;
      case 'Entry':
        stack.push({ e: e.matrix, bound, inIndex }, { e: e.row, bound, inIndex: true }, { e: e.col, bound, inIndex: true });
        break;
      case 'Sum':
        stack.push({ e: e.body, bound: new Set([...bound, e.index]), inIndex });
        break;
      case 'HadamardPower':
      case 'MatrixPower':
        stack.push({ e: e.base, bound, inIndex }, { e: e.exponent, bound, inIndex: true });
        break;
      default:
        for (const child of childrenOf(e)) stack.push({ e: child, bound, inIndex });
    }
  }
  const indexOnly = new Set([...indexNames].filter((n) => !values.has(n)));
  return { values, indexOnly };
}

/**
 * Shape tables for the two sides: one table for `a = b` (so a bare `0`, `J`, `I` on one side is
 * sized by the other), or, when that fails only because one side is 1×1 and the other a scalar,
 * one table per side.
 */
function sideShapes(a: Expr, b: Expr, givens: Givens): Result<ShapeTable[]> {
  const joint = inferShapes(equal(a, b), givens);
  if (joint.ok) return ok([joint.value]);
  const left = inferShapes(a, givens);
  const right = inferShapes(b, givens);
  if (!left.ok) return left;
  if (!right.ok) return right;
  const isOneByOne = (s: Shape): boolean => s.kind === 'scalar' || (s.kind === 'matrix' && s.rows === 1 && s.cols === 1);
  if (isOneByOne(left.value.shape) && isOneByOne(right.value.shape)) return ok([left.value, right.value]);
  return joint;
}

/** The shape of a node of either side, looked up in the side tables in turn. */
function shapeLookup(tables: readonly ShapeTable[]): (node: Expr) => Shape | undefined {
  return (node) => {
    for (const t of tables) {
      try {
        return t.shapeOf(node);
      } catch (error) {
        // Not in this side's table: try the other side's.
        if (!(error instanceof OdotException && error.error.code === 'unknown-node')) throw error;
      }
    }
    return undefined;
  };
}

/** What the identity test reads off the two sides before any draw. */
export interface SymbolPlan {
  /** The shape of any node of either side. */
  readonly shapeOfNode: (node: Expr) => Shape | undefined;
  /** The symbols drawn at random (sizes and declared naturals excluded). */
  readonly specs: readonly SymbolSpec[];
  /** Names used only as entry indices. */
  readonly indexOnly: ReadonlySet<string>;
  /** The symbolic dimensions, in order of first appearance. */
  readonly dimNames: readonly string[];
  /** Declared naturals (`k: natural`), given small values per size assignment. */
  readonly naturals: readonly string[];
  /** Whether a drawn symbol is binary. */
  readonly binary: boolean;
}

/** The symbols, dimensions and naturals of `a = b` under `givens`, or the shape error. */
export function planSymbols(a: Expr, b: Expr, givens: Givens): Result<SymbolPlan> {
  const tables = sideShapes(a, b, givens);
  if (!tables.ok) return tables;
  const shapeOfNode = shapeLookup(tables.value);
  const { values, indexOnly } = valueSymbols([a, b]);
  const declared: SymbolSpec[] = [];
  const nodes = [...allNodes(a), ...allNodes(b)];
  // The first occurrence of each name, found in one pass (a lookup per name was quadratic).
  const firstIdentifier = new Map<string, Expr>();
  for (const n of nodes) if (n.type === 'Identifier' && !firstIdentifier.has(n.name)) firstIdentifier.set(n.name, n);
  for (const name of values) {
    const node = firstIdentifier.get(name);
    const info = givens.get(name);
    const shape = info?.shape ?? (node ? shapeOfNode(node) : undefined);
    if (!shape) continue;
    declared.push({ name, shape, properties: info?.properties ?? new Set() });
  }
  const dimNames: string[] = [];
  const addDim = (d: string): void => {
    if (!dimNames.includes(d)) dimNames.push(d);
  };
  for (const s of declared) symbolicDims(s.shape).forEach(addDim);
  for (const n of nodes) {
    const shape = shapeOfNode(n);
    if (shape) symbolicDims(shape).forEach(addDim);
  }
  // A scalar named like a size is that size (the evaluator reads it from the sizes): no draw.
  // A declared natural (`k: natural`, an exponent) is a parameter like a size: each assignment
  // gives it a small natural value (0, 1, 2, …), never a random field element.
  const naturals = [...values, ...indexOnly].filter((name) => givens.get(name)?.domain === 'natural' && !dimNames.includes(name));
  const specs = declared.filter((s) => !(s.shape.kind === 'scalar' && (dimNames.includes(s.name) || naturals.includes(s.name))));
  const binary = specs.some((s) => s.properties.has('binary'));
  return ok({ shapeOfNode, specs, indexOnly, dimNames, naturals, binary });
}
