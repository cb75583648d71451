import { describe, expect, it } from 'vitest';
import { emptyAnswer, responseText, restoreAnswer, submissionValue } from './answers.ts';
import type { PageQuestion } from './page-types.ts';

const q = (kind: PageQuestion['kind'], expectedShape?: string): PageQuestion => ({ id: 'q', kind, points: 1, title: '', prompt: '', declarations: [], matrices: [], dialects: ['plain'], byAlgebra: false, wantsReason: false, ...(expectedShape ? { expectedShape } : {}) });

describe('answers', () => {
  it('sizes an empty grid to the expected shape', () => {
    expect(emptyAnswer(q('matrix', '2×3'))).toEqual({ kind: 'matrix', cells: [['', '', ''], ['', '', '']] });
    expect(emptyAnswer(q('matrix', 'm×n'))).toEqual({ kind: 'matrix', cells: [['', ''], ['', '']] });
  });
  it('turns states into submission values', () => {
    expect(submissionValue({ kind: 'matrix', cells: [[' 7 ', '16']] })).toEqual([['7', '16']]);
    expect(submissionValue({ kind: 'matrix', cells: [['', '']] })).toBeUndefined();
    expect(submissionValue({ kind: 'truefalse', value: 'True', reason: '' })).toBe(true);
    expect(submissionValue({ kind: 'truefalse', value: 'f', reason: 'hadamard_comm' })).toEqual({ answer: false, reason: 'hadamard_comm' });
    expect(submissionValue({ kind: 'truefalse', value: 'ture', reason: '' })).toBe('ture');
    expect(submissionValue({ kind: 'psd', value: 'Y', certificate: 'schur' })).toEqual({ answer: 'yes', certificate: 'schur' });
    expect(submissionValue({ kind: 'proof', text: 'A\n= A by x\n\n' })).toBe('A\n= A by x');
  });
  it('reads a reason or certificate typed after the verdict, unless the separate input has one', () => {
    expect(submissionValue({ kind: 'truefalse', value: 'true by hadamard_assoc', reason: '' })).toEqual({ answer: true, reason: 'hadamard_assoc' });
    expect(submissionValue({ kind: 'truefalse', value: 'false, hadamard_comm', reason: 'hadamard_add' })).toEqual({ answer: false, reason: 'hadamard_add' });
    expect(submissionValue({ kind: 'psd', value: 'yes because schur', certificate: '' })).toEqual({ answer: 'yes', certificate: 'schur' });
    expect(submissionValue({ kind: 'truefalse', value: 'truely', reason: '' })).toBe('truely');
    expect(responseText({ kind: 'truefalse', value: 'F by x', reason: '' })).toBe('f');
  });
  it('restores only a saved state of the right kind', () => {
    expect(restoreAnswer(q('shape'), { kind: 'shape', text: '2×3' })).toEqual({ kind: 'shape', text: '2×3' });
    expect(restoreAnswer(q('shape'), { kind: 'matrix', cells: [['1']] })).toEqual({ kind: 'shape', text: '' });
    expect(restoreAnswer(q('matrix', '1×1'), { kind: 'matrix', cells: [['1'], ['2', '3']] })).toEqual({ kind: 'matrix', cells: [['']] });
  });
  it('writes a one-line response for SCORM', () => {
    expect(responseText({ kind: 'matrix', cells: [['7', '16'], ['40', '55']] })).toBe('[[7,16],[40,55]]');
    expect(responseText({ kind: 'truefalse', value: 'true', reason: 'x' })).toBe('t');
    expect(responseText({ kind: 'proof', text: 'A\n= B by x' })).toBe('A = B by x');
  });
});
