import { describe, expect, it } from 'vitest';
import { runTask } from './engine.ts';
import { isWorkerRequest, isWorkerResponse } from './protocol.ts';
import { SEED_STATE } from './state.ts';

// The proof pane's Hint button asks the worker for a `hint` task: the next step of the proof.

describe('hint task', () => {
  it('gives the next law and line of an unfinished proof', () => {
    const proof = 'given A, B: m×n\nprove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ\nproof\n    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ    by transpose_hadamard\nqed';
    const result = runTask({ kind: 'hint', proof });
    expect(result.kind === 'hint' && result.ok && result.view).toEqual({
      status: 'hint',
      line: '= Bᵀ ⊙ Aᵀ   by hadamard_comm',
      text: expect.stringContaining('apply hadamard_comm to Aᵀ ⊙ Bᵀ'),
    });
  });

  it('says there is nothing to hint for a proved proof, and reports unreadable ones as diagnostics', () => {
    const proved = runTask({ kind: 'hint', proof: SEED_STATE.proof });
    expect(proved.kind === 'hint' && proved.ok && proved.view.status).toBe('proved');
    const bad = runTask({ kind: 'hint', proof: 'prove A ⊙ = B\nproof\nqed' });
    expect(bad.ok).toBe(false);
  });

  it('is a well-formed request and response of the worker protocol', () => {
    expect(isWorkerRequest({ id: 1, task: { kind: 'hint', proof: 'x' } })).toBe(true);
    expect(isWorkerRequest({ id: 1, task: { kind: 'hint' } })).toBe(false);
    expect(isWorkerResponse({ id: 1, status: 'done', result: runTask({ kind: 'hint', proof: SEED_STATE.proof }) })).toBe(true);
  });
});
