import type { Claim, Declaration, Equal, Expr, OdotError, Span } from '@odot/core';

/** A law name written after `by`, with where it was written. */
export interface LawCitation {
  readonly name: string;
  readonly span: Span;
}

/** The first line of a chain: the expression the chain starts from. */
export interface StartLine {
  readonly kind: 'start';
  readonly line: number;
  readonly span: Span;
  readonly expr: Expr;
}

/** A chain step `= EXPR by LAW[, LAW…]`. */
export interface StepLine {
  readonly kind: 'step';
  readonly line: number;
  readonly span: Span;
  readonly expr: Expr;
  readonly laws: readonly LawCitation[];
  /** Span of the expression alone (after the `=`). */
  readonly exprSpan: Span;
}

/** A whole equation with its justification: `X = Y by ext` closing an entrywise chain, or `X = Y by LAW`. */
export interface EquationLine {
  readonly kind: 'equation';
  readonly line: number;
  readonly span: Span;
  readonly statement: Equal;
  readonly laws: readonly LawCitation[];
}

/** A claim with its justification: `P ⊙ Q ⪰ 0 by schur`. */
export interface ClaimLine {
  readonly kind: 'claim';
  readonly line: number;
  readonly span: Span;
  readonly statement: Claim;
  readonly laws: readonly LawCitation[];
}

/** A line of the proof body that could not be read; checking reports it as a failed step. */
export interface InvalidLine {
  readonly kind: 'invalid';
  readonly line: number;
  readonly span: Span;
  readonly error: OdotError;
  /** The laws cited on the line, when the `by` part could still be read. */
  readonly laws: readonly LawCitation[];
}

/** One line between `proof` and `qed`. */
export type ProofLine = StartLine | StepLine | EquationLine | ClaimLine | InvalidLine;

/** The statement a theorem proves: an equation or a property claim. */
export type Goal = Equal | Claim;

/** One `given … prove … proof … qed` block. */
export interface Theorem {
  /** 1-based index of the theorem in its file. */
  readonly index: number;
  /** The `given` lines written for this theorem (between the previous `qed` and its `prove`). */
  readonly declarations: readonly Declaration[];
  readonly goal: Goal;
  /** The goal as the student typed it (brackets and spellings kept), for echoing it back. */
  readonly goalText: string;
  /** The theorem's name, from `prove NAME: STATEMENT`; later theorems of the file may cite it (`by NAME`). */
  readonly name?: string;
  /** Span of the goal statement on the `prove` line. */
  readonly goalSpan: Span;
  /** The line of `prove`. */
  readonly line: number;
  readonly lines: readonly ProofLine[];
  /** The line of `qed`, absent when the file ended first (that is also an error in the document). */
  readonly qedLine?: number;
}

/** A parsed proof file: its theorems and the errors that make it unreadable as a whole. */
export interface ProofDocument {
  /** The text the spans point into (for Markdown: the original file). */
  readonly source: string;
  readonly theorems: readonly Theorem[];
  /** Input errors outside step lines (bad `given`/`prove`, missing `qed`, stray lines); each has a span. */
  readonly errors: readonly OdotError[];
}
