import { describe, expect, it } from 'vitest';
import { gridKeyTarget, pasteIntoGrid } from './matrix-grid.ts';

const mid = { atStart: false, atEnd: false };
const both = { atStart: true, atEnd: true };

describe('gridKeyTarget', () => {
  it('moves with the arrows, left and right only from the ends of the text', () => {
    expect(gridKeyTarget('ArrowDown', false, mid, [0, 1], [2, 3])).toEqual([1, 1]);
    expect(gridKeyTarget('ArrowUp', false, mid, [0, 1], [2, 3])).toBeUndefined();
    expect(gridKeyTarget('ArrowLeft', false, mid, [0, 1], [2, 3])).toBeUndefined();
    expect(gridKeyTarget('ArrowLeft', false, both, [0, 1], [2, 3])).toEqual([0, 0]);
    expect(gridKeyTarget('ArrowRight', false, both, [0, 2], [2, 3])).toBeUndefined();
  });
  it('goes down a column with Enter, then to the top of the next, and up with Shift+Enter', () => {
    expect(gridKeyTarget('Enter', false, mid, [0, 0], [2, 3])).toEqual([1, 0]);
    expect(gridKeyTarget('Enter', false, mid, [1, 0], [2, 3])).toEqual([0, 1]);
    expect(gridKeyTarget('Enter', false, mid, [1, 2], [2, 3])).toBeUndefined();
    expect(gridKeyTarget('Enter', true, mid, [1, 2], [2, 3])).toEqual([0, 2]);
    expect(gridKeyTarget('Tab', false, mid, [0, 0], [2, 3])).toBeUndefined();
  });
});

describe('pasteIntoGrid', () => {
  const empty = [['', ''], ['', '']];
  it('replaces the grid with a whole matrix, resizing it', () => {
    expect(pasteIntoGrid(empty, '[[7, 16, 27], [40, 55, 72]]', 1, 1)).toEqual({ cells: [['7', '16', '27'], ['40', '55', '72']], last: [1, 2] });
  });
  it('fills spreadsheet cells from the focused cell, growing the grid', () => {
    expect(pasteIntoGrid([['1', '2'], ['3', '4']], '8\t9\n10\t11', 1, 1)).toEqual({ cells: [['1', '2', ''], ['3', '8', '9'], ['', '10', '11']], last: [2, 2] });
  });
  it('leaves a single value to the ordinary paste, and spreads space-separated values along the row', () => {
    expect(pasteIntoGrid(empty, '42', 0, 0)).toBeUndefined();
    expect(pasteIntoGrid(empty, '1/2 -3', 1, 0)).toEqual({ cells: [['', ''], ['1/2', '-3']], last: [1, 1] });
  });
});
