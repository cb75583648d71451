import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { determinant, rsign } from '@odot/numeric';
import { gradeAnswer } from './grade.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { selfTest } from './self-test.ts';
import { questionBindings } from './variant.ts';
import type { Worksheet } from './worksheet.ts';

const TEXT = readFileSync(new URL('../../../examples/WS_authoring_demo.md', import.meta.url), 'utf8');

function demo(): Worksheet {
  const parsed = parseWorksheet(TEXT);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('examples/WS_authoring_demo.md', () => {
  const ws = demo();
  const q = (id: string) => {
    const found = ws.questions.find((x) => x.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('passes its self-test', () => {
    const report = selfTest(ws, { variants: 6 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('gives a restated question no credit and the scored mistake its own score', () => {
    const restated = gradeAnswer(ws, q('d1'), 'ada', '(A ⊙ B)ᵀ');
    expect(restated.score).toBe(0);
    expect(restated.diagnoses[0]?.code).toBe('forbidden-subexpression');
    expect(gradeAnswer(ws, q('d1'), 'ada', 'Aᵀ Bᵀ')).toMatchObject({ score: 0.5, diagnoses: [{ code: 'matmul-of-transposes' }, { code: 'shape-error' }] });
    expect(gradeAnswer(ws, q('d1'), 'ada', 'Bᵀ ⊙ Aᵀ').score).toBe(2);
  });

  it('draws every student an invertible M with no zero entry', () => {
    for (const student of ['ada', 'alan', 'emmy', 'kurt', 'sofia']) {
      const m = questionBindings(ws, q('d2'), student).get('M');
      if (!m) throw new Error('no M');
      const det = determinant(m);
      expect(det.ok && typeof det.value !== 'number' && rsign(det.value) !== 0).toBe(true);
      expect(m.data.every((x) => x.num !== 0n)).toBe(true);
    }
  });

  it('accepts an LDLᵀ certificate for P ⊙ D and rejects a wrong one', () => {
    const wrong = gradeAnswer(ws, q('d3'), 'ada', { answer: 'yes', certificate: { L: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], D: [1, 1, 1] } });
    expect(wrong.score).toBe(1);
    expect(wrong.diagnoses[0]?.message).toContain('L D Lᵀ ≠ M');
  });
});
