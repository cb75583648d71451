import { authoredExpressions, undeclaredNames } from './declared.ts';
import { gradeAnswer } from './grade.ts';
import { expectedMatrix } from './grade-matrix.ts';
import { exactPsd } from './grade-psd.ts';
import { inferredShapeAnswer } from './grade-shape.ts';
import { decideEquivalence } from './engine.ts';
import { evaluateMatrix } from './exact.ts';
import { canonicalLawName } from '@odot/rewrite';
import { predictedExpr, readPredictedMatrix } from './predicted.ts';
import { roundScore } from './result.ts';
import { formatShapeAnswer, sameShapeAnswer } from './shape-answer.ts';
import { isRandomised, questionBindings } from './variant.ts';
import type { PredictedMistake, Question, Worksheet } from './worksheet.ts';
import { formatRational, matrixRows, unpivotedLdl } from '@odot/numeric';

/** One self-test check. */
export interface SelfTestCheck {
  readonly question: string;
  /** The variant (a pseudo-student id) the check ran on. */
  readonly variant: string;
  readonly what: string;
  readonly ok: boolean;
  readonly message: string;
}

/** The outcome of `selfTest`. */
export interface SelfTestReport {
  readonly ok: boolean;
  readonly checks: readonly SelfTestCheck[];
}

/** Options of `selfTest`. */
export interface SelfTestOptions {
  /** How many variants to try for randomised questions (default 12). */
  readonly variants?: number;
}

/** The model answer of a question as a student would submit it, for one variant. */
export function modelSubmissionAnswer(worksheet: Worksheet, question: Question, student: string): unknown {
  switch (question.kind) {
    case 'matrix': {
      const m = expectedMatrix(question, questionBindings(worksheet, question, student));
      return m ? matrixRows(m) : undefined;
    }
    case 'expression':
    case 'proof':
      return question.answerText;
    case 'truefalse':
      return question.reasons[0] === undefined ? question.answer : { answer: question.answer, reason: question.reasons[0] };
    case 'psd': {
      const bindings = questionBindings(worksheet, question, student);
      const m = evaluateMatrix(question.matrix, bindings);
      if (!m) return undefined;
      const truth = exactPsd(m);
      if (!truth.holds) return truth.vector ? { answer: 'no', certificate: truth.vector.map(formatRational) } : 'no';
      if (question.matrix.type === 'Hadamard') return { answer: 'yes', certificate: 'schur' };
      const ldl = unpivotedLdl(m);
      return ldl ? { answer: 'yes', certificate: { L: matrixRows(ldl.L), D: ldl.D.map(formatRational) } } : 'yes';
    }
    case 'shape':
      return formatShapeAnswer(question.answer);
  }
}

function predictedSubmissionAnswer(worksheet: Worksheet, question: Question, student: string, predicted: PredictedMistake): unknown {
  if (question.kind === 'matrix') {
    const m = readPredictedMatrix(predicted.answer, questionBindings(worksheet, question, student));
    // An expression undefined for the shapes (`Aᵀ Bᵀ`) is submitted as written and matched by its tree.
    return m ? matrixRows(m) : predictedExpr(predicted) ? predicted.answer : undefined;
  }
  return predicted.answer;
}

function consistency(worksheet: Worksheet, question: Question, variant: string): SelfTestCheck | undefined {
  const check = (ok: boolean, what: string, message: string): SelfTestCheck => ({ question: question.id, variant, what, ok, message });
  switch (question.kind) {
    case 'shape': {
      const inferred = inferredShapeAnswer(question);
      return check(
        sameShapeAnswer(inferred.answer, question.answer),
        'model shape',
        `the worksheet says ${formatShapeAnswer(question.answer)}, the engine infers ${formatShapeAnswer(inferred.answer)}${inferred.reason ? ` (${inferred.reason})` : ''}`,
      );
    }
    case 'psd': {
      const m = evaluateMatrix(question.matrix, questionBindings(worksheet, question, variant));
      if (!m) return check(false, 'model verdict', `${question.matrixText} is not defined`);
      const holds = exactPsd(m).holds;
      return check(holds === question.answer, 'model verdict', `the worksheet says ${question.answer ? 'yes' : 'no'}, the exact test says ${holds ? 'psd' : 'not psd'}`);
    }
    case 'truefalse': {
      const unknown = question.reasons.filter((r) => canonicalLawName(r) === undefined);
      if (unknown.length > 0) return check(false, 'reason', `unknown law(s): ${unknown.join(', ')}`);
      const s = question.statement;
      if (!s || (s.type !== 'Equal' && s.type !== 'NotEqual')) return undefined;
      const verdict = decideEquivalence(s.left, s.right, question.given.givens);
      if (verdict.kind === 'error') return check(false, 'statement', verdict.message);
      const equal = verdict.kind === 'equal';
      const truth = s.type === 'Equal' ? equal : !equal;
      return check(truth === question.answer, 'statement', `the worksheet says ${question.answer}, the engine finds the statement ${truth}`);
    }
    case 'matrix':
      return expectedMatrix(question, questionBindings(worksheet, question, variant))
        ? undefined
        : check(false, 'model answer', `${question.answerText} is not defined for this variant`);
    case 'expression':
    case 'proof':
      return undefined;
  }
}

/** One failing check per authored expression that uses a symbol the question does not declare (`A ⊙ b` with only A given). */
function declarationChecks(question: Question): SelfTestCheck[] {
  return authoredExpressions(question).flatMap(({ field, expr }) => {
    const names = undeclaredNames(expr, question.given.givens);
    if (names.length === 0) return [];
    const declared = [...question.given.givens.keys()].join(', ') || 'nothing';
    return [
      {
        question: question.id,
        variant: 'all',
        what: 'declared symbols',
        ok: false,
        message: `\`${field}\` uses ${names.join(', ')}, which \`given\` does not declare (it declares ${declared})`,
      },
    ];
  });
}

/**
 * Self-tests a worksheet (`odot worksheet test`): on every variant (several pseudo-students for
 * randomised questions) the model answer earns full marks, every author-predicted wrong answer
 * gets its feedback and less than full marks, and the author's claims (shapes, psd verdicts,
 * true/false statements, law names) agree with the engine. Parsing was already checked on load.
 */
export function selfTest(worksheet: Worksheet, options: SelfTestOptions = {}): SelfTestReport {
  const checks: SelfTestCheck[] = [];
  const count = Math.max(1, options.variants ?? 12);
  for (const question of worksheet.questions) {
    checks.push(...declarationChecks(question));
    const variants = isRandomised(question) ? Array.from({ length: count }, (_, k) => `variant-${k + 1}`) : ['variant-1'];
    for (const variant of variants) {
      const c = consistency(worksheet, question, variant);
      if (c) checks.push(c);
      const model = gradeAnswer(worksheet, question, variant, modelSubmissionAnswer(worksheet, question, variant));
      checks.push({
        question: question.id,
        variant,
        what: 'model answer',
        ok: model.score === model.max,
        message: model.score === model.max ? 'full marks' : `${model.score}/${model.max}: ${model.diagnoses.map((d) => `${d.code}: ${d.message}`).join(' | ')}`,
      });
      question.feedback.forEach((predicted, k) => {
        const raw = predictedSubmissionAnswer(worksheet, question, variant, predicted);
        const grade = gradeAnswer(worksheet, question, variant, raw);
        const found = grade.diagnoses.some((d) => d.code === predicted.code && d.message.startsWith(predicted.text));
        const scored = predicted.score === undefined ? grade.score < grade.max : grade.score === roundScore(predicted.score);
        const ok = found && scored;
        checks.push({
          question: question.id,
          variant,
          what: `predicted mistake ${k + 1}`,
          ok,
          message: ok
            ? `gets its feedback (${grade.score}/${grade.max})`
            : raw === undefined
              ? `the predicted answer ${JSON.stringify(predicted.answer)} is not defined for this variant`
              : !found
                ? `does not get its feedback: ${grade.diagnoses.map((d) => d.code).join(', ')}`
                : predicted.score === undefined
                  ? `gets its feedback but full marks`
                  : `gets its feedback but ${grade.score}/${grade.max}, not the score ${predicted.score} the worksheet sets`,
        });
      });
    }
  }
  return { ok: checks.every((c) => c.ok), checks };
}
