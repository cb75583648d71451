import { didYouMean, printExpr, type Budget } from '@odot/core';
import type { StudentAnswer } from './answer-input.ts';
import { decideEquivalence } from './engine.ts';
import { canonicalLawName, resolveLawName } from '@odot/rewrite';
import { lawStatement } from './laws.ts';
import { readBoolean } from './question-spec.ts';
import { roundScore, type Diagnosis, type QuestionGrade } from './result.ts';
import type { TrueFalseQuestion } from './worksheet.ts';

/** Splits `true, by hadamard_comm` / `true because hadamard_comm` into the verdict and the reason. */
function splitVerdict(value: unknown): { verdict: boolean | undefined; reason?: string } {
  if (typeof value !== 'string') return { verdict: readBoolean(value) };
  const m = /^\s*([^\s,;:(]+)\s*[,;:(]?\s*(?:(?:by|because(?: of)?|using|law)\s+)?([^)]*?)\)?\s*$/i.exec(value);
  if (m && m[2] !== undefined && m[2] !== '') {
    const verdict = readBoolean(m[1]);
    if (verdict !== undefined) return { verdict, reason: m[2] };
  }
  return { verdict: readBoolean(value) };
}

function counterexampleFor(question: TrueFalseQuestion, budget?: Budget): string {
  const s = question.statement;
  if (!s || (s.type !== 'Equal' && s.type !== 'NotEqual')) return '';
  const verdict = decideEquivalence(s.left, s.right, question.given.givens, [printExpr(s.left, 'plain'), printExpr(s.right, 'plain')], budget);
  if (verdict.kind !== 'different' || verdict.counterexample === undefined) return '';
  return ` A counterexample: ${verdict.counterexample}.`;
}

/**
 * Grades a true/false answer (`true`, `false`, yes/no, or `{answer, reason}` / `"true by LAW"`).
 * The verdict earns `points − reason_points`; a reason naming an accepted law earns the rest. The
 * counterexample search counts against `budget` (the answer's time budget), when given.
 */
export function gradeTrueFalse(question: TrueFalseQuestion, answer: StudentAnswer, budget?: Budget): QuestionGrade {
  const max = question.points;
  const split = splitVerdict(answer.value);
  const reason = answer.reason ?? split.reason;
  if (split.verdict === undefined) {
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'unreadable-answer', message: `Answer true or false (got '${String(answer.value)}').` }] };
  }
  const diagnoses: Diagnosis[] = [];
  for (const predicted of question.feedback) {
    if (readBoolean(predicted.answer) === split.verdict) diagnoses.push({ code: predicted.code, message: predicted.text });
  }
  if (split.verdict !== question.answer) {
    const why = question.answer ? '' : counterexampleFor(question, budget);
    diagnoses.push({
      code: 'wrong-truth-value',
      message: `The statement is ${question.answer ? 'true' : 'false'}.${question.answer && question.reasons[0] ? ` It is the law ${question.reasons[0]}${lawStatement(question.reasons[0]) ? `: ${lawStatement(question.reasons[0])}` : ''}.` : ''}${why}`,
    });
    return { id: question.id, score: 0, max, diagnoses };
  }
  let score = max - question.reasonPoints;
  if (question.reasons.length > 0) {
    const accepted = new Set(question.reasons.map((r) => canonicalLawName(r) ?? r));
    if (reason === undefined || reason.trim() === '') {
      if (question.reasonPoints > 0) {
        diagnoses.push({ code: 'missing-reason', message: `Right, but name the law that makes it so (${question.reasons[0] ?? ''}).` });
      }
    } else {
      const read = resolveLawName(reason);
      const law = read.kind === 'unknown' ? undefined : read.name;
      if (read.kind === 'typo') diagnoses.push({ code: 'law-typo', message: `Reason: ${read.note}.` });
      if (law !== undefined && accepted.has(law)) {
        score = max;
      } else if (read.kind === 'unknown') {
        const hint = didYouMean(read);
        const near = hint === undefined ? '' : ` (${hint})`;
        diagnoses.push({ code: 'unknown-law', message: `There is no law called '${reason}'${near}.` });
      } else if (law !== undefined) {
        diagnoses.push({
          code: 'wrong-reason',
          message: `${law} does not justify this${lawStatement(law) ? ` (it says ${lawStatement(law)})` : ''}; the law is ${question.reasons[0] ?? ''}.`,
        });
      }
    }
  } else if (question.reasonPoints === 0) {
    score = max;
  }
  if (diagnoses.length === 0 || diagnoses.every((d) => d.code !== 'wrong-reason' && d.code !== 'unknown-law' && d.code !== 'missing-reason')) {
    diagnoses.unshift({ code: 'correct', message: 'Correct.' });
  }
  return { id: question.id, score: roundScore(Math.max(score, 0)), max, diagnoses };
}
