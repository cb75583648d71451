import type { Limit } from '@odot/core';

/** A cell of a matrix answer, 1-based as students count. */
export interface Cell {
  readonly row: number;
  readonly col: number;
  /** The expected entry, as exact text. */
  readonly expected: string;
  /** What the student wrote. */
  readonly got: string;
}

/**
 * One finding about an answer. Codes (stable, used in reports):
 * `correct`, `matmul-instead-of-hadamard`, `hadamard-instead-of-matmul`, `transposed`,
 * `kronecker-instead-of-hadamard`, `sum-instead-of-product`, `swapped-operands`, `shape-mismatch`,
 * `entry-errors`, `not-a-matrix`, `not-equivalent`, `shape-error`, `parse-error`, `other-dialect`,
 * `wrong-truth-value`, `missing-reason`, `wrong-reason`, `unknown-law`, `wrong-psd-verdict`,
 * `missing-certificate`, `bad-certificate`, `proof-step-failed`, `proof-incomplete`, `wrong-shape`,
 * `missing-answer`, `unreadable-answer`, `predicted-mistake` (or the author's own code),
 * `limit` (grading stopped at the answer's time limit), `internal-error`.
 */
export interface Diagnosis {
  readonly code: string;
  /** The feedback sentence(s), in words. */
  readonly message: string;
  /** For `entry-errors`: the wrong cells. */
  readonly cells?: readonly Cell[];
}

/** The grade of one answer. */
export interface QuestionGrade {
  readonly id: string;
  readonly score: number;
  readonly max: number;
  readonly diagnoses: readonly Diagnosis[];
  /**
   * The limit that stopped grading this answer (`{kind: 'time', value}`: its time limit, in ms)
   * before it was decided; the score is then 0 and a `limit` diagnosis says so.
   */
  readonly limit?: Limit;
}

/** The grade of one submission (one student). */
export interface StudentGrade {
  readonly student: string;
  /** Where the submission came from (a file path), when known. */
  readonly source?: string;
  readonly worksheet: string;
  readonly total: number;
  readonly max: number;
  /** One entry per worksheet question, in worksheet order (empty when the submission was unusable). */
  readonly questions: readonly QuestionGrade[];
  /** Why the whole submission scored 0 (unreadable, malformed, other worksheet, no submission). */
  readonly error?: { readonly code: string; readonly message: string };
  /** The student's id: the submission's `id:` or its roster row's. */
  readonly id?: string;
  readonly email?: string;
  readonly section?: string;
  /** The LMS's user id (from an archive path or the roster). */
  readonly lmsId?: string;
  /** When it was submitted (the file's `timestamp:`, else its modification time), ms since 1970. */
  readonly submittedAt?: number;
  /** The answers as submitted, by question id (after matching the keys). */
  readonly answers?: Readonly<Record<string, unknown>>;
  /** Answer keys that match no question. */
  readonly unknownKeys?: readonly string[];
  /** Why the student is not on the roster (when a roster was given and nothing matched). */
  readonly unknownStudent?: string;
  /** Teacher overrides applied after grading. */
  readonly overrides?: readonly AppliedOverride[];
}

/** A teacher's override of one question's score, as applied. */
export interface AppliedOverride {
  readonly question: string;
  /** The score the grader gave. */
  readonly from: number;
  readonly to: number;
  readonly comment: string;
}

/** A problem with the class's submissions that the teacher must see (never silent). */
export interface GradeWarning {
  /** `wrong-worksheet`, `duplicate-submission`, `unknown-student`, `no-submission`, `unknown-answer-key`, `unknown-override`. */
  readonly code: string;
  readonly student?: string;
  readonly file: string;
  readonly message: string;
}

/** Rounds a score to hundredths, the precision of every reported score. */
export function roundScore(x: number): number {
  return Math.round(x * 100 + Number.EPSILON * 100) / 100;
}
