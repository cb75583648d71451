import { chain } from '@odot/core/testing';
import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

const SEED = ['--let', 'A=[[1,2,3],[4,5,6]]', '--let', 'B=[7 8 9; 10 11 12]'];

describe('odot eval (built command)', () => {
  it('evaluates the seed example exactly and prints the shape', () => {
    const run = runOdot(['eval', 'A ⊙ B', ...SEED]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('[  7  16  27 ]\n[ 40  55  72 ]\nshape: 2×3\n');
  });

  it('prints JSON with numbers, or with exact strings under --exact', () => {
    const plain = runOdot(['eval', 'A ⊙ B', ...SEED, '--json']);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toEqual({ shape: [2, 3], value: [[7, 16, 27], [40, 55, 72]] });
    const exact = runOdot(['eval', 'inv(M)', '--let', 'M=[[1,2],[3,4]]', '--json', '--exact']);
    expect(exact.code).toBe(0);
    expect(JSON.parse(exact.stdout)).toEqual({ shape: [2, 2], value: [['-2', '1'], ['3/2', '-1/2']] });
    const floats = runOdot(['eval', 'inv(M)', '--let', 'M=[[1,2],[3,4]]', '--json']);
    expect(JSON.parse(floats.stdout)).toEqual({ shape: [2, 2], value: [[-2, 1], [1.5, -0.5]] });
  });

  it('prints scalars with shape [] and relations as booleans', () => {
    const tr = runOdot(['eval', 'tr(M) + det(M)', '--let', 'M=[[1,2],[3,4]]', '--json', '--exact']);
    expect(JSON.parse(tr.stdout)).toEqual({ shape: [], value: '3' });
    const half = runOdot(['eval', '1/2 + 0.25', '--exact']);
    expect(half.stdout).toBe('3/4\nshape: scalar\n');
    const rel = runOdot(['eval', '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ', ...SEED]);
    expect(rel.code).toBe(0);
    expect(rel.stdout.split('\n')[0]).toBe('true');
  });

  it('sizes J and I from the context and honours --given', () => {
    const run = runOdot(['eval', 'A ⊙ J + I_n A', '--let', 'A=[[1,2],[3,4]]', '--given', 'A: n×n', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ shape: [2, 2], value: [[2, 4], [6, 8]] });
  });

  it('reads the numpy dialect', () => {
    const run = runOdot(['eval', 'A * B', ...SEED, '--dialect', 'numpy', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ shape: [2, 3], value: [[7, 16, 27], [40, 55, 72]] });
  });

  it('A B is a shape error naming 2×3 twice, with a caret, exit 2', () => {
    const run = runOdot(['eval', 'A B', ...SEED]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: .*2×3.*2×3/);
    expect(run.stderr).toContain('  --> 1:1');
    expect(run.stderr).toContain('^');
  });

  it('names an unbound symbol and points at it', () => {
    const run = runOdot(['eval', 'A ⊙ Q', ...SEED]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: unbound symbol Q/);
    expect(run.stderr).toContain('  --> 1:5');
  });

  it('reports a singular inverse and a zero under a Hadamard inverse', () => {
    const sing = runOdot(['eval', 'inv(M)', '--let', 'M=[[1,2],[2,4]]']);
    expect(sing.code).toBe(2);
    expect(sing.stderr).toMatch(/^error: .*singular/);
    const zero = runOdot(['eval', 'M^⊙-1', '--let', 'M=[[1,0],[2,4]]']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('(1,2)');
  });

  it('rejects a malformed --let with exit 2 and a caret into the literal', () => {
    const bad = runOdot(['eval', 'A', '--let', 'A=[[1,2],[3,4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --let A: /);
    expect(bad.stderr).toContain('^');
    const noEq = runOdot(['eval', 'A', '--let', 'A[[1,2]]']);
    expect(noEq.code).toBe(2);
    expect(noEq.stderr).toMatch(/^error: --let needs NAME=MATRIX/);
    for (const run of [bad, noEq]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('odot eval of long matrix-product chains (issue 15)', () => {
  const power = (n: number): string => chain(n, () => 'A', ''); // juxtaposition: A  A  …

  it('evaluates 10 000 factors read from stdin, exact and as JSON, with the shape: Aⁿ = [[1, n], [0, 1]]', () => {
    const exact = runOdot(['eval', '-', '--let', 'A=[[1,1],[0,1]]', '--json', '--exact'], { input: power(10_000) });
    expect(exact.code).toBe(0);
    expect(JSON.parse(exact.stdout)).toEqual({ shape: [2, 2], value: [['1', '10000'], ['0', '1']] });
    const text = runOdot(['eval', '-', '--let', 'A=[[1,1],[0,1]]'], { input: power(10_000) });
    expect(text.stdout).toBe('[ 1  10000 ]\n[ 0      1 ]\nshape: 2×2\n');
  });

  it('still refuses 10 000 nested parentheses with too-deep at the 1001st bracket', () => {
    const run = runOdot(['eval', '-', '--let', 'A=[[1]]', '--json'], { input: `${'('.repeat(10_000)}A${')'.repeat(10_000)}` });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'too-deep', line: 1, column: 1001 } });
  });
});

