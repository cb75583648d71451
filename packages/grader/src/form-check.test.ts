import { describe, expect, it } from 'vitest';
import { only, sheetText } from './authoring-fixtures.ts';
import { gradeAnswer } from './grade.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { selfTest } from './self-test.ts';

const BLOCK = `
id: f1
kind: expression
points: 2
given:
  "A, B": 2×3
answer: Aᵀ ⊙ Bᵀ
forbid: ["(A ⊙ B)ᵀ"]
form: simplified
`;

describe('form requirements of expression answers', () => {
  const { ws, q } = only(BLOCK, 'expression');
  const grade = (answer: string) => gradeAnswer(ws, q, 's', answer);
  it('refuses full marks to a student who restates the question', () => {
    const g = grade('(A ⊙ B)ᵀ');
    expect(g.score).toBe(0);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['forbidden-subexpression', 'not-simplified']);
    expect(g.diagnoses[0]?.message).toBe('Your answer (A ⊙ B)ᵀ is equal to the expected one, but it contains (A ⊙ B)ᵀ, which this question asks you to rewrite.');
    expect(g.diagnoses[1]?.message).toContain('transpose_hadamard still applies');
  });
  it('finds the forbidden expression up to order, inside a larger answer', () => {
    const g = grade('(B ⊙ A)ᵀ + 0 ⊙ Aᵀ');
    expect(g.diagnoses[0]?.code).toBe('forbidden-subexpression');
    expect(g.diagnoses[0]?.message).toContain('(B ⊙ A)ᵀ is (A ⊙ B)ᵀ up to order and grouping');
  });
  it('flags an answer that is not simplified, naming the law', () => {
    const g = grade('Aᵀ ⊙ Bᵀ ⊙ J');
    expect(g.score).toBe(0);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['not-simplified']);
    expect(g.diagnoses[0]?.message).toMatch(/hadamard_ones still applies \(the simplified form is .*Aᵀ.*Bᵀ/);
  });
  it('accepts the simplified answer in any order', () => {
    expect(grade('Aᵀ ⊙ Bᵀ').score).toBe(2);
    expect(grade('Bᵀ ⊙ Aᵀ').score).toBe(2);
    expect(grade('Bᵀ ⊙ Aᵀ').diagnoses[0]?.code).toBe('correct');
  });
  it('gives form_score to an equivalent answer that breaks a rule', () => {
    const { ws: w2, q: q2 } = only(`${BLOCK}\nform_score: 1`, 'expression');
    expect(gradeAnswer(w2, q2, 's', '(A ⊙ B)ᵀ').score).toBe(1);
  });
  it('self-tests: the model answer obeys its own rules', () => {
    expect(selfTest(ws).ok).toBe(true);
    const { ws: bad } = only(BLOCK.replace('answer: Aᵀ ⊙ Bᵀ', 'answer: (B ⊙ A)ᵀ'), 'expression');
    expect(selfTest(bad).ok).toBe(false);
  });
  it('reports a bad form field', () => {
    const r = parseWorksheet(sheetText(BLOCK.replace('form: simplified', 'form: expanded')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("`form` must be 'simplified' (got 'expanded')");
    const f = parseWorksheet(sheetText(BLOCK.replace('["(A ⊙ B)ᵀ"]', '["(A ⊙"]')));
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error.message).toContain('forbid item 1: cannot parse');
  });
});
