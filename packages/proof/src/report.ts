import { assertNever, type Limit, type OdotError, type Span } from '@odot/core';
import { counterexampleToJson, type Counterexample, type CounterexampleJson } from '@odot/numeric';
import type { Misconception } from '@odot/rewrite';
import type { AppliedStep } from './applied-step.ts';

export type { Counterexample } from '@odot/numeric';

/**
 * Why a line of a proof holds or fails: a stable code for programs (the grader maps them to
 * feedback). The first ten are the tutor's diagnoses of a step; the rest are about the form of
 * the proof and the limits of the checker.
 */
export type StepCode =
  /** The cited laws turn the previous expression into this one (or prove the claim). */
  | 'ok'
  /** The step is false: an exact counterexample (with indices for entrywise steps). */
  | 'false'
  /** The step is true but the cited laws do not do it (the message names the law that does). */
  | 'wrong-law'
  /** The law would do it, but a side condition does not follow from the givens. */
  | 'side-condition'
  /** True, but it takes more law applications than allowed: the message suggests the split. */
  | 'too-big'
  /** The step changes nothing (it repeats the line before, or returns to an earlier line): no credit. */
  | 'no-change'
  /** The cited law is the statement being proved (up to renaming), or is forbidden for this exercise. */
  | 'circular'
  /** The step is false and is what a named misconception makes of the line before. */
  | 'buggy-rule'
  /** A step after a failed line: checked against the student's own previous line, not marked wrong for the earlier error. */
  | 'unchecked'
  /** A cited law name is not in the catalogue. */
  | 'unknown-law'
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
  /** The search matched but the numeric cross-check or the replay disagreed: the step is rejected. */
  | 'engine-mismatch'
  /** The step's expressions are too large or too deeply nested to check within the limits. */
  | 'too-deep';

/**
 * How a line counts: `ok` (✓, holds and earns credit), `failed` (✗), `unchecked` (○, follows a
 * failed line: judged only against the student's own previous line, never marked ✗ for the earlier
 * error) or `no-credit` (·, holds but changes nothing).
 */
export type StepStatus = 'ok' | 'failed' | 'unchecked' | 'no-credit';

/** The status a code gives a line. */
export function statusOf(code: StepCode): StepStatus {
  switch (code) {
    case 'ok':
      return 'ok';
    case 'no-change':
      return 'no-credit';
    case 'unchecked':
      return 'unchecked';
    case 'false':
    case 'wrong-law':
    case 'side-condition':
    case 'too-big':
    case 'circular':
    case 'buggy-rule':
    case 'unknown-law':
    case 'algebra-forbidden':
    case 'wrong-start':
    case 'wrong-end':
    case 'bad-ext':
    case 'claim-unproved':
    case 'parse-error':
    case 'shape-error':
    case 'structure':
    case 'engine-mismatch':
    case 'too-deep':
      return 'failed';
    default:
      return assertNever(code);
  }
}

/** One step of a suggested split (`too-big`): the expression to write next and the law that gives it. */
export interface SplitStep {
  readonly expr: string;
  readonly law: string;
}

/** The verdict on one line of a proof. */
export interface StepReport {
  /** 1-based line of the step in the file. */
  readonly line: number;
  /** 1-based column where the diagnosis points. */
  readonly column: number;
  /** False exactly when `status` is `failed` (the line is marked ✗). */
  readonly ok: boolean;
  readonly status: StepStatus;
  /** Whether the line earns credit: `ok` lines, and `unchecked` lines that hold against the student's previous line. */
  readonly credit: boolean;
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
  /** For a law matched up to the order or grouping of ⊙ and +: the structural laws used (`hadamard_comm`). */
  readonly via?: readonly string[];
  /** The applications found, in order, for an accepted step. */
  readonly trace?: readonly AppliedStep[];
  /** For a false step: the exact instance that refutes it. */
  readonly counterexample?: Counterexample;
  /** For `buggy-rule`: the misconception of the shared catalogue (`@odot/rewrite`'s `MISCONCEPTIONS`). */
  readonly misconception?: Misconception;
  /** For `too-big`: the step split into one law application per line. */
  readonly split?: readonly SplitStep[];
  /** How the numbers cross-checked the step. */
  readonly numeric?: string;
  /** Set when a search limit stopped the search before it was exhausted: `{kind, value}` (the message says it in words). */
  readonly limit?: Limit;
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

/** One step in the JSON form: always `line`, `column`, `ok`, `status`, `code`, `law`, `message`; the rest when present. */
export interface StepJson {
  readonly line: number;
  readonly column: number;
  readonly ok: boolean;
  readonly status: StepStatus;
  readonly code: StepCode;
  readonly law: string;
  readonly message: string;
  readonly note?: string;
  readonly hints?: readonly string[];
  readonly counterexample?: CounterexampleJson;
  readonly misconception?: Misconception;
  readonly split?: readonly SplitStep[];
  /** The search limit that stopped the step, when one did. */
  readonly limit?: Limit;
}

/** The JSON form of a report: `{"valid","theorems":[{"goal","valid","steps":[StepJson…]}]}`. */
export interface ProofReportJson {
  readonly valid: boolean;
  readonly theorems: readonly {
    readonly goal: string;
    readonly valid: boolean;
    readonly steps: readonly StepJson[];
  }[];
}

/** One step reduced to its JSON form. */
export function stepToJson(step: StepReport): StepJson {
  return {
    line: step.line,
    column: step.column,
    ok: step.ok,
    status: step.status,
    code: step.code,
    law: step.law,
    message: step.message,
    ...(step.note === undefined ? {} : { note: step.note }),
    ...(step.hints === undefined || step.ok ? {} : { hints: step.hints }),
    ...(step.counterexample === undefined ? {} : { counterexample: counterexampleToJson(step.counterexample) }),
    ...(step.misconception === undefined ? {} : { misconception: step.misconception }),
    ...(step.split === undefined ? {} : { split: step.split }),
    ...(step.limit === undefined ? {} : { limit: step.limit }),
  };
}

/** The report reduced to its JSON form (`odot check --json`). */
export function reportToJson(report: ProofReport): ProofReportJson {
  return {
    valid: report.valid,
    theorems: report.theorems.map((theorem) => ({ goal: theorem.goal, valid: theorem.valid, steps: theorem.steps.map(stepToJson) })),
  };
}
