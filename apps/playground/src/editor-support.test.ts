import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fieldMarks, lineRange } from './field-marks.ts';
import { fieldTokens } from './field-tokens.ts';
import type { TaskResult } from './protocol.ts';
import { runTask } from './engine.ts';
import { diffChange } from './text-diff.ts';

const coloured = (language: Parameters<typeof fieldTokens>[0], text: string): string[] =>
  fieldTokens(language, text, 'plain').map((t) => `${text.slice(t.from, t.to)}:${t.class}`);

describe('fieldTokens', () => {
  it('colours givens: names, dimensions, numbers and property words', () => {
    expect(coloured('givens', 'A, B: 2×3\nP: n×n psd')).toEqual(['A:name', ',:punctuation', 'B:name', '::punctuation', '2:number', '×:punctuation', '3:number', 'P:name', '::punctuation', 'n:constant', '×:punctuation', 'n:constant', 'psd:property']);
  });
  it('colours proofs: keywords, the expression of each step, and the law after `by`', () => {
    const text = 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ\n  = Aᵀ ⊙ Bᵀ    by transpose_hadamard\nqed';
    const tokens = coloured('proof', text);
    expect(tokens.slice(0, 3)).toEqual(['prove:keyword', '(:bracket', 'A:name']);
    expect(tokens).toContain('by:keyword');
    expect(tokens).toContain('transpose_hadamard:law');
    expect(tokens.at(-1)).toBe('qed:keyword');
  });
  it('leaves plain text and very long texts uncoloured', () => {
    expect(fieldTokens('text', 'A = [[1,2]]', 'plain')).toEqual([]);
    expect(fieldTokens('expr', 'A + '.repeat(6000), 'plain')).toEqual([]);
  });
});

describe('fieldMarks', () => {
  it('marks the second ⊙ of a parse error in the expression', () => {
    const result = runTask({ kind: 'analyze', expr: 'A ⊙ ⊙ B', dialect: 'plain', givens: '' });
    const marks = fieldMarks(result, '');
    expect(marks.expr).toHaveLength(1);
    expect('A ⊙ ⊙ B'.slice(marks.expr?.[0]?.from, marks.expr?.[0]?.to)).toBe('⊙');
    expect(marks.givens).toEqual([]);
  });
  it('marks a givens error in the givens, and a compare-with error in that field', () => {
    const givens = fieldMarks(runTask({ kind: 'analyze', expr: 'A', dialect: 'plain', givens: 'A: 2×' }), '');
    expect(givens.expr).toEqual([]);
    expect(givens.givens?.length).toBe(1);
    const other = fieldMarks(runTask({ kind: 'equiv', expr: 'A', other: 'A +', dialect: 'plain', givens: '' }), '');
    expect(other.other?.length).toBe(1);
  });
  it('marks the line of a wrong proof step', () => {
    const proof = ['given A, B: m×n', 'prove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', 'proof', '    (A ⊙ B)ᵀ', '  = Aᵀ ⊙ Bᵀ    by transpose_hadamard', '  = Aᵀ Bᵀ      by hadamard_comm', 'qed'].join('\n');
    const marks = fieldMarks(runTask({ kind: 'proof', proof }), proof).proof ?? [];
    expect(marks.map((m) => proof.slice(m.from, m.to))).toEqual(['  = Aᵀ Bᵀ      by hadamard_comm']);
  });
  it('sets no marks from evaluation, PSD and simplify results', () => {
    const result: TaskResult = runTask({ kind: 'evaluate', expr: 'A', dialect: 'plain', givens: '', bindings: 'A = [[1]]', mode: 'exact' });
    expect(fieldMarks(result, '')).toEqual({});
  });
  it('finds line ranges', () => {
    expect(lineRange('ab\ncde\n', 2)).toEqual({ from: 3, to: 6 });
    expect(lineRange('ab', 3)).toBeUndefined();
  });
});

describe('diffChange', () => {
  test.prop([fc.string(), fc.string()])('applying the change to a gives b', (a, b) => {
    const change = diffChange(a, b);
    expect(a.slice(0, change.from) + change.insert + a.slice(change.to)).toBe(b);
  });
  it('is minimal around a replaced backslash name', () => {
    expect(diffChange('A \\odot B', 'A ⊙ B')).toEqual({ from: 2, to: 7, insert: '⊙' });
  });
});
