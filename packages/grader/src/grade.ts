import { Budget, LimitReached, assertNever, formatLimit, withBudget, type Limit } from '@odot/core';
import { isBlank, unwrapAnswer } from './answer-input.ts';
import { gradeExpression } from './grade-expression.ts';
import { gradeMatrix } from './grade-matrix.ts';
import { gradeProof } from './grade-proof.ts';
import { gradePsd } from './grade-psd.ts';
import { gradeShape } from './grade-shape.ts';
import { gradeTrueFalse } from './grade-truefalse.ts';
import { withPredictedScore } from './predicted.ts';
import { roundScore, type QuestionGrade, type StudentGrade } from './result.ts';
import { parseSubmission, studentFromFileName, type Submission } from './submission.ts';
import { variantKey } from './identity.ts';
import { matchAnswerKeys } from './answer-keys.ts';
import { isRandomised, questionBindings } from './variant.ts';
import { DEFAULT_ANSWER_TIME_MS } from './time-limit.ts';
import type { Question, Worksheet } from './worksheet.ts';

function dispatch(worksheet: Worksheet, question: Question, student: string, raw: unknown, budget: Budget): QuestionGrade {
  return withPredictedScore(dispatchKind(worksheet, question, student, raw, budget), question.feedback);
}

function dispatchKind(worksheet: Worksheet, question: Question, student: string, raw: unknown, budget: Budget): QuestionGrade {
  const answer = unwrapAnswer(raw);
  if (isBlank(answer.value) && (question.kind !== 'psd' || isBlank(answer.certificate))) {
    return { id: question.id, score: 0, max: question.points, diagnoses: [{ code: 'missing-answer', message: 'No answer given.' }] };
  }
  switch (question.kind) {
    case 'matrix':
      return gradeMatrix(question, questionBindings(worksheet, question, student), answer, budget);
    case 'expression':
      return gradeExpression(question, answer, budget);
    case 'truefalse':
      return gradeTrueFalse(question, answer, budget);
    case 'psd':
      return gradePsd(question, questionBindings(worksheet, question, student), answer);
    case 'proof':
      return gradeProof(question, answer, budget);
    case 'shape':
      return gradeShape(question, answer);
    default:
      return assertNever(question);
  }
}

/**
 * The time limit of one answer to `question` (ms): the caller's (`--time-limit`), else the
 * question's `time_limit:`, else the worksheet's, else `DEFAULT_ANSWER_TIME_MS`.
 */
export function answerTimeLimit(worksheet: Worksheet, question: Question, options: Pick<GradeOptions, 'timeLimitMs'> = {}): number {
  return options.timeLimitMs ?? question.timeLimitMs ?? worksheet.timeLimitMs ?? DEFAULT_ANSWER_TIME_MS;
}

/** The grade of an answer whose grading `limit` stopped: 0, with the limit and the reason in words. */
function limitGrade(question: Question, limit: Limit): QuestionGrade {
  const message = `Grading this answer stopped at its limit (${formatLimit(limit)} per answer) before it was decided, so it scores 0 for now; your teacher can regrade it with more time.`;
  return { id: question.id, score: 0, max: question.points, limit, diagnoses: [{ code: 'limit', message }] };
}

/**
 * Grades under one budget for the whole answer: reading it, every engine and the feedback count
 * against `timeLimitMs`. A stop of this budget anywhere — thrown up to here, or turned by an engine
 * into "no result" on the way (`Budget.stopped`) — makes the grade `limitGrade`.
 */
function dispatchWithin(worksheet: Worksheet, question: Question, student: string, raw: unknown, timeLimitMs: number): QuestionGrade {
  const budget = new Budget({ timeLimitMs });
  try {
    const grade = withBudget(budget, () => dispatch(worksheet, question, student, raw, budget));
    return budget.stopped ? limitGrade(question, budget.stopped) : grade;
  } catch (error) {
    if (error instanceof LimitReached && error.budget === budget) return limitGrade(question, error.limit);
    if (budget.stopped) return limitGrade(question, budget.stopped);
    throw error;
  }
}

/** Options of the grading functions. */
export interface GradeOptions {
  /** Where the submission came from (a file path), for reports. */
  readonly source?: string;
  /**
   * Reuse the grade of an identical earlier answer to the same question (and, for randomised
   * questions, the same student): default true. Grading is deterministic, so this changes speed only.
   * The memo is per worksheet object and bounded (4096 answers per worksheet, then it starts over).
   */
  readonly memo?: boolean;
  /**
   * How long grading one answer may take, in milliseconds (`odot grade --time-limit`): overrides the
   * question's and the worksheet's `time_limit:` (default `DEFAULT_ANSWER_TIME_MS`). An answer
   * stopped by it scores 0 with `limit: {kind: 'time', value}` and a `limit` diagnosis.
   */
  readonly timeLimitMs?: number;
}

const MEMO = new WeakMap<Worksheet, Map<string, QuestionGrade>>();
const MEMO_LIMIT = 4096;

function memoKey(question: Question, student: string, raw: unknown, timeLimitMs: number): string | undefined {
  try {
    return `${question.id}\u0000${timeLimitMs}\u0000${isRandomised(question) ? student : ''}\u0000${JSON.stringify(raw) ?? 'undefined'}`;
  } catch (error) {
    // JSON.stringify's TypeError: a BigInt or a cycle in the answer, which is then graded unmemoised.
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/**
 * Grades one answer of one student; `student` is the variant key (see `variantKey`). Never throws: a
 * failure inside the grader becomes an `internal-error` diagnosis with score 0 for this answer only.
 * One time budget covers the whole answer (`answerTimeLimit`); past it the grade is 0 with
 * `limit: {kind: 'time', value}` and a `limit` diagnosis saying which limit stopped it.
 */
export function gradeAnswer(worksheet: Worksheet, question: Question, student: string, raw: unknown, options: GradeOptions = {}): QuestionGrade {
  const timeLimitMs = answerTimeLimit(worksheet, question, options);
  const key = options.memo === false ? undefined : memoKey(question, student, raw, timeLimitMs);
  let memo = key === undefined ? undefined : MEMO.get(worksheet);
  const known = key === undefined ? undefined : memo?.get(key);
  if (known) return known;
  let grade: QuestionGrade;
  try {
    grade = dispatchWithin(worksheet, question, student, raw, timeLimitMs);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    grade = { id: question.id, score: 0, max: question.points, diagnoses: [{ code: 'internal-error', message: `This answer could not be graded (${message}).` }] };
  }
  // A grade stopped by the clock is not remembered: under less load the same answer may finish.
  if (key !== undefined && grade.limit === undefined) {
    if (!memo) {
      memo = new Map();
      MEMO.set(worksheet, memo);
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, grade);
  }
  return grade;
}

function identityFields(submission: Submission): Partial<StudentGrade> {
  return {
    ...(submission.id === undefined ? {} : { id: submission.id }),
    ...(submission.email === undefined ? {} : { email: submission.email }),
    ...(submission.timestamp === undefined ? {} : { submittedAt: submission.timestamp }),
  };
}

/**
 * Grades a submission against a worksheet: one grade per worksheet question, in order. A submission
 * for another worksheet scores 0 with the reason. Deterministic: the same worksheet, seed and
 * submission always give the same grade.
 */
export function gradeSubmission(worksheet: Worksheet, submission: Submission, options: GradeOptions = {}): StudentGrade {
  const source = options.source;
  const base = { student: submission.student, worksheet: worksheet.id, max: worksheet.maxScore, ...(source === undefined ? {} : { source }) };
  if (submission.worksheet !== worksheet.id) {
    return {
      ...base,
      ...identityFields(submission),
      total: 0,
      questions: [],
      error: { code: 'wrong-worksheet', message: `the submission is for worksheet '${submission.worksheet}', not '${worksheet.id}'` },
    };
  }
  const key = variantKey(submission);
  const matched = matchAnswerKeys(worksheet, submission.answers);
  const questions = worksheet.questions.map((q) => gradeAnswer(worksheet, q, key, matched.answers[q.id], options));
  return {
    ...base,
    ...identityFields(submission),
    total: roundScore(questions.reduce((s, q) => s + q.score, 0)),
    questions,
    answers: matched.answers,
    ...(matched.unknown.length > 0 ? { unknownKeys: matched.unknown } : {}),
  };
}

/**
 * Reads and grades one submission file's text. An unreadable or malformed file still gets a
 * grade: score 0 with the reason, the student named after the file.
 */
export function gradeSubmissionText(worksheet: Worksheet, text: string, source = '', options: Omit<GradeOptions, 'source'> = {}): StudentGrade {
  const parsed = parseSubmission(text, source);
  if (!parsed.ok) {
    return {
      student: studentFromFileName(source),
      worksheet: worksheet.id,
      max: worksheet.maxScore,
      total: 0,
      questions: [],
      error: { code: parsed.error.code, message: parsed.error.message },
      ...(source === '' ? {} : { source }),
    };
  }
  return gradeSubmission(worksheet, parsed.value, source === '' ? options : { ...options, source });
}

/** A grade for a submission that could not even be read (missing file, permission denied, not text). */
export function unreadableGrade(worksheet: Worksheet, source: string, reason: string): StudentGrade {
  return {
    student: studentFromFileName(source),
    source,
    worksheet: worksheet.id,
    max: worksheet.maxScore,
    total: 0,
    questions: [],
    error: { code: 'unreadable-file', message: reason },
  };
}
