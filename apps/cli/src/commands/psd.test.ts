import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

interface PsdJson {
  verdict: string;
  property: string;
  eigenvalues?: number[];
  certificate?: { kind: string; x?: string[]; value?: string; L?: string[][]; D?: string[]; permutation?: number[] };
}

function json(args: string[]): { code: number; data: PsdJson } {
  const run = runOdot([...args, '--json']);
  expect(run.stderr).toBe('');
  return { code: run.code, data: JSON.parse(run.stdout) as PsdJson };
}

describe('odot psd (built command)', () => {
  it('[[1,1],[1,1]] is psd (exit 0) with eigenvalues 0 and 2 and an exact factor', () => {
    const { code, data } = json(['psd', 'A', '--let', 'A=[[1,1],[1,1]]']);
    expect(code).toBe(0);
    expect(data.verdict).toBe('psd');
    expect(data.eigenvalues?.[0]).toBeCloseTo(0, 12);
    expect(data.eigenvalues?.[1]).toBeCloseTo(2, 12);
    expect(data.certificate).toEqual({ kind: 'factorization', permutation: [1, 2], L: [['1', '0'], ['1', '1']], D: ['1', '0'] });
  });

  it('[[0,1],[1,0]] is not psd (exit 1) with x, xᵀAx = -2', () => {
    const { code, data } = json(['psd', 'A', '--let', 'A=[[0,1],[1,0]]']);
    expect(code).toBe(1);
    expect(data.verdict).toBe('not psd');
    expect(data.certificate?.kind).toBe('vector');
    expect(data.certificate?.value).toBe('-2');
    // Check xᵀAx = -2 independently.
    const [x1, x2] = (data.certificate?.x ?? []).map(Number) as [number, number];
    expect(2 * x1 * x2).toBe(-2);
  });

  it('the claim forms and --pd test definiteness', () => {
    expect(runOdot(['psd', 'pd(A)', '--let', 'A=[[1,1],[1,1]]']).code).toBe(1);
    expect(runOdot(['psd', 'A', '--pd', '--let', 'A=[[2,1],[1,2]]']).code).toBe(0);
    const text = runOdot(['psd', 'X ⪰ 0', '--let', 'X=[[2,-1,0],[-1,2,-1],[0,-1,2]]']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('psd');
    expect(text.stdout).toContain('eigenvalues (float): ');
    expect(text.stdout).toContain('certificate: PᵀAP = L·diag(D)·Lᵀ');
  });

  it('evaluates an expression first: B Bᵀ is psd', () => {
    const { code, data } = json(['psd', 'B Bᵀ', '--let', 'B=[[1,2,0],[3,4,1]]']);
    expect(code).toBe(0);
    expect(data.verdict).toBe('psd');
  });

  it('a non-symmetric matrix is not psd', () => {
    const { code, data } = json(['psd', 'A', '--let', 'A=[[1,2],[3,4]]']);
    expect(code).toBe(1);
    expect(data.certificate?.kind).toBe('asymmetry');
  });

  it('symbols without values: unknown, exit 3', () => {
    // λmax(P) ≤ tr(P) for psd P, so tr(P) I − P is psd, but no law says so and no instance refutes it.
    const run = runOdot(['psd', 'tr(P) I_n - P', '--given', 'P: n×n psd']);
    expect(run.code).toBe(3);
    expect(run.stdout.split('\n')[0]).toBe('unknown');
  });

  it('input errors exit 2 with a caret', () => {
    const nonSquare = runOdot(['psd', 'A', '--let', 'A=[[1,2,3]]']);
    expect(nonSquare.code).toBe(2);
    expect(nonSquare.stderr).toMatch(/^error: psd needs a square matrix, got 1×3/);
    const syntax = runOdot(['psd', 'A ⊙', '--let', 'A=[[1]]']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain('^');
    expect(syntax.stderr).not.toMatch(/\n\s+at /);
  });
});
