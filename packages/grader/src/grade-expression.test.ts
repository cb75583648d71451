import { describe, expect, it } from 'vitest';
import { gradeExpression } from './grade-expression.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { bundled, questionOf } from './test-fixtures.ts';

const q9 = questionOf(bundled(), 'q9', 'expression'); // A ⊙ (B + C), A, B, C: m×n, plain or numpy
const grade = (value: unknown) => gradeExpression(q9, { value });
const codes = (value: unknown) => grade(value).diagnoses.map((d) => d.code);

describe('gradeExpression', () => {
  it('accepts any equivalent expression', () => {
    for (const answer of ['A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', '(C + B) ∘ A', 'A .* (B + C)', 'B ⊙ A + C ⊙ A']) {
      expect(grade(answer).score, answer).toBe(2);
      expect(codes(answer)[0]).toBe('correct');
    }
  });

  it('accepts NumPy notation with a note that * is ⊙', () => {
    const g = grade('A * (B + C)');
    expect(g.score).toBe(2);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['correct', 'other-dialect']);
    expect(g.diagnoses[1]?.message).toContain('`*` is the Hadamard product ⊙');
    expect(gradeExpression(q9, { value: 'A * B + A * C', dialect: 'numpy' }).score).toBe(2);
  });

  it('refuses a dialect the worksheet does not allow', () => {
    const g = gradeExpression(q9, { value: 'A .* (B + C)', dialect: 'matlab' });
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('other-dialect');
  });

  it('turns a shape error in the answer into feedback', () => {
    const g = grade('A (B + C)');
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('shape-error');
    expect(g.diagnoses[0]?.message).toMatch(/not defined/);
  });

  it('recognises the matrix product for ⊙', () => {
    const g = grade('A (B + C)ᵀ');
    expect(g.diagnoses.map((d) => d.code)).toEqual(['matmul-instead-of-hadamard']);
    expect(g.diagnoses[0]?.message).toContain('You computed the matrix product A (B + C)ᵀ');
  });

  it('gives the counterexample for a wrong answer, checked by hand', () => {
    const g = grade('A ⊙ B ⊙ C');
    expect(g.score).toBe(0);
    const d = g.diagnoses.find((x) => x.code === 'not-equivalent');
    const m = /with A = (\[\[.*?\]\]), B = (\[\[.*?\]\]), C = (\[\[.*?\]\]), your answer is (\[\[.*?\]\]) but A ⊙ \(B \+ C\) is (\[\[.*?\]\])\.$/.exec(d?.message ?? '');
    expect(m, d?.message).not.toBeNull();
    const [a, b, c, mine, expected] = (m ?? []).slice(1).map((t) => JSON.parse(t) as number[][]);
    // Recompute both sides entry by entry, independently of the engine.
    const zip = (f: (x: number, y: number, z: number) => number) => a!.map((row, i) => row.map((x, j) => f(x, b![i]![j]!, c![i]![j]!) + 0));
    expect(mine).toEqual(zip((x, y, z) => x * y * z));
    expect(expected).toEqual(zip((x, y, z) => x * (y + z)));
    expect(mine).not.toEqual(expected);
  });

  it("adds the author's feedback for a predicted mistake", () => {
    expect(codes('A ⊙ B + C')).toEqual(['missing-brackets', 'not-equivalent']);
  });

  it('reports parse errors as feedback', () => {
    const g = grade('A ⊙ (B + ');
    expect(g.diagnoses[0]?.code).toBe('parse-error');
    expect(codes(42)[0]).not.toBe('correct');
    expect(codes({ a: 1 })).toEqual(['unreadable-answer']);
  });

  it('reports a shape that differs from the answer', () => {
    const text = '---\nworksheet: T\n---\n```question\nid: e\nkind: expression\ngiven:\n  "A, B": n×n\n  u: n\nanswer: A ⊙ B\n```\n';
    const ws = parseWorksheet(text);
    if (!ws.ok || ws.value.questions[0]?.kind !== 'expression') throw new Error('load');
    const g = gradeExpression(ws.value.questions[0], { value: 'A u' });
    expect(g.diagnoses.map((d) => d.code)).toEqual(['shape-mismatch']);
    expect(gradeExpression(ws.value.questions[0], { value: 'A B' }).diagnoses.map((d) => d.code)).toEqual(['matmul-instead-of-hadamard']);
  });
});
