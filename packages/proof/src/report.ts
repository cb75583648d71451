import type { Limit, OdotError, Span } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';

/** Why a line of a proof holds or fails: a stable code for programs (the grader maps them to feedback). */
export type StepCode =
  /** The cited laws turn the previous expression into this one (or prove the claim). */
  | 'ok'
  /** The step is false: numbers found a counterexample. */
  | 'false-step'
  /** The step is true but the cited laws do not do it. */
  | 'wrong-law'
  /** A cited law name is not in the catalogue. */
  | 'unknown-law'
  /** The law would do it, but a side condition does not follow from the givens. */
  | 'side-condition'
  /** `by algebra` where the options forbid it. */
  | 'algebra-forbidden'
  /** The chain does not start at the goal's left side. */
  | 'wrong-start'
  /** The proof ends at something other than the goal. */
  | 'wrong-end'
  /** A misplaced or unjustified `by ext`. */
  | 'bad-ext'
  /** The claim does not follow from the givens. */
  | 'claim-unproved'
  /** The line could not be parsed. */
  | 'parse-error'
  /** The expression has a shape error. */
  | 'shape-error'
  /** The line has no justification (`by …`) or no chain to continue. */
  | 'structure'
  /** The previous line could not be read, so this step was not checked. */
  | 'unchecked'
  /** The search matched but the numeric cross-check or the replay disagreed: the step is rejected. */
  | 'engine-mismatch'
  /** The step repeats the line before: it is not false, but it earns no credit (`ok` stays true). */
  | 'no-change'
  /** The step's expressions are too large or too deeply nested to check within the limits. */
  | 'too-deep';

/** The verdict on one line of a proof. */
export interface StepReport {
  /** 1-based line of the step in the file. */
  readonly line: number;
  /** 1-based column where the diagnosis points. */
  readonly column: number;
  readonly ok: boolean;
  /** The cited law names, comma-separated (empty for structural checks such as the chain's end). */
  readonly law: string;
  /** One sentence, tutor style. */
  readonly message: string;
  readonly code: StepCode;
  /** What kind of line: a chain step, a whole equation (incl. `by ext`), a claim, or a structural check. */
  readonly kind: 'step' | 'equation' | 'ext' | 'claim' | 'structure';
  readonly span?: Span;
  /** Further help lines ("did you mean …", "declare D diagonal"). */
  readonly hints?: readonly string[];
  /** A law name read leniently on this line ("read 'hadamard_com' as hadamard_comm (a one-letter typo)"). */
  readonly note?: string;
  /** The applications found, in order, for an accepted step. */
  readonly trace?: readonly AppliedStep[];
  /** For a false step: the instance that refutes it, rendered as text lines. */
  readonly counterexample?: Counterexample;
  /** How the numbers cross-checked the step. */
  readonly numeric?: string;
  /** Set when a search limit stopped the search before it was exhausted: `{kind, value}` (the message says it in words). */
  readonly limit?: Limit;
}

/** A concrete instance on which two sides differ, with small exact matrices. */
export interface Counterexample {
  /** `A = [[1, 2], [3, 4]]`, one per symbol (and `i = 2` for indices). */
  readonly bindings: readonly string[];
  readonly left: string;
  readonly right: string;
}

/** The verdict on one theorem. */
export interface TheoremReport {
  readonly index: number;
  /** The goal, printed in the plain syntax. */
  readonly goal: string;
  /** Line of the `prove`. */
  readonly line: number;
  readonly valid: boolean;
  readonly steps: readonly StepReport[];
}

/** The verdict on a proof file. */
export interface ProofReport {
  /** Every theorem proved and no input errors. */
  readonly valid: boolean;
  readonly theorems: readonly TheoremReport[];
  /** Input errors: the file (or a `given`/`prove` line) could not be read. */
  readonly errors: readonly OdotError[];
}

/** The JSON form of a report, exactly `{"valid","theorems":[{"goal","valid","steps":[{"line","ok","law","message","limit"?}]}]}` (`limit` only when a search limit stopped the step). */
export interface ProofReportJson {
  readonly valid: boolean;
  readonly theorems: readonly {
    readonly goal: string;
    readonly valid: boolean;
    readonly steps: readonly { readonly line: number; readonly ok: boolean; readonly law: string; readonly message: string; readonly limit?: Limit }[];
  }[];
}

/** The report reduced to its JSON form (`odot check --json`). */
export function reportToJson(report: ProofReport): ProofReportJson {
  return {
    valid: report.valid,
    theorems: report.theorems.map((theorem) => ({
      goal: theorem.goal,
      valid: theorem.valid,
      steps: theorem.steps.map((step) => ({ line: step.line, ok: step.ok, law: step.law, message: step.message, ...(step.limit ? { limit: step.limit } : {}) })),
    })),
  };
}
