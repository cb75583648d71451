import { describe, expect, it } from 'vitest';
import { only } from './authoring-fixtures.ts';
import { gradeAnswer } from './grade.ts';
import { rngFor } from './rng.ts';
import { selfTest } from './self-test.ts';

const psd = (matrix: string, answer: 'yes' | 'no') =>
  only(`id: c\nkind: psd\npoints: 2\ncertificate_points: 1\ngiven:\n  M: ${matrix}\nmatrix: M\nanswer: ${answer}\n`, 'psd');

describe('psd certificates for "yes"', () => {
  // M = [[2,-1],[-1,2]]: by hand L = [[1,0],[-1/2,1]], D = [2, 3/2]; B = [[1,1,0],[-1,0,1]]; eigenvalues 1 and 3.
  const { ws, q } = psd('[[2, -1], [-1, 2]]', 'yes');
  const grade = (certificate: unknown) => gradeAnswer(ws, q, 's', { answer: 'yes', certificate });
  const message = (certificate: unknown) => grade(certificate).diagnoses.map((d) => d.message).join(' ');

  it('accepts a rational LDLᵀ', () => {
    expect(grade({ L: [[1, 0], ['-1/2', 1]], D: [2, '3/2'] }).score).toBe(2);
    expect(grade({ L: [[1, 0], ['-1/2', 1]], D: [[2, 0], [0, '3/2']] }).score).toBe(2);
  });
  it('rejects an LDLᵀ that is not unit lower triangular, has D < 0, or does not multiply out', () => {
    expect(message({ L: [[1, 1], [0, 1]], D: [2, 2] })).toContain('L must be unit lower triangular: entry (1,2) is 1, not 0');
    expect(message({ L: [[2, 0], ['-1/2', 1]], D: [2, 2] })).toContain('entry (1,1) is 2, not 1');
    expect(message({ L: [[1, 0], [0, 1]], D: [-1, 2] })).toContain('D must be ≥ 0: its entry 1 is -1');
    expect(message({ L: [[1, 0], ['-1/2', 1]], D: [2, 2] })).toContain('L D Lᵀ ≠ M: entry (2,2) is 5/2, but M has 2');
    expect(grade({ L: [[1, 0], ['-1/2', 1]], D: [2, 2] }).score).toBe(1);
  });
  it('accepts a Gram factor B with M = B Bᵀ (the rows of B are the vectors), and a factor L Lᵀ', () => {
    expect(grade({ gram: [[1, 1, 0], [-1, 0, 1]] }).score).toBe(2);
    expect(grade([[1, 1, 0], [-1, 0, 1]]).score).toBe(2);
    expect(message({ gram: [[1, 0], [0, 1]] })).toContain('B Bᵀ ≠ M: entry (1,1) is 1, but M has 2');
    // Bᵀ B is not M here (it is 3×3): the convention is B Bᵀ.
    expect(message({ gram: [[1, -1], [1, 0], [0, 1]] })).toContain('B Bᵀ is 3×3, but M is 2×2');
  });
  it('accepts exact eigenvalues with their multiplicities, in any order', () => {
    expect(grade({ eigenvalues: [1, 3] }).score).toBe(2);
    expect(grade({ eigenvalues: [3, 1] }).score).toBe(2);
    expect(message({ eigenvalues: [0, 3] })).toContain('0 is not an eigenvalue of M: det(M − 0I) = 3 ≠ 0');
    expect(message({ eigenvalues: [1, 1] })).toContain('the eigenvalue 1 has multiplicity 1');
    expect(message({ eigenvalues: [3] })).toContain('list all 2 eigenvalues');
  });
  it('checks multiplicities exactly: 2I₃ has the eigenvalue 2 three times; [[1,1],[1,1]] has 0 and 2', () => {
    const { ws: w3, q: q3 } = psd('[[2, 0, 0], [0, 2, 0], [0, 0, 2]]', 'yes');
    expect(gradeAnswer(w3, q3, 's', { answer: 'yes', certificate: { eigenvalues: [2, 2, 2] } }).score).toBe(2);
    expect(gradeAnswer(w3, q3, 's', { answer: 'yes', certificate: { eigenvalues: [2, 2] } }).score).toBe(1);
    const { ws: w1, q: q1 } = psd('[[1, 1], [1, 1]]', 'yes');
    expect(gradeAnswer(w1, q1, 's', { answer: 'yes', certificate: { eigenvalues: [0, 2] } }).score).toBe(2);
  });
  it('refuses a vector for "yes" and names the forms', () => {
    // A bare list for "yes" is a factor L (n×1 here): L Lᵀ = [[1,-1],[-1,1]] ≠ M.
    expect(message([1, -1])).toContain('L Lᵀ ≠ M: entry (1,1) is 1, but M has 2');
    expect(message({ x: [1, -1] })).toContain('a vector x shows a matrix is not psd');
    expect(message('x = (1, -1)')).toContain('a vector x shows a matrix is not psd');
  });
  it('self-tests with an LDLᵀ model certificate', () => {
    expect(selfTest(ws).ok).toBe(true);
  });
});

describe('psd certificates for "not psd"', () => {
  // M = [[1,2],[2,1]]: x = (1, -1) gives 1 - 2 - 2 + 1 = -2; eigenvalues -1 and 3.
  const { ws, q } = psd('[[1, 2], [2, 1]]', 'no');
  const grade = (value: unknown, certificate?: unknown) => gradeAnswer(ws, q, 's', certificate === undefined ? value : { answer: value, certificate });
  it('accepts the vector written x = (1, -1), (1, -1), [1, -1], or in the answer text', () => {
    for (const c of ['x = (1, -1)', '(1, -1)', '[1, -1]', '[1 -1]', [1, -1], { x: '(1, -1)' }]) expect(grade('no', c).score, JSON.stringify(c)).toBe(2);
    for (const text of ['no, x = (1, -1)', 'no, x = [1, -1]', 'no (1, -1)']) expect(grade(text).score, text).toBe(2);
  });
  it('says what is wrong with a vector, never "give a vector" for one it read', () => {
    const wrong = grade('no', 'x = (1, 1)');
    expect(wrong.score).toBe(1);
    expect(wrong.diagnoses[0]?.message).toContain('gives xᵀMx = 6, which is not negative');
    expect(grade('no', '(1, -1, 0)').diagnoses[0]?.message).toContain('x must have 2 entries');
  });
  it('accepts one negative eigenvalue, checked exactly', () => {
    expect(grade('no', { eigenvalues: [-1] }).score).toBe(2);
    expect(grade('no', { eigenvalues: [-1, 3] }).score).toBe(2);
    expect(grade('no', { eigenvalues: [-2] }).diagnoses[0]?.message).toContain('-2 is not an eigenvalue');
    expect(grade('no', { eigenvalues: [3] }).diagnoses[0]?.message).toContain('every eigenvalue you list is ≥ 0');
  });
});

describe('Gram certificates on random exact instances', () => {
  it('accepts B for M = B Bᵀ computed independently, and rejects a perturbed B', () => {
    const rng = rngFor('gram-test');
    for (let t = 0; t < 15; t++) {
      const b = Array.from({ length: 3 }, () => Array.from({ length: 2 }, () => rng.int(-3, 3)));
      const m = b.map((r) => b.map((s) => r.reduce((acc, x, k) => acc + x * (s[k] ?? 0), 0)));
      const { ws, q } = psd(JSON.stringify(m), 'yes');
      expect(gradeAnswer(ws, q, 's', { answer: 'yes', certificate: { gram: b } }).score).toBe(2);
      const p = b.map((r) => [...r]);
      (p[0] as number[])[0] = ((p[0] as number[])[0] ?? 0) + 1;
      const pm = p.map((r) => p.map((s) => r.reduce((acc, x, k) => acc + x * (s[k] ?? 0), 0)));
      const expected = JSON.stringify(pm) === JSON.stringify(m) ? 2 : 1;
      expect(gradeAnswer(ws, q, 's', { answer: 'yes', certificate: { gram: p } }).score).toBe(expected);
    }
  });
});

describe('a certificate submitted alone', () => {
  it('implies the verdict: a factor, LDLᵀ, Gram factor or non-negative eigenvalues say psd', () => {
    const { ws, q } = psd('[[2, -1], [-1, 2]]', 'yes');
    for (const certificate of [{ gram: [[1, 1, 0], [-1, 0, 1]] }, { L: [[1, 0], ['-1/2', 1]], D: [2, '3/2'] }, { eigenvalues: [1, 3] }]) {
      expect(gradeAnswer(ws, q, 's', { certificate }).score, JSON.stringify(certificate)).toBe(2);
    }
    expect(gradeAnswer(ws, q, 's', { certificate: { eigenvalues: [0, 2] } }).diagnoses.at(-1)?.message).toContain('0 is not an eigenvalue');
  });
  it('a vector or a negative eigenvalue says not psd', () => {
    const { ws, q } = psd('[[1, 2], [2, 1]]', 'no');
    expect(gradeAnswer(ws, q, 's', { certificate: 'x = (1, -1)' }).score).toBe(2);
    expect(gradeAnswer(ws, q, 's', { certificate: { eigenvalues: [-1, 3] } }).score).toBe(2);
    expect(gradeAnswer(ws, q, 's', { certificate: {} }).diagnoses[0]?.message).toBe('Answer yes or no (got a certificate that cannot be read).');
  });
});
