import { describe, expect, it } from 'vitest';
import { closestNames } from './suggest.ts';

describe('suggestions', () => {
  it('suggests the nearest law names only', () => {
    const names = ['hadamard_comm', 'hadamard_assoc', 'hadamard_add', 'transpose_hadamard', 'schur', 'mul_comm'];
    expect(closestNames('hadamard_com', names)).toEqual(['hadamard_comm']);
    expect(closestNames('Schur', names)).toEqual(['schur']);
    expect(closestNames('transpose', names)).toEqual(['transpose_hadamard']);
    expect(closestNames('zzz', names)).toEqual([]);
  });
});
