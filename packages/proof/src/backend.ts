import type { Claim, Expr, Givens, Property } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import type { LawEngine } from './law-engine.ts';
import type { ReplayVerdict } from './replay.ts';
import type { Counterexample } from '@odot/numeric';

/** What numbers say about `a = b`. */
export type NumericVerdict =
  | { readonly verdict: 'equal'; readonly detail: string }
  | { readonly verdict: 'different'; readonly counterexample: Counterexample }
  | { readonly verdict: 'unknown'; readonly reason: string };

/**
 * Compares two expressions numerically on random instances of the givens. `purpose` is
 * `cross-check` for a step the search and the replay already accepted (a lighter test: one trial
 * modulo p at one generic size assignment, exact arithmetic only on a disagreement, which still
 * catches a matcher bug with overwhelming probability), `decide`
 * (the default) when the numbers decide the verdict.
 */
export type NumericChecker = (a: Expr, b: Expr, givens: Givens, purpose?: 'cross-check' | 'decide') => NumericVerdict;

/** A side condition of a law that the givens do not establish: `law` needs `subject` to be `property`. */
export interface MissingCondition {
  readonly law: string;
  readonly subject: Expr;
  readonly property: Property;
}

/** Whether a claim follows from the givens, and by which laws. */
export interface ClaimVerdict {
  readonly holds: boolean;
  /** Every law used in the justification. */
  readonly laws: readonly string[];
  /** The justification in words. */
  readonly explanation: string;
  /** When it does not hold: the side conditions of the cited law that fail (`schur needs Q psd`). */
  readonly missing?: readonly MissingCondition[];
}

/** Decides a claim such as `P ⊙ Q ⪰ 0` from the givens, for the cited laws. */
export type ClaimProver = (claim: Claim, givens: Givens, cited: readonly string[]) => ClaimVerdict;

/** What `by algebra` gets from the engine. */
export type AlgebraVerdict =
  | { readonly verdict: 'proved'; readonly laws: readonly string[] }
  | { readonly verdict: 'refuted'; readonly counterexample?: Counterexample }
  | { readonly verdict: 'equal-by-testing'; readonly detail: string }
  | { readonly verdict: 'unknown'; readonly reason: string };

/** Asks the engine to decide `a = b` by itself. */
export type AlgebraProver = (a: Expr, b: Expr, givens: Givens) => AlgebraVerdict;

/** The law statement as a rewrite rule, for the independent replay checker. */
export interface LawRule {
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** Names in `lhs`/`rhs` that are pattern variables. */
  readonly variables: ReadonlySet<string>;
}

/** Everything the checker uses from the other packages, replaceable in tests. */
export interface CheckerBackend {
  readonly engine: LawEngine;
  readonly numeric: NumericChecker;
  readonly claims: ClaimProver;
  readonly algebra: AlgebraProver;
  /** Re-verifies a recorded application without the search code; undefined when no replay exists for it. */
  readonly replay: (step: AppliedStep, givens: Givens) => ReplayVerdict | undefined;
  /**
   * True when the rewrite engine's canonical forms of `a` and `b` agree (order and grouping of ⊙, +
   * and scalar factors ignored; the two are read together, so a bare `0` or `J` takes its size from
   * the other side). Catalogue laws work on canonical forms, so their results are compared this way.
   */
  readonly canonicallyEqual: (a: Expr, b: Expr, givens: Givens) => boolean;
  /**
   * The laws among `names`, in their order, that do the step `from` → `to` in one application:
   * a catalogue law when one of its results is canonically equal to `to` (both sides read once,
   * together), any other law when a result is `to` as written. What applying each law and comparing
   * each result would say, faster; undefined when the two sides do not read together. Optional:
   * without it the checker applies each law and compares each result.
   */
  readonly stepDoers?: (from: Expr, to: Expr, names: readonly string[], givens: Givens) => readonly string[] | undefined;
  /** The side conditions of the law in `step` that the givens do not establish (`diagonal_mul_diagonal needs D diagonal`). */
  readonly missingConditions: (step: AppliedStep, givens: Givens) => readonly MissingCondition[];
  /** The givens with every declared matrix given every property, to find steps blocked only by side conditions. */
  readonly relaxGivens: (givens: Givens) => Givens;
  /**
   * The statement of an equation law as a rule over written expressions (its variables are the
   * law's declared symbols), for matching a law as stated (`strict`) and for spotting a law that
   * restates the goal (`circular`); undefined for laws it does not know. Optional: without it every
   * application counts as stated and no law as circular.
   */
  readonly lawRule?: (name: string) => LawRule | undefined;
}
