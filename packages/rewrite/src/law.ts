import type { Expr, Givens, Property, Shape } from '@odot/core';
import type { Term } from './term.ts';

/** The families of the catalogue; one file each under `laws/`. */
export type LawFamily = 'hadamard' | 'transpose' | 'matmul' | 'add' | 'diagonal' | 'trace' | 'kronecker' | 'property';

/**
 * A side condition of a law: a pattern variable's shape (from the law's declarations), a property
 * it must provably have (checked by `inferProperty`), or a positive integer exponent.
 */
export type LawCondition =
  | { readonly kind: 'shape'; readonly variable: string; readonly shape: Shape }
  | { readonly kind: 'property'; readonly variable: string; readonly property: Property }
  | { readonly kind: 'positive-integer'; readonly variable: string };

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
  /** The simplifier may use it left to right. */
  readonly simplify?: boolean;
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
  /** `equation` (`lhs = rhs`) or `property` (`rhs` is the claim, e.g. `psd(P ⊙ Q)`, `lhs` its operand). */
  readonly kind: 'equation' | 'property';
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** The property a property law concludes. */
  readonly property?: Property;
  readonly conditions: readonly LawCondition[];
  /** Whether `simplify` may use it left to right. */
  readonly simplify: boolean;
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
