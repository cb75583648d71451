import type { Expr, Property, Span } from '@odot/core';
import type { Dense } from '../dense.ts';
import type { Field } from '../field.ts';

/** A value during generic evaluation over a field `T`. */
export type GValue<T> =
  | { readonly k: 'scalar'; readonly v: T }
  | { readonly k: 'matrix'; readonly m: Dense<T> }
  | { readonly k: 'bool'; readonly v: boolean };

/** A concrete shape: `'scalar'` or numeric rows×cols. */
export type ConcreteShape = 'scalar' | { readonly rows: number; readonly cols: number };

/** Everything the generic evaluator needs besides the expression. */
export interface GenericContext<T> {
  readonly field: Field<T>;
  /** Values of the bound symbols. */
  readonly env: ReadonlyMap<string, GValue<T>>;
  /** Sizes of symbolic dimensions (`n` in `I_n`). */
  readonly dims: ReadonlyMap<string, number>;
  /** Values of free index symbols (`i` in `A[i,j]`). */
  readonly indices: ReadonlyMap<string, number>;
  /** Ranges of summation indices (`k` in `Σ_k`), when the body does not tell. */
  readonly sumRanges: ReadonlyMap<string, number>;
  /** Picks a value for an unbound index in 1..range (identity testing); without it an unbound index is an error. */
  readonly freeIndex?: (name: string, range: number) => number;
  /** The concrete shape of a node from shape inference, used to size a bare `J`, `0`, `I`. */
  readonly shapeOf?: (node: Expr) => ConcreteShape | undefined;
  /** Decides a property claim on a matrix (field specific); throws for fields that cannot. */
  readonly claim: (property: Property, m: Dense<T>, span: Span | undefined) => boolean;
  /** Equality of two entries (exact, or within a tolerance for floats). */
  readonly equalValues?: (a: Dense<T>, b: Dense<T>) => boolean;
  /** Largest |exponent| allowed in powers (guards runaway exact arithmetic). */
  readonly maxExponent: number;
  /** Called with every node's value as it is computed (identity testing records shapes with it). */
  readonly observe?: (node: Expr, value: GValue<T>) => void;
}
