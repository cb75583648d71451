import type { Expr, Givens } from '@odot/core';
import type { Dialect } from '@odot/parser';
import type { ExercisePolicy } from '@odot/proof';

/** The kinds of question a worksheet may ask. */
export const QUESTION_KINDS = ['matrix', 'expression', 'truefalse', 'psd', 'proof', 'shape'] as const;

/** A question kind: `matrix` (compute a concrete matrix), `expression` (any equivalent expression), `truefalse`, `psd` (yes/no), `proof`, `shape`. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A concrete matrix given in the worksheet: its entries as exact number text (`"7"`, `"-1/2"`). */
export interface LiteralMatrixGiven {
  readonly type: 'literal';
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

/** A condition a random matrix must satisfy, checked exactly on every draw (`nonzero` is per entry). */
export const RANDOM_CONSTRAINTS = ['nonzero', 'invertible', 'symmetric', 'psd', 'pd'] as const;

/** One of `RANDOM_CONSTRAINTS`. */
export type RandomConstraint = (typeof RANDOM_CONSTRAINTS)[number];

/**
 * A matrix drawn per student from the worksheet seed: `random 2×3 integers -5..5`,
 * `random 3 integers 0..9` (a column vector), `random 3×3 binary`, `random 2×2 psd integers -2..2`
 * (B Bᵀ for a random integer B), `random 3×3 symmetric integers -4..4`, `random 3×3 diagonal integers 1..5`,
 * `random diagonal 3×3`, `random 2×2 rationals`, and constraints after the range:
 * `random 3×3 integers -5..5 invertible` (drawn again until they hold, a bounded number of times).
 */
export interface RandomMatrixGiven {
  readonly type: 'random';
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly structure: 'general' | 'binary' | 'psd' | 'symmetric' | 'diagonal';
  /** Integer entries, or rationals p/q (q in 1..6) within min..max. */
  readonly numbers: 'integers' | 'rationals';
  readonly min: number;
  readonly max: number;
  /** Conditions every draw must satisfy (empty for the original forms). */
  readonly constraints: readonly RandomConstraint[];
  /** The spec as written, for messages. */
  readonly spec: string;
}

/** A concrete matrix of a question, fixed or random. */
export type MatrixGiven = LiteralMatrixGiven | RandomMatrixGiven;

/** What a question is about: symbolic declarations and concrete matrices. */
export interface GivenSpec {
  /** Declaration lines (`A, B: m×n`, `D: n×n diagonal`), as written. */
  readonly declarations: readonly string[];
  readonly matrices: readonly MatrixGiven[];
  /** Givens for shape inference: the declarations plus the shapes of the concrete matrices. */
  readonly givens: Givens;
}

/** How lenient a question is. */
export interface AcceptOptions {
  /** Dialects a student may write in; the first is tried first. Default `['plain']`. */
  readonly dialects: readonly Dialect[];
  /** Whether a proof may justify a step with `by algebra`. Default false. */
  readonly byAlgebra: boolean;
  /** Absolute tolerance for decimal answers to matrix questions; 0 (the default) means exact. */
  readonly tolerance: number;
}

/**
 * An author-predicted mistake: when a student's answer matches `answer`, say `text`, and (when
 * `score` is set) give exactly `score` points. An expression answer that is undefined for the
 * shapes (`Aᵀ Bᵀ` for 2×3 operands) is matched by its tree.
 */
export interface PredictedMistake {
  /** The predicted answer as written in the worksheet (a matrix, an expression, true/false, yes/no, a shape, a law name). */
  readonly answer: unknown;
  /** A diagnosis code for reports; defaults to `predicted-mistake`. */
  readonly code: string;
  readonly text: string;
  /** Absolute points for this answer (0 ≤ score ≤ the question's points); absent: the grader's usual credit. */
  readonly score?: number;
}

interface QuestionBase {
  readonly id: string;
  readonly points: number;
  /** The Markdown prose before the question block (its heading and text). */
  readonly prompt: string;
  readonly title: string;
  readonly given: GivenSpec;
  readonly accept: AcceptOptions;
  readonly feedback: readonly PredictedMistake[];
  /** 1-based line of the question block in the worksheet file. */
  readonly line: number;
  /** `time_limit:` — how long grading one answer to this question may take (ms); absent: the worksheet's. */
  readonly timeLimitMs?: number;
}

/** Compute a concrete matrix; `answer` is an expression over the given matrices (or a literal). */
export interface MatrixQuestion extends QuestionBase {
  readonly kind: 'matrix';
  readonly answer: Expr;
  readonly answerText: string;
}

/** A sub-expression an expression answer must not contain (`forbid:`), as written and parsed. */
export interface ForbiddenExpr {
  readonly text: string;
  readonly expr: Expr;
}

/**
 * Write any expression equivalent to `answer` under the givens; optionally without the `forbid`
 * sub-expressions and in the engine's normal form (`form: simplified`).
 */
export interface ExpressionQuestion extends QuestionBase {
  readonly kind: 'expression';
  readonly answer: Expr;
  readonly answerText: string;
  /** Sub-expressions that must not appear (compared up to the engine's canonical form). */
  readonly forbid: readonly ForbiddenExpr[];
  /** `simplified`: the answer must be in the engine's normal form up to order and grouping. */
  readonly form?: 'simplified';
  /** Points for an equivalent answer that breaks a form rule (default 0). */
  readonly formScore: number;
}

/** Is `statement` true? Optionally name the law that makes it so. */
export interface TrueFalseQuestion extends QuestionBase {
  readonly kind: 'truefalse';
  readonly answer: boolean;
  /** The statement as an equation, when the author gives it (the self-test checks it with the engine). */
  readonly statement?: Expr;
  readonly statementText?: string;
  /** Law names accepted as the reason (the first is the model reason). */
  readonly reasons: readonly string[];
  /** Points for the reason, out of `points`. */
  readonly reasonPoints: number;
}

/** Is `matrix` positive semidefinite? Optionally with a certificate. */
export interface PsdQuestion extends QuestionBase {
  readonly kind: 'psd';
  readonly matrix: Expr;
  readonly matrixText: string;
  readonly answer: boolean;
  /** Points for a valid certificate, out of `points`. */
  readonly certificatePoints: number;
}

/** Prove `prove` from the givens; credit per correct step, under the question's policy (`strict:`, `allow:`, `forbid:`). */
export interface ProofQuestion extends QuestionBase, ExercisePolicy {
  readonly kind: 'proof';
  readonly goal: Expr;
  readonly goalText: string;
  /** The model proof (the steps, as a student would write them). */
  readonly answerText: string;
}

/** What is the shape of `expr` (or is it undefined)? */
export interface ShapeQuestion extends QuestionBase {
  readonly kind: 'shape';
  readonly expr: Expr;
  readonly exprText: string;
  /** The model shape as `[rows, cols]`, `'scalar'`, or `'undefined'`. */
  readonly answer: ShapeAnswer;
}

/** A shape answer: rows and columns, a scalar, or "not defined". */
export type ShapeAnswer = { readonly kind: 'matrix'; readonly rows: string; readonly cols: string } | { readonly kind: 'scalar' } | { readonly kind: 'undefined' };

/** One question of a worksheet. */
export type Question = MatrixQuestion | ExpressionQuestion | TrueFalseQuestion | PsdQuestion | ProofQuestion | ShapeQuestion;

/** A parsed worksheet. */
export interface Worksheet {
  /** The worksheet id from the frontmatter (`worksheet: WS_Math_Foundations_1`). */
  readonly id: string;
  readonly title: string;
  /** The randomisation seed from the frontmatter (text; numbers are kept as written). */
  readonly seed: string;
  /** The whole frontmatter, for tools. */
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly questions: readonly Question[];
  /** Sum of the questions' points. */
  readonly maxScore: number;
  /** The frontmatter's `time_limit:` — how long grading one answer may take (ms); absent: `DEFAULT_ANSWER_TIME_MS`. */
  readonly timeLimitMs?: number;
}
