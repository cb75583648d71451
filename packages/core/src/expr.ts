import type { Span } from './span.ts';
import type { Property } from './property.ts';

/**
 * A dimension as written in the source: a natural number or a symbol such as `m` or `n`.
 * Used by sized constants (`J_{m×n}`, `I_n`, `O_3`).
 */
export type DimLiteral = number | string;

interface Node {
  /** Where the node came from in the source text; absent on nodes built by a rewrite. */
  readonly span?: Span;
}

/** A named matrix, vector, scalar or index: `A`, `D₁`, `u`, `c`, `i`. */
export interface Identifier extends Node {
  readonly type: 'Identifier';
  readonly name: string;
}

/**
 * An exact number literal. `value` keeps the text: `"7"` (integer), `"0.25"` (decimal, never
 * converted to a float), `"1/2"` (fraction). Negative numbers are `Neg` of a literal.
 */
export interface NumberLiteral extends Node {
  readonly type: 'NumberLiteral';
  readonly kind: 'integer' | 'decimal' | 'fraction';
  readonly value: string;
}

/** A literal matrix `[[1,2],[3,4]]` or `[1 2; 3 4]`; every entry is a scalar expression. */
export interface MatrixLiteral extends Node {
  readonly type: 'MatrixLiteral';
  readonly rows: readonly (readonly Expr[])[];
}

/** The Hadamard (element-wise, Schur) product `A ⊙ B`. */
export interface Hadamard extends Node {
  readonly type: 'Hadamard';
  readonly left: Expr;
  readonly right: Expr;
}

/** The matrix product `A B`, `A·B`, `A @ B`. With a scalar operand it is a scalar multiple. */
export interface MatMul extends Node {
  readonly type: 'MatMul';
  readonly left: Expr;
  readonly right: Expr;
}

/** The Kronecker product `A ⊗ B`. */
export interface Kronecker extends Node {
  readonly type: 'Kronecker';
  readonly left: Expr;
  readonly right: Expr;
}

/** A sum `A + B`. */
export interface Add extends Node {
  readonly type: 'Add';
  readonly left: Expr;
  readonly right: Expr;
}

/** A difference `A - B`. */
export interface Sub extends Node {
  readonly type: 'Sub';
  readonly left: Expr;
  readonly right: Expr;
}

/** A negation `-A`. */
export interface Neg extends Node {
  readonly type: 'Neg';
  readonly operand: Expr;
}

/** A scalar multiple written with a number in front: `2A`, `2 * A` (numpy), `1/2 A`. */
export interface ScalarMul extends Node {
  readonly type: 'ScalarMul';
  readonly scalar: Expr;
  readonly operand: Expr;
}

/** The transpose `Aᵀ`, `A'`, `A^T`, `A.T`. */
export interface Transpose extends Node {
  readonly type: 'Transpose';
  readonly operand: Expr;
}

/** The Hadamard power `A^⊙k`, `A.^k`; a negative exponent is the Hadamard inverse. */
export interface HadamardPower extends Node {
  readonly type: 'HadamardPower';
  readonly base: Expr;
  readonly exponent: Expr;
}

/** The matrix power `A^k` (k ≠ -1; see `Inverse`). */
export interface MatrixPower extends Node {
  readonly type: 'MatrixPower';
  readonly base: Expr;
  readonly exponent: Expr;
}

/** The matrix inverse `A^-1`, `A⁻¹`, `inv(A)`. */
export interface Inverse extends Node {
  readonly type: 'Inverse';
  readonly operand: Expr;
}

/** The all-ones matrix `J` or `J_{m×n}`; without a size it takes its shape from context. */
export interface Ones extends Node {
  readonly type: 'Ones';
  readonly rows?: DimLiteral;
  readonly cols?: DimLiteral;
}

/** The zero matrix `0`, `O_n`, `O_{m×n}`; without a size it takes its shape (or scalar) from context. */
export interface Zero extends Node {
  readonly type: 'Zero';
  readonly rows?: DimLiteral;
  readonly cols?: DimLiteral;
}

/** The identity matrix `I` or `I_n`; without a size it takes its shape from context. */
export interface Identity extends Node {
  readonly type: 'Identity';
  readonly size?: DimLiteral;
}

/** `diag(v)`: the diagonal matrix whose diagonal is the column vector `v`. */
export interface Diag extends Node {
  readonly type: 'Diag';
  readonly operand: Expr;
}

/** `diagvec(A)`: the column vector of the diagonal of a square matrix. */
export interface DiagVec extends Node {
  readonly type: 'DiagVec';
  readonly operand: Expr;
}

/** The trace `tr(A)`. */
export interface Trace extends Node {
  readonly type: 'Trace';
  readonly operand: Expr;
}

/** The determinant `det(A)`. */
export interface Det extends Node {
  readonly type: 'Det';
  readonly operand: Expr;
}

/** An entry `A[i,j]`, `A_{ij}`; indices are 1-based scalar expressions (symbols or numbers). */
export interface Entry extends Node {
  readonly type: 'Entry';
  readonly matrix: Expr;
  readonly row: Expr;
  readonly col: Expr;
}

/** A finite sum over an index, `Σ_k(A[i,k] B[k,j])` or `sum_k(…)`, used in entrywise proofs. */
export interface Sum extends Node {
  readonly type: 'Sum';
  readonly index: string;
  readonly body: Expr;
}

/** The equation `L = R`. */
export interface Equal extends Node {
  readonly type: 'Equal';
  readonly left: Expr;
  readonly right: Expr;
}

/** The claim `L ≠ R`. */
export interface NotEqual extends Node {
  readonly type: 'NotEqual';
  readonly left: Expr;
  readonly right: Expr;
}

/**
 * A property claim: `X ⪰ 0` and `psd(X)` (psd), `X ≻ 0` and `pd(X)` (pd), `diagonal(X)`,
 * `symmetric(X)`, `nonnegative(X)`, `binary(X)`.
 */
export interface Claim extends Node {
  readonly type: 'Claim';
  readonly property: Property;
  readonly operand: Expr;
}

/** Every expression node; `type` is the discriminant and equals the interface name. */
export type Expr =
  | Identifier
  | NumberLiteral
  | MatrixLiteral
  | Hadamard
  | MatMul
  | Kronecker
  | Add
  | Sub
  | Neg
  | ScalarMul
  | Transpose
  | HadamardPower
  | MatrixPower
  | Inverse
  | Ones
  | Zero
  | Identity
  | Diag
  | DiagVec
  | Trace
  | Det
  | Entry
  | Sum
  | Equal
  | NotEqual
  | Claim;

/** The tag of an expression node. */
export type ExprType = Expr['type'];

/** The node of a given tag: `ExprOf<'Hadamard'>` is `Hadamard`. */
export type ExprOf<T extends ExprType> = Extract<Expr, { type: T }>;

/** Binary operators: the nodes with `left` and `right`. */
export type BinaryExpr = Hadamard | MatMul | Kronecker | Add | Sub | Equal | NotEqual;

/** Relations and claims: the nodes that are statements rather than values. */
export type Statement = Equal | NotEqual | Claim;
