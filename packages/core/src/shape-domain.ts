import type { Givens } from './declaration.ts';
import type { OdotError } from './error.ts';
import type { DimLiteral } from './expr.ts';

/** What is known of a shape: a scalar, a matrix, or open (either, nothing decided it yet: a bare `0`). */
export type ShapeKind = 'scalar' | 'matrix' | 'open';

/** An error built only when it is reported (the ground domain never builds one). */
export type LazyError = () => OdotError;

/**
 * What a shape rule (`SHAPE_RULES`) may do with shapes `S`, matrix shapes `M` and dimensions `D`.
 * The rules are written once against this interface and run in two domains:
 *
 * - the ground domain (`ground-domain.ts`): known `Shape`s and `Dim`s; unifying is comparing, and
 *   whatever needs a fresh size or fails gives undefined (unification then decides). It never
 *   builds an error text (`now` does not run its text, `fail` does not call its error).
 * - the unification domain (`unify-domain.ts`): shape terms with open variables over core's
 *   `Inference`; `fail` throws the error, worded with the node and its operands.
 */
export interface ShapeDomain<S, M extends S, D> {
  /** The scalar shape. */
  readonly scalar: S;
  /** The dimension 1. */
  readonly one: D;
  /** Scalar, matrix, or open (only the unification domain has open shapes). */
  kind(s: S): ShapeKind;
  /** A scalar, or a matrix already known to be 1×1 (the usual identification of the two). */
  isScalarLike(s: S): boolean;
  /** The shape as a matrix (an open shape becomes a matrix of fresh sizes); undefined for a scalar. */
  asMatrix(s: S): M | undefined;
  /** The rows of a matrix shape. */
  rows(m: M): D;
  /** The columns of a matrix shape. */
  cols(m: M): D;
  /** The rows×cols matrix shape. */
  matrix(rows: D, cols: D): M;
  /** The dimension `n` (a count: a matrix literal's rows). */
  count(n: number): D;
  /** The product of two dimensions (the Kronecker product's sizes). */
  product(a: D, b: D): D;
  /** Makes two shapes one (ground: checks they are equal); false on a clash, whose error is `error`. */
  unify(a: S, b: S, error: LazyError): boolean;
  /** Makes two dimensions one (ground: checks they are equal); false on a clash. */
  unifyDim(a: D, b: D, error: LazyError): boolean;
  /** Of two unified shapes, the one with fewer open sizes (ground: the first). */
  moreKnown(a: S, b: S): S;
  /** A name's shape: declared in `givens`, a bound index, or (unification) an undeclared matrix. */
  identifier(name: string, givens: Givens): S | undefined;
  /** The matrix of written sizes (`J_n` is n×n); a size not written is fresh (ground: undefined). */
  sized(rows: DimLiteral | undefined, cols: DimLiteral | undefined): M | undefined;
  /** A shape open between scalar and matrix (the bare `0`; ground: undefined). */
  freshShape(): S | undefined;
  /** A square matrix of a fresh size (the bare `I`; ground: undefined). */
  freshSquare(): M | undefined;
  /** Checks, once every constraint is in, that an open shape is a scalar or a square matrix. */
  deferSquare(s: S, error: LazyError): void;
  /** The rule cannot give a shape: unification throws `error()`, the ground domain answers undefined. */
  fail(error: LazyError): S | undefined;

  // Wording: called only while an error is built, except `now`.
  /** A text as it reads now, before a unification changes it (ground: `text` itself, never run). */
  now(text: () => string): () => string;
  /** A shape as text: `2×3`, `m×?4`, `scalar`, `scalar or matrix`. */
  text(s: S): string;
  /** A dimension as text. */
  dimText(d: D): string;
  /** A hint naming the node's child `i` and its shape, and whether it was declared. */
  origin(i: number): string;
  /** The hints naming both operands. */
  bothSides(): string[];
  /** A `shape-mismatch` error at the node (its text, the message, the hints). */
  mismatch(message: string, hints: readonly string[]): OdotError;
  /** A `ragged-matrix` error at the node. */
  ragged(message: string): OdotError;
}
