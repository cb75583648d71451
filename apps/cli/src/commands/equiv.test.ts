import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

interface EquivJson {
  equivalent: boolean;
  method: string;
  layer: string;
  steps: { law: string; before: string; after: string; path: number[] }[];
  counterexample?: { bindings: Record<string, { shape: number[]; value: unknown }>; left: unknown; right: unknown };
  errorBound?: number;
  indexNormalForms?: { left: string; right: string };
  fragment?: string;
  explanation: string;
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

  it('--time-limit MS bounds the whole decision; a bad value is exit 2', () => {
    const fast = runOdot(['equiv', 'A ⊙ B', 'B ⊙ A', '--given', 'A, B: 2×3', '--time-limit', '5000']);
    expect(fast.code).toBe(0);
    const factors = (last: string): string => [...Array.from({ length: 11 }, (_, i) => `(A${i} + B${i})`), last].join(' ⊙ ');
    const given = `${Array.from({ length: 12 }, (_, i) => `A${i}, B${i}`).join(', ')}, C: n×n`;
    const hard = runOdot(['equiv', factors('(A11 + B11)'), factors('(A11 + C)'), '--given', given, '--time-limit', '300', '--json']);
    expect([1, 3]).toContain(hard.code);
    expect((JSON.parse(hard.stdout) as EquivJson).equivalent).toBe(false);
    expect(runOdot(['equiv', 'A', 'A', '--given', 'A: 2×2', '--time-limit', '-5']).code).toBe(2);
    for (const bad of ['0', 'soon', '1.5']) {
      const run = runOdot(['equiv', 'A', 'A', '--given', 'A: 2×2', '--time-limit', bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr, bad).toContain('--time-limit needs a positive whole number of milliseconds');
    }
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

  it('proves the polynomial fragment by the index normal form and reports both forms', () => {
    const { code, data } = json(['J_{1×m} (A ⊙ B) J_{n×1}', 'tr(A Bᵀ)', '--given', 'A, B: m×n']);
    expect(code).toBe(0);
    expect([data.method, data.layer]).toEqual(['proved', 'index-normal-form']);
    expect(data.indexNormalForms).toEqual({ left: 'Σ_{k∈m,l∈n} A[k,l] B[k,l]', right: 'Σ_{k∈m,l∈n} A[k,l] B[k,l]' });
  });

  it('refutes by the index normal form with the separating size, exit 1; --explain prints the forms', () => {
    const { code, data } = json(['tr(A ⊙ A)', 'tr(A)^2', '--given', 'A: n×n']);
    expect(code).toBe(1);
    expect([data.method, data.layer]).toEqual(['refuted', 'index-normal-form']);
    expect(data.indexNormalForms?.left).toBe('Σ_{k∈n} A[k,k] A[k,k]');
    const run = runOdot(['equiv', 'D ⊙ D', 'D^2', '--given', 'D: n×n diagonal', '--explain']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('left:  [i,j] ↦ D[i] D[i] δ(i,j)');
  });

  it('outside the fragment says so and tests sizes 1 and 2 as well: det(J_n) = 0 is false at n = 1', () => {
    const { code, data } = json(['det(J_{n×n})', '0']);
    expect(code).toBe(1);
    expect(data.fragment).toContain('determinant');
    const ok = json(['inv(A B)', 'inv(B) inv(A)', '--given', 'A, B: n×n']);
    expect(ok.data.method).toBe('equal-by-testing');
    expect(ok.data.explanation).toMatch(/outside the index-normal-form fragment.*n=1.*n=2/);
  });
});
