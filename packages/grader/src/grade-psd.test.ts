import { describe, expect, it } from 'vitest';
import { gradePsd } from './grade-psd.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { bundled, questionOf } from './test-fixtures.ts';
import { questionBindings } from './variant.ts';

const ws = bundled();
const q10 = questionOf(ws, 'q10', 'psd'); // P ⊙ Q = [[2,-1],[-1,2]]: psd (eigenvalues 1 and 3)
const b = questionBindings(ws, q10, 'x');
const g = (value: unknown, certificate?: unknown) => gradePsd(q10, b, certificate === undefined ? { value } : { value, certificate });

describe('gradePsd', () => {
  it('accepts yes with the Schur theorem or a factor', () => {
    expect(g('yes, by schur').score).toBe(2);
    // L = [[1,1,0],[-1,0,1]]: L Lᵀ = [[2,-1],[-1,2]] by hand.
    expect(g('yes', [[1, 1, 0], [-1, 0, 1]]).score).toBe(2);
  });

  it('gives the verdict points only without a certificate', () => {
    const r = g('yes');
    expect(r.score).toBe(1);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['missing-certificate']);
  });

  it('rejects a factor that does not multiply out', () => {
    const r = g('yes', [[1, 0], [0, 1]]);
    expect(r.score).toBe(1);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['bad-certificate']);
  });

  it('explains a wrong no with the Schur theorem', () => {
    const r = g('no');
    expect(r.score).toBe(0);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['negative-entries-not-psd', 'wrong-psd-verdict']);
  });

  const text = '---\nworksheet: T\n---\n```question\nid: n\nkind: psd\npoints: 2\ncertificate_points: 1\ngiven:\n  P: [[2, 1], [1, 2]]\n  S: [[1, 3], [3, 1]]\nmatrix: P ⊙ S\nanswer: no\n```\n';
  const parsed = parseWorksheet(text);
  if (!parsed.ok || parsed.value.questions[0]?.kind !== 'psd') throw new Error('load');
  const qn = parsed.value.questions[0];
  const bn = questionBindings(parsed.value, qn, 'x');
  // P ⊙ S = [[2,3],[3,2]]; x = [1,-1]: 2 - 3 - 3 + 2 = -2 < 0.
  it('checks a "not psd" certificate exactly', () => {
    expect(gradePsd(qn, bn, { value: 'no', certificate: [1, -1] }).score).toBe(2);
    expect(gradePsd(qn, bn, { value: 'no, x = [1, -1]' }).score).toBe(2);
    const bad = gradePsd(qn, bn, { value: 'no', certificate: [1, 1] });
    expect(bad.score).toBe(1);
    expect(bad.diagnoses[0]?.message).toContain('xᵀMx = 10');
  });

  it('shows a negative direction when the student says yes', () => {
    const r = gradePsd(qn, bn, { value: 'yes by schur' });
    expect(r.score).toBe(0);
    expect(r.diagnoses[0]?.code).toBe('wrong-psd-verdict');
    expect(r.diagnoses[0]?.message).toMatch(/xᵀMx = -\d+ < 0/);
  });

  it('refuses Schur when a factor is not psd', () => {
    const r = gradePsd(qn, bn, { value: 'no', certificate: 'schur' });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['bad-certificate']);
  });
});
