import { describe, expect, it } from 'vitest';
import { parsePastedGrid } from './grid-paste.ts';

const SEED = [['7', '16', '27'], ['40', '55', '72']];

describe('parsePastedGrid', () => {
  it('reads a nested list, MATLAB rows and a NumPy array as the same cells', () => {
    expect(parsePastedGrid('[[7, 16, 27], [40, 55, 72]]')).toEqual(SEED);
    expect(parsePastedGrid('[7 16 27; 40 55 72]')).toEqual(SEED);
    expect(parsePastedGrid('np.array([[7, 16, 27],\n          [40, 55, 72]])')).toEqual(SEED);
    expect(parsePastedGrid('array([[ 7, 16, 27],\n       [40, 55, 72]])')).toEqual(SEED);
  });
  it('reads spreadsheet cells (tab-separated) and keeps fractions and decimals as text', () => {
    expect(parsePastedGrid('7\t16\t27\r\n40\t55\t72\r\n')).toEqual(SEED);
    expect(parsePastedGrid('1/2\t0.25\n-3\t4')).toEqual([['1/2', '0.25'], ['-3', '4']]);
  });
  it('reads a flat list as a column', () => {
    expect(parsePastedGrid('[1, 2, 3]')).toEqual([['1'], ['2'], ['3']]);
  });
  it('refuses ragged, empty and unclosed pastes', () => {
    expect(parsePastedGrid('[[1, 2], [3]]')).toBeUndefined();
    expect(parsePastedGrid('')).toBeUndefined();
    expect(parsePastedGrid('[[1, 2], [3, 4]')).toBeUndefined();
    expect(parsePastedGrid('1\t\t2')).toBeUndefined();
  });
});
