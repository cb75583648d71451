import type { Worksheet } from './worksheet.ts';

/** A submission's answers keyed by question id, and the keys that name no question. */
export interface MatchedAnswers {
  readonly answers: Readonly<Record<string, unknown>>;
  /** Keys as the student wrote them that match no question (or repeat one already answered). */
  readonly unknown: readonly string[];
}

/** The form of an answer key used for matching: case-folded, spaces removed (` Q 1 ` → `q1`). */
export function answerKeyForm(key: string): string {
  return key.normalize('NFC').replace(/\s+/gu, '').toLowerCase();
}

/**
 * Matches a submission's answer keys to the worksheet's question ids, case-insensitively and
 * ignoring spaces (`Q1`, ` q1 ` answer `q1`). An exact key wins over a loose one; every other key
 * is returned in `unknown`, in the submission's order.
 */
export function matchAnswerKeys(worksheet: Pick<Worksheet, 'questions'>, answers: Readonly<Record<string, unknown>>): MatchedAnswers {
  const byForm = new Map(worksheet.questions.map((q) => [answerKeyForm(q.id), q.id]));
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  const keys = Object.keys(answers);
  const exact = new Set(keys.filter((k) => worksheet.questions.some((q) => q.id === k)));
  for (const key of exact) out[key] = answers[key];
  for (const key of keys) {
    if (exact.has(key)) continue;
    const id = byForm.get(answerKeyForm(key));
    if (id === undefined || Object.hasOwn(out, id)) unknown.push(key);
    else out[id] = answers[key];
  }
  return { answers: out, unknown };
}
