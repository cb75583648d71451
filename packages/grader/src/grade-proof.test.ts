import { describe, expect, it } from 'vitest';
import { gradeProof } from './grade-proof.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { prepareProofQuestion } from './proof-engine.ts';
import { selfTest } from './self-test.ts';
import { BUNDLED_TEXT } from './test-fixtures.ts';
import { bundled, questionOf } from './test-fixtures.ts';

const ws = bundled();
const q7 = questionOf(ws, 'q7', 'proof'); // 3 steps, 3 points
const q8 = questionOf(ws, 'q8', 'proof'); // 2 steps, 2 points

describe('gradeProof', () => {
  it('gives full marks to the model proof', () => {
    expect(gradeProof(q7, { value: q7.answerText })).toMatchObject({ score: 3, diagnoses: [{ code: 'correct' }] });
    expect(gradeProof(q8, { value: q8.answerText }).score).toBe(2);
  });

  it('accepts a one-letter law typo with a note, at full marks', () => {
    const g = gradeProof(q7, { value: q7.answerText.replace('by hadamard_comm', 'by hadamard_com') });
    expect(g.score).toBe(3);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['correct', 'law-typo']);
    expect(g.diagnoses[1]?.message).toMatch(/^Line \d+: read 'hadamard_com' as hadamard_comm \(a one-letter typo\)\.$/);
  });

  it('credits each correct step and names the first failing one', () => {
    const g = gradeProof(q7, { value: q7.answerText.replace('by hadamard_add', 'by hadamard_comm') });
    expect(g.score).toBe(2);
    expect(g.diagnoses[0]?.code).toBe('proof-step-failed');
    expect(g.diagnoses[0]?.message).toMatch(/2 of 3 steps hold\. Line 3 \(by hadamard_comm\): .*hadamard_add/);
  });

  it('reports a false step with a counterexample', () => {
    const g = gradeProof(q7, { value: q7.answerText.replace('= A ⊙ B + A ⊙ C    by hadamard_add', '= A ⊙ B + C    by hadamard_add') });
    expect(g.score).toBe(1);
    expect(g.diagnoses[0]?.message).toMatch(/false/);
  });

  it('takes a share off a chain that stops short of the goal', () => {
    const short = q7.answerText.split('\n').slice(0, 3).join('\n');
    const g = gradeProof(q7, { value: short });
    expect(g.score).toBe(2); // 2 steps hold, the missing last share: 3 · 2/(2 + 1)
    expect(g.diagnoses.map((d) => d.code)).toEqual(['proof-incomplete']);
  });

  it('refuses `by algebra` when the worksheet does not allow it', () => {
    const g = gradeProof(q7, { value: '(A ⊙ J) ⊙ (B + C)\n= A ⊙ B + C ⊙ A   by algebra' });
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('proof-step-failed');
  });

  it('accepts `by algebra` when the worksheet allows it', () => {
    const text = BUNDLED_TEXT.replace('prove: (A ⊙ J) ⊙ (B + C) = A ⊙ B + C ⊙ A', 'prove: (A ⊙ J) ⊙ (B + C) = A ⊙ B + C ⊙ A\naccept:\n  by_algebra: true');
    const parsed = parseWorksheet(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const q = questionOf(parsed.value, 'q7', 'proof');
    expect(q.accept.byAlgebra).toBe(true);
    expect(gradeProof(q, { value: '(A ⊙ J) ⊙ (B + C)\n= A ⊙ B + C ⊙ A   by algebra' }).score).toBe(3);
    expect(gradeProof(q, { value: '(A ⊙ J) ⊙ (B + C)\n= A ⊙ B + C   by algebra' }).score).toBe(0);
  });

  it('treats text that is no proof as feedback', () => {
    expect(gradeProof(q7, { value: 'it is obvious' }).diagnoses.map((d) => d.code)).toEqual(['parse-error']);
    expect(gradeProof(q7, { value: 42 }).diagnoses.map((d) => d.code)).toEqual(['unreadable-answer']);
  });
});

describe('gradeProof: the checker’s step codes and the worksheet policy', () => {
  const withPolicy = (policy: string) => {
    const text = BUNDLED_TEXT.replace('prove: (A ⊙ J) ⊙ (B + C) = A ⊙ B + C ⊙ A', `prove: (A ⊙ J) ⊙ (B + C) = A ⊙ B + C ⊙ A\n${policy}`);
    const parsed = parseWorksheet(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return questionOf(parsed.value, 'q7', 'proof');
  };

  it('gives no credit for steps that change nothing: three of them and one wrong step score 0', () => {
    const padded = ['(A ⊙ J) ⊙ (B + C)', '= (A ⊙ J) ⊙ (B + C)   by hadamard_comm', '= (A ⊙ J) ⊙ (B + C)   by hadamard_comm', '= (A ⊙ J) ⊙ (B + C)   by hadamard_comm', '= A ⊙ B + C   by hadamard_add'].join('\n');
    const g = gradeProof(q7, { value: padded });
    expect(g.score).toBe(0);
    expect(g.diagnoses.filter((d) => d.code === 'no-change')).toHaveLength(3);
    // Padding a correct but short proof never raises its score.
    const short = q7.answerText.split('\n').slice(0, 3).join('\n');
    const paddedShort = `${short}\n= A ⊙ B + A ⊙ C    by hadamard_comm`;
    expect(gradeProof(q7, { value: paddedShort }).score).toBeLessThanOrEqual(gradeProof(q7, { value: short }).score);
  });

  it('codes a circular citation, and honours forbid and allow', () => {
    const comm = gradeProof(q7, { value: q7.answerText });
    expect(comm.score).toBe(3);
    const forbid = withPolicy('forbid: [hadamard_comm]');
    expect(forbid).toMatchObject({ forbid: ['hadamard_comm'], strict: false });
    const g = gradeProof(forbid, { value: q7.answerText });
    expect(g.score).toBe(2);
    expect(g.diagnoses.map((d) => d.code)).toContain('circular');
    const allow = withPolicy('allow: [hadamard_ones, hadamard_add]');
    expect(gradeProof(allow, { value: q7.answerText }).diagnoses.find((d) => d.code === 'circular')?.message).toMatch(/^Line 4 \(by hadamard_comm\): hadamard_comm is not among the laws allowed/);
    expect(() => withPolicy('forbid: [hadamard_cmm_xx]')).toThrow(/unknown law 'hadamard_cmm_xx'/);
  });

  it('strict: true requires the laws as stated, one application per step', () => {
    const strict = withPolicy('strict: true');
    expect(strict.strict).toBe(true);
    expect(gradeProof(strict, { value: q7.answerText }).score).toBe(3);
    const twoInOne = '(A ⊙ J) ⊙ (B + C)\n= A ⊙ B + A ⊙ C    by hadamard_ones, hadamard_add\n= A ⊙ B + C ⊙ A    by hadamard_comm';
    expect(gradeProof(q7, { value: twoInOne }).score).toBe(3);
    const g = gradeProof(strict, { value: twoInOne });
    expect(g.diagnoses.map((d) => d.code)).toContain('too-big');
    expect(g.score).toBe(1.5);
  });

  it('gives follow-through credit to a line that holds against the student’s own wrong line (unchecked), never ✗ for it', () => {
    const wrongThenRight = '(A ⊙ J) ⊙ (B + C)\n= A ⊙ (B + J)      by hadamard_ones\n= A ⊙ B + A ⊙ J    by hadamard_add\n= A ⊙ B + C ⊙ A    by hadamard_comm';
    const g = gradeProof(q7, { value: wrongThenRight });
    expect(g.diagnoses.map((d) => d.code)).toEqual(['proof-step-failed', 'false', 'unchecked', 'false']);
    expect(g.score).toBe(1); // 1 of 3 lines earns credit: the follow-through line 3
  });
});

describe('preparing proof questions before a grading run', () => {
  it('a worksheet whose model proof fails still loads, grades as before, and the self-test names the model proof', () => {
    const wrong = BUNDLED_TEXT.replace('= A ⊙ B + A ⊙ C    by hadamard_add', '= A ⊙ B + C    by hadamard_add');
    expect(wrong).not.toBe(BUNDLED_TEXT);
    const parsed = parseWorksheet(wrong);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const q = questionOf(parsed.value, 'q7', 'proof');
    expect(() => prepareProofQuestion(q)).not.toThrow();
    expect(gradeProof(q, { value: q.answerText }).score).toBe(1);
    expect(gradeProof(q, { value: q7.answerText }).score).toBe(3);
    const failing = selfTest(parsed.value).checks.filter((c) => !c.ok).map((c) => `${c.question} ${c.what}`);
    expect(failing).toEqual(['q7 model answer']);
  });

  it('preparing a question twice changes no grade of it', () => {
    const answers = [q7.answerText, q7.answerText.replace('by hadamard_add', 'by hadamard_comm'), 'trivial'];
    const before = answers.map((a) => gradeProof(q7, { value: a }));
    prepareProofQuestion(q7);
    prepareProofQuestion(q7);
    expect(answers.map((a) => gradeProof(q7, { value: a }))).toEqual(before);
  });
});
