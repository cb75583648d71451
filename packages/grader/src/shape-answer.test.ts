import { describe, expect, it } from 'vitest';
import { readShapeAnswer } from './shape-answer.ts';

describe('readShapeAnswer', () => {
  it.each([
    ['2×3', { kind: 'matrix', rows: '2', cols: '3' }],
    ['2x3', { kind: 'matrix', rows: '2', cols: '3' }],
    ['2 by 3', { kind: 'matrix', rows: '2', cols: '3' }],
    ['(2, 3)', { kind: 'matrix', rows: '2', cols: '3' }],
    ['m×n', { kind: 'matrix', rows: 'm', cols: 'n' }],
    ['mxn', { kind: 'matrix', rows: 'm', cols: 'n' }],
    ['undefined', { kind: 'undefined' }],
    ['Not defined.', { kind: 'undefined' }],
    ['scalar', { kind: 'scalar' }],
  ])('%s', (text, shape) => {
    expect(readShapeAnswer(text)).toEqual(shape);
  });

  it('reads lists and rejects nonsense', () => {
    expect(readShapeAnswer([2, 3])).toEqual({ kind: 'matrix', rows: '2', cols: '3' });
    expect(readShapeAnswer('big')).toBeUndefined();
    expect(readShapeAnswer(7)).toBeUndefined();
  });
});
