import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

interface EquivJson {
  equivalent: boolean;
  method: string;
  layer: string;
  steps: { law: string; before: string; after: string; path: number[] }[];
  counterexample?: { bindings: Record<string, { shape: number[]; value: unknown }>; left: unknown; right: unknown };
  errorBound?: number;
}

function json(args: string[]): { code: number; data: EquivJson } {
  const run = runOdot(['equiv', ...args, '--json']);
  expect(run.stderr).toBe('');
  return { code: run.code, data: JSON.parse(run.stdout) as EquivJson };
}

describe('odot equiv (built command)', () => {
  it('proves a law of the seed with steps, exit 0', () => {
    const { code, data } = json(['A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', '--given', 'A, B, C: m×n']);
    expect(code).toBe(0);
    expect(data.equivalent).toBe(true);
    expect(data.method).toBe('proved');
    expect(data.steps.map((s) => s.law)).toEqual(['hadamard_add']);
    expect(data.steps[0]).toMatchObject({ before: 'A ⊙ (B + C)', after: 'A ⊙ B + A ⊙ C', path: [] });
  });

  it('the text form shows the proof', () => {
    const run = runOdot(['equiv', '(A ⊙ B)ᵀ', 'Bᵀ ⊙ Aᵀ', '--given', 'A, B: m×n']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('equivalent (proved: same normal form)\n  (A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ   by transpose_hadamard\n= Bᵀ ⊙ Aᵀ   by hadamard_comm\n');
  });

  it('refutes a non-law with an exact counterexample, exit 1', () => {
    const { code, data } = json(['(A B) ⊙ C', '(A ⊙ C) B', '--given', 'A, B, C: 2×2']);
    expect(code).toBe(1);
    expect(data.equivalent).toBe(false);
    expect(data.method).toBe('refuted');
    expect(Object.keys(data.counterexample?.bindings ?? {}).sort()).toEqual(['A', 'B', 'C']);
    expect(data.counterexample?.left).not.toEqual(data.counterexample?.right);
  });

  it('I ⊙ A is not A', () => {
    expect(runOdot(['equiv', 'I ⊙ A', 'A', '--given', 'A: 3×3']).code).toBe(1);
  });

  it('finds a proof by a law the simplifier does not use (diag_scaling)', () => {
    const { code, data } = json(['diag(x) A diag(y)', '(x yᵀ) ⊙ A', '--given', 'x: m; A: m×n; y: n']);
    expect(code).toBe(0);
    expect(data.method).toBe('proved');
    expect(data.steps.map((s) => s.law)).toContain('diag_scaling');
  });

  it('shape errors are input errors, exit 2', () => {
    const bad = runOdot(['equiv', 'A ⊙ B', 'A B', '--given', 'A, B: 2×3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: /);
    expect(bad.stderr).toContain('^');
    const sides = runOdot(['equiv', 'A', 'Aᵀ', '--given', 'A: 2×3']);
    expect(sides.code).toBe(2);
    expect(sides.stderr).toContain('different shapes: 2×3 and 3×2');
    expect(runOdot(['equiv', 'A ⊙']).code).toBe(2);
  });
});
