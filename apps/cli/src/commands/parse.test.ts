import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

describe('odot parse (built command)', () => {
  it('prints the seed example and its shape', () => {
    const run = runOdot(['parse', 'A ⊙ B', '--given', 'A, B: 2×3']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('A ⊙ B\nshape: 2×3\n');
  });

  it('reports the seed shape error A B naming 2×3 and 2×3, with a caret, exit 2', () => {
    const run = runOdot(['parse', 'A B', '--given', 'A, B: 2×3']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).toContain('2×3');
    expect(run.stderr).toContain('  --> 1:1');
    expect(run.stderr).toContain('^');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('points a caret at a syntax error and exits 2', () => {
    const run = runOdot(['parse', 'A ⊙ ']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*/);
    expect(run.stderr).toMatch(/--> 1:\d+/);
    expect(run.stderr).toContain('^');
  });

  it('reads the expression from stdin with -', () => {
    const run = runOdot(['parse', '-', '--print', 'sexpr'], { input: '(A ⊙ B)ᵀ\n' });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/transpose/);
  });

  it('prints LaTeX and JSON forms', () => {
    const latex = runOdot(['parse', 'A ⊙ Bᵀ', '--print', 'latex']);
    expect(latex.code).toBe(0);
    expect(latex.stdout).toContain('\\odot');
    expect(latex.stdout).toContain('^\\top');
    const json = runOdot(['parse', 'A ⊙ B', '--print', 'json', '--given', 'A, B: 2×3']);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { expr: { type: string }; shape: string };
    expect(data.expr.type).toBe('Hadamard');
    expect(data.shape).toBe('2×3');
  });

  it('reads numpy dialect', () => {
    const run = runOdot(['parse', 'A * B.T', '--dialect', 'numpy']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('A ⊙ Bᵀ');
  });

  it('rejects an unknown dialect, format or option with exit 2 and no stack trace', () => {
    for (const args of [
      ['parse', 'A', '--dialect', 'fortran'],
      ['parse', 'A', '--print', 'yaml'],
      ['parse', 'A', '--frobnicate'],
      ['parse'],
      ['frobnicate'],
    ]) {
      const run = runOdot(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('answers --help for odot and for parse', () => {
    const top = runOdot(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('parse');
    const sub = runOdot(['parse', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--dialect');
    expect(sub.stdout).toContain('--print');
  });
});
