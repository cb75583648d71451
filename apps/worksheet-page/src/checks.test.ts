import { describe, expect, it } from 'vitest';
import { nameTable } from '@odot/core';
import { checkExpression, checkGrid, checkLawName, checkProof, checkReason, checkShapeText, checkTruth, checkVerdict, knownLaw } from './checks.ts';
import type { PageQuestion } from './page-types.ts';

const base: PageQuestion = { id: 'q', kind: 'expression', points: 1, title: '', prompt: '', declarations: ['A, B, C: m×n'], matrices: [], dialects: ['plain'], byAlgebra: false, expectedShape: 'm×n', wantsReason: false };
const LAWS = nameTable(['hadamard_comm', 'hadamard_add', 'hadamard_ones'], { hadamard_distrib: 'hadamard_add' });

describe('live checks', () => {
  it('shows a parse error with the caret, and a hint when another dialect reads it', () => {
    const broken = checkExpression('A ⊙ (B + C', base);
    expect(broken.level).toBe('error');
    expect(broken.messages[0]?.formatted).toContain('^');
    const numpy = checkExpression('A * (B + C) @ C.T', base);
    expect(numpy.level).toBe('error');
    expect(numpy.messages[0]?.formatted).toMatch(/reads as NumPy/);
  });
  it('names undeclared symbols and checks the shape', () => {
    expect(checkExpression('A ⊙ X', base).messages[0]?.text).toMatch(/undeclared symbol X/);
    expect(checkExpression('Aᵀ', base).messages[0]?.text).toBe('wrong shape: expected m×n, got n×m');
    const fine = checkExpression('A ⊙ (B + C)', base);
    expect(fine.level).toBe('ok');
    expect(fine.latex).toContain('\\odot');
  });
  it('checks a grid: every cell a number, and the expected shape', () => {
    const q = { ...base, kind: 'matrix' as const, expectedShape: '2×3' };
    expect(checkGrid([['7', '16'], ['40', '55'], ['1/2', '0.5']], q).messages.map((m) => m.text)).toEqual(['wrong shape: expected 2×3, got 3×2']);
    expect(checkGrid([['7', 'x', '']], q).messages.map((m) => m.text)).toEqual([
      "cell (1,2): 'x' is not a number (write an integer, a decimal or a fraction such as 1/2)",
      'cell (1,3) is empty',
      'wrong shape: expected 2×3, got 1×3',
    ]);
    expect(checkGrid([['', '']], q).level).toBe('empty');
    expect(checkGrid([['1', ''], ['', '']], { ...q, expectedShape: '2×2' }).messages.map((m) => m.text)).toEqual(['3 cells are empty: (1,2), (2,1), (2,2)']);
  });
  it('flags a proof step without `by LAW` and an unknown law, by line; a one-letter typo gets a note (read as the grader reads it)', () => {
    const check = checkProof('A ⊙ B\n= B ⊙ A\n= B ⊙ A by hadamard_cmu\n= B ⊙ A by hadamrd_comm\n= B ⊙ A by hadamard_comm', base, LAWS);
    expect(check.messages.map((m) => [m.line, m.level])).toEqual([
      [2, 'error'],
      [3, 'warning'],
      [4, 'note'],
    ]);
    expect(check.messages[0]?.text).toMatch(/missing `by LAW`/);
  });
  it('reads shapes, truth values and verdicts, catching typos', () => {
    expect(checkShapeText('2x3').level).toBe('ok');
    expect(checkShapeText('2×').level).toBe('error');
    expect(checkTruth('ture').level).toBe('error');
    expect(checkTruth('False').level).toBe('ok');
    expect(checkVerdict('y').level).toBe('ok');
    expect(checkVerdict('maybe').level).toBe('error');
    expect(knownLaw('Hadamard comm', LAWS)).toBe('hadamard_comm');
  });

  it('reads a law name as the grader does: aliases pass, a one-letter typo gets a note, others a did-you-mean warning', () => {
    expect(knownLaw('hadamard_distrib', LAWS)).toBe('hadamard_add');
    expect(checkLawName('by Hadamard-Distrib', LAWS)).toBeUndefined();
    expect(checkLawName('hadamard_com', LAWS)).toEqual({ level: 'note', text: "read 'hadamard_com' as hadamard_comm (a one-letter typo)" });
    const unknown = checkLawName('hadamard_cmu', LAWS);
    expect(unknown?.level).toBe('warning');
    expect(unknown?.text).toContain('did you mean hadamard_comm');
    expect(checkLawName('zzz', LAWS)?.text).toBe("'zzz' is not a law name of the catalogue (pick one from the list)");
    expect(checkReason('hadamard_com', LAWS)).toMatchObject({ level: 'ok', messages: [{ level: 'note' }] });
    expect(checkReason('hadamard_distrib', LAWS)).toMatchObject({ level: 'ok', messages: [] });
    expect(checkReason('zzz', LAWS).level).toBe('warning');
  });
});
