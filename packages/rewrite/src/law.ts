import type { Expr, Givens, Property, Shape } from '@odot/core';
import type { Term } from './term.ts';

/** The families of the catalogue; one file each under `laws/`. */
export type LawFamily =
  | 'hadamard'
  | 'transpose'
  | 'matmul'
  | 'add'
  | 'diagonal'
  | 'trace'
  | 'kronecker'
  | 'property'
  | 'entrywise'
  | 'number';

/**
 * Families whose laws are stated over entries, sums and numbers (`(A ⊙ B)[i,j] = A[i,j] B[i,j]`,
 * `a b = b a`): the proof checker applies them to expressions as written; the rewrite engine's
 * terms (simplify, equivalent) do not use them.
 */
export const WRITTEN_FAMILIES: readonly LawFamily[] = ['entrywise', 'number'];

/** The priority of a law that does not set one (after every law that does). */
export const DEFAULT_PRIORITY = 1000;

/**
 * A side condition of a law: a pattern variable's shape (from the law's declarations), a property
 * it must provably have (checked by `inferProperty`), a positive integer exponent, an index of an
 * entry (`i` in `A[i,j]`), or a summation index a variable must not contain (`k not in a` in
 * `a Σ_k(b) = Σ_k(a b)`: derived from where the variable stands on each side).
 */
export type LawCondition =
  | { readonly kind: 'shape'; readonly variable: string; readonly shape: Shape }
  | { readonly kind: 'property'; readonly variable: string; readonly property: Property }
  | { readonly kind: 'positive-integer'; readonly variable: string }
  | { readonly kind: 'positive-diagonal'; readonly variable: string }
  | { readonly kind: 'index'; readonly variable: string }
  | { readonly kind: 'not-free'; readonly index: string; readonly variable: string }
  /** The size `size` (a variable declared `natural`) divides the dimension `dim` of the law's shapes (`q` divides `n` of `X: m×n` in sum_block). */
  | { readonly kind: 'divides'; readonly size: string; readonly dim: string };

/**
 * How a law is written in its family file. `statement` is text in the plain expression language
 * (`A ⊙ (B + C) = A ⊙ B + A ⊙ C`, or a claim such as `psd(P ⊙ Q)`), parsed by `@odot/parser`;
 * `given` declares its variables (`A, B, C: m×n`, `P, Q: n×n psd`, `c: scalar`).
 */
export interface LawSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly statement: string;
  readonly given: string;
  /** Variables that must be positive integers (exponents). */
  readonly integers?: readonly string[];
  /** Matrix variables whose diagonal entries must be positive (Schur's strengthening). */
  readonly positiveDiagonal?: readonly string[];
  /** Index variables of an entrywise law (`i`, `j` in `(X ⊙ Y)[i,j] = X[i,j] Y[i,j]`). */
  readonly indices?: readonly string[];
  /**
   * Pairs `[q, n]`: the size q (declared `natural`) divides the dimension n of the declared shapes,
   * so an index `(u - 1) q + v` with u ≤ n / q, v ≤ q runs over 1..n (sum_block).
   */
  readonly divides?: readonly (readonly [string, string])[];
  /** The simplifier may use it left to right. */
  readonly simplify?: boolean;
  /** The simplifier tries laws in increasing priority (absorbing elements first, collecting last); default `DEFAULT_PRIORITY`. */
  readonly priority?: number;
  /**
   * A matrix law that is also the law of numbers of the same name (a number is a 1×1 matrix; `I`
   * reads `1`, `0` reads `0`): the proof checker applies it to scalars as written, too.
   */
  readonly scalars?: boolean;
  /** For an inference rule (`ext`): the premise, which holds for every index value. */
  readonly premise?: string;
  /**
   * Commutativity / associativity / coefficient merging: true in the representation itself, so
   * applying the law only reorders (one explicit step), never a blind rewrite.
   */
  readonly structural?: 'had' | 'add' | 'mul' | 'smul';
  readonly description: string;
}

/** A law of the catalogue. */
export interface Law {
  /** Stable name, e.g. `hadamard_add`. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly family: LawFamily;
  /** The statement as text in the plain expression language. */
  readonly statement: string;
  /** Declarations of the law's variables, as text. */
  readonly given: string;
  /**
   * `equation` (`lhs = rhs`), `property` (`rhs` is the claim, e.g. `psd(P ⊙ Q)`, `lhs` its
   * operand), or `rule` (an inference rule: `premise` for every index value gives `lhs = rhs`).
   */
  readonly kind: 'equation' | 'property' | 'rule';
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** The property a property law concludes. */
  readonly property?: Property;
  /** The premise of a rule (`A[i,j] = B[i,j]` for `ext`). */
  readonly premise?: Expr;
  readonly conditions: readonly LawCondition[];
  /** Whether `simplify` may use it left to right. */
  readonly simplify: boolean;
  /** The simplifier's order: lower first (see `DEFAULT_PRIORITY`). */
  readonly priority: number;
  /** Also a law of numbers, applied to scalars as written by the proof checker (see `LawSpec.scalars`). */
  readonly scalars: boolean;
  /** Set for laws that hold by the representation (commutativity, associativity, merging coefficients). */
  readonly structural?: 'had' | 'add' | 'mul' | 'smul';
  readonly description: string;
}

/** A law with its compiled patterns (internal). */
export interface CompiledLaw {
  readonly law: Law;
  readonly givens: Givens;
  /** Pattern terms; for a property law `lhs` is the operand pattern and `rhs` equals it. */
  readonly lhs: Term;
  readonly rhs: Term;
  readonly integers: ReadonlySet<string>;
}
