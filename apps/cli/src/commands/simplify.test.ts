import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

describe('odot simplify (built command)', () => {
  it('prints the normal form', () => {
    const run = runOdot(['simplify', '(A ⊙ B)ᵀ', '--given', 'A, B: 2×3']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Aᵀ ⊙ Bᵀ\n');
  });

  it('--steps prints one line per step with the law', () => {
    const run = runOdot(['simplify', '(A ⊙ B)ᵀ', '--given', 'A, B: 2×3', '--steps']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ   by transpose_hadamard\n');
    const seed = runOdot(['simplify', 'D₁ D₂ + J ⊙ A', '--given', 'D₁, D₂: n×n diagonal; A: n×n', '--steps']);
    expect(seed.stdout).toContain('by diagonal_mul_diagonal');
    expect(seed.stdout).toContain('by hadamard_ones');
    expect(seed.stdout.trim().split('\n').pop()).toBe('= A + D₁ ⊙ D₂   by hadamard_ones');
  });

  it('--json gives result and steps as plain strings with paths', () => {
    const run = runOdot(['simplify', 'X + (A ⊙ (B + C))ᵀ', '--given', 'A, B, C, X: 2×2', '--json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { result: string; steps: { law: string; before: string; after: string; path: number[] }[] };
    expect(data.result).toBe('X + Aᵀ ⊙ Bᵀ + Aᵀ ⊙ Cᵀ');
    // Leftmost-innermost: distribute inside the transpose first, then push the transposes down.
    expect(data.steps.map((s) => s.law)).toEqual(['hadamard_add', 'transpose_add', 'transpose_hadamard', 'transpose_hadamard']);
    expect(data.steps[0]).toEqual({ law: 'hadamard_add', direction: 'forward', before: 'X + (A ⊙ (B + C))ᵀ', after: 'X + (A ⊙ B + A ⊙ C)ᵀ', path: [1, 0] });
  });

  it('--law takes a name, an alias or words; an unknown or non-simplifying law is exit 2 with the reason', () => {
    const args = ['simplify', 'A ⊙ (B + C)', '--given', 'A, B, C: 2×2', '--steps'];
    for (const law of ['hadamard_add', 'hadamard_distrib', 'Hadamard add']) {
      const run = runOdot([...args, '--law', law]);
      expect(run.code, law).toBe(0);
      expect(run.stdout, law).toBe('A ⊙ (B + C)\n= A ⊙ B + A ⊙ C   by hadamard_add\n');
    }
    const typo = runOdot([...args, '--law', 'hadamard_ad']);
    expect([typo.code, typo.stdout]).toEqual([2, '']);
    expect(typo.stderr).toContain("unknown law 'hadamard_ad'");
    expect(typo.stderr).toContain('did you mean hadamard_add?');
    const comm = runOdot([...args, '--law', 'hadamard_comm']);
    expect(comm.code).toBe(2);
    expect(comm.stderr).toContain("is not one of simplify's laws");
  });

  it('a shape error is an input error: exit 2 with a caret', () => {
    const run = runOdot(['simplify', 'A B', '--given', 'A, B: 2×3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*2×3/);
    expect(run.stderr).toContain('^');
    expect(run.stdout).toBe('');
  });

  it('reports a limit on stderr', () => {
    const run = runOdot(['simplify', '(A + B) ⊙ (A + C) ⊙ (B + C)', '--given', 'A, B, C: n×n', '--max-steps', '2']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note: stopped before a normal form \(steps/);
  });
});
