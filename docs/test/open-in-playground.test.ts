import { describe, expect, it } from 'vitest';
import { EMPTY_STATE } from '../../apps/playground/src/state.ts';
import { playgroundStateOf } from '../.vitepress/open-in-playground.ts';
import { splitArgs } from './extract.ts';

describe('Open in playground links of guide examples', () => {
  it('carry the expression, values, givens and dialect of an odot command', () => {
    expect(playgroundStateOf(splitArgs(`odot eval 'A ⊙ B' --let 'A=[[1,2,3],[4,5,6]]' --let 'B=[7 8 9; 10 11 12]' --json`))).toEqual({
      ...EMPTY_STATE,
      expr: 'A ⊙ B',
      bindings: 'A = [[1,2,3],[4,5,6]]\nB = [7 8 9; 10 11 12]',
    });
    expect(playgroundStateOf(splitArgs(`odot equiv '(A ⊙ B)ᵀ' 'Bᵀ ⊙ Aᵀ' --given 'A, B: m×n'`))).toEqual({ ...EMPTY_STATE, expr: '(A ⊙ B)ᵀ', other: 'Bᵀ ⊙ Aᵀ', givens: 'A, B: m×n' });
    expect(playgroundStateOf(splitArgs(`odot parse 'A \\odot B' --dialect=latex --given 'A: 2×3' --given 'B: 2×3'`))).toEqual({ ...EMPTY_STATE, expr: 'A \\odot B', dialect: 'latex', givens: 'A: 2×3\nB: 2×3' });
  });

  it('are not made for commands the playground does not run', () => {
    expect(playgroundStateOf(splitArgs('odot check examples/proofs/transpose.proof'))).toBeUndefined();
    expect(playgroundStateOf(splitArgs('odot --help'))).toBeUndefined();
    expect(playgroundStateOf(splitArgs('pnpm build'))).toBeUndefined();
  });
});
