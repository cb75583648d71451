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
 * `internal-error`.
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
  /** Why the whole submission scored 0 (unreadable, malformed, other worksheet). */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Rounds a score to hundredths, the precision of every reported score. */
export function roundScore(x: number): number {
  return Math.round(x * 100 + Number.EPSILON * 100) / 100;
}
