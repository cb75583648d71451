import type { Budget } from '@odot/core';
import type { StudentAnswer } from './answer-input.ts';
import { checkProofAnswer } from './proof-engine.ts';
import { roundScore, type Diagnosis, type QuestionGrade } from './result.ts';
import type { ProofQuestion } from './worksheet.ts';

/**
 * Grades a proof with the proof checker: credit per step that earns it (steps right / steps total
 * of the student's proof: `no-change` earns nothing, a step after a failed line that holds against
 * the student's own previous line — `unchecked` — earns follow-through credit; a chain that does
 * not reach the goal loses the last share), the first failing step named with its line and the
 * checker's reason, then one diagnosis per line that is not plainly right, coded as the checker
 * codes it (`false`, `wrong-law`, `circular`, `buggy-rule`, `too-big`, `no-change`, `unchecked`, …).
 * The question's `strict`, `allow` and `forbid` go to the checker, and `budget` (the answer's time
 * budget) bounds the whole check.
 */
export function gradeProof(question: ProofQuestion, answer: StudentAnswer, budget?: Budget): QuestionGrade {
  const max = question.points;
  if (typeof answer.value !== 'string') {
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'unreadable-answer', message: 'Write the proof as text: a chain of `= EXPR by LAW` lines.' }] };
  }
  const normalized = answer.value.replace(/\s+/g, ' ').trim();
  const predicted: Diagnosis[] = question.feedback
    .filter((p) => typeof p.answer === 'string' && p.answer.replace(/\s+/g, ' ').trim() === normalized)
    .map((p) => ({ code: p.code, message: p.text }));
  const result = checkProofAnswer(question, answer.value, budget);
  if (result.kind === 'unreadable') {
    return { id: question.id, score: 0, max, diagnoses: [...predicted, { code: 'parse-error', message: result.message }] };
  }
  const { right, total, complete, failure } = result;
  const notes: Diagnosis[] = result.notes.map((message) => ({ code: 'law-typo', message }));
  // One diagnosis per line that is not plainly right, coded as the checker codes it (`false`, `circular`, …).
  const lines: Diagnosis[] = result.lines.map((l) => ({ code: l.code, message: `Line ${l.line}${l.law ? ` (by ${l.law})` : ''}: ${l.message}` }));
  // A chain whose steps all hold but that misses the goal loses one share; otherwise credit per correct step.
  const share = complete ? 1 : total === 0 ? 0 : right === total ? total / (total + 1) : right / total;
  if (complete) return { id: question.id, score: max, max, diagnoses: [{ code: 'correct', message: `All ${total} steps hold.` }, ...notes] };
  const diagnoses: Diagnosis[] = [...predicted, ...notes];
  if (failure && right < total) diagnoses.push({ code: 'proof-step-failed', message: `${right} of ${total} steps hold. ${failure}` });
  if (!complete && right === total) diagnoses.push({ code: 'proof-incomplete', message: `Every step holds, but the proof does not establish ${question.goalText}. ${failure ?? ''}`.trim() });
  const summary = new Set(diagnoses.map((d) => d.message));
  diagnoses.push(...lines.filter((d) => !summary.has(d.message) && !(d.code === 'wrong-end' || d.code === 'wrong-start')));
  return { id: question.id, score: roundScore(max * share), max, diagnoses };
}
