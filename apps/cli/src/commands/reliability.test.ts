import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chain } from '@odot/core/testing';
import { describe, expect, it } from 'vitest';
import { BIN, runOdot } from '../test-helpers.ts';

// Issue 15, as a user meets it: no crash, no hang, no false answer.

describe('huge inputs end with an answer, not an internal error', () => {
  it("10 000-term 'A ⊙ A ⊙ …' on stdin: simplify and psd answer", () => {
    const input = chain(10_000, () => 'A', '⊙');
    for (const command of ['simplify', 'psd']) {
      const run = runOdot([command, '-', '--given', 'A: n×n'], { input });
      expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
      expect([0, 1, 3]).toContain(run.code);
    }
  });

  it('10 000 undeclared A{i} ⊙ B{i} summands: parse answers quickly', () => {
    const start = Date.now();
    const run = runOdot(['parse', '-'], { input: chain(10_000, (i) => `A${i} ⊙ B${i}`, '+') });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('A0 ⊙ B0 + A1 ⊙ B1')).toBe(true);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('(A1 + B1) ⊙ … ⊙ (A12 + B12): simplify stops at its time budget and reports limit {kind, value}', () => {
    const given = `${chain(12, (i) => `A${i + 1}, B${i + 1}`, ',')}: n×n`;
    const start = Date.now();
    const run = runOdot(['simplify', chain(12, (i) => `(A${i + 1} + B${i + 1})`, '⊙'), '--given', given]);
    // Was out of memory after 32 s; now the 2 s budget plus start-up and printing (generous: CI is shared).
    expect(Date.now() - start).toBeLessThan(12_000);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/note: stopped before a normal form \(time: limit of 2000 ms\)/);
  });

  it('--max-steps N records N steps', () => {
    const run = runOdot(['simplify', '(C + B) ⊙ (A + C) ⊙ (B + C)', '--given', 'A, B, C: n×n', '--max-steps', '2', '--json']);
    const data = JSON.parse(run.stdout) as { steps: unknown[]; limit?: unknown };
    expect(data.steps).toHaveLength(2);
    expect(data.limit).toEqual({ kind: 'steps', value: 2 });
  });
});

describe('no false answers', () => {
  it("equiv 'det(J_{n×n})' '0' is refuted (false at n = 1)", () => {
    const run = runOdot(['equiv', 'det(J_{n×n})', '0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^not equivalent/);
  });

  it('a tested verdict with symbolic sizes says it holds at the sizes tried (1 and 2 among them), in text and JSON', () => {
    const text = runOdot(['equiv', 'inv(A B)', 'inv(B) inv(A)', '--given', 'A, B: n×n']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^equivalent at the sizes tried \(by testing.*other sizes untested\)\nsizes tried: .*n=1.*n=2/);
    const json = runOdot(['equiv', 'inv(A B)', 'inv(B) inv(A)', '--given', 'A, B: n×n', '--json']);
    const data = JSON.parse(json.stdout) as { method: string; untestedSizes?: boolean; sizesTested?: Record<string, number>[] };
    expect(data.method).toBe('equal-by-testing');
    expect(data.untestedSizes).toBe(true);
    expect(data.sizesTested?.map((s) => s.n)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('psd of scalars: tr(P) with P psd, c c with c scalar, 0 are psd; -2 is not', () => {
    expect(runOdot(['psd', 'tr(P)', '--given', 'P: n×n psd'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^psd\n/) });
    expect(runOdot(['psd', 'c c', '--given', 'c: scalar'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^psd\n/) });
    expect(runOdot(['psd', '0'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^psd\n/) });
    expect(runOdot(['psd', '--', '-2'])).toMatchObject({ code: 1, stdout: expect.stringMatching(/^not psd\n/) });
  });

  it("psd 'J_{n×n} ⊙ P' agrees with the API (psd by schur), not 'size n is not known'", () => {
    const run = runOdot(['psd', 'J_{n×n} ⊙ P', '--given', 'P: n×n psd']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^psd\n.*schur/s);
  });

  it("eval 'A^⊙2000' with A = [[2]] prints the exact magnitude, never Infinity or 0", () => {
    const big = runOdot(['eval', 'A^⊙2000', '--let', 'A=[[2]]']);
    expect(big.code).toBe(0);
    expect(big.stdout).toContain('1.148130695274254e+602');
    expect(big.stdout).not.toContain('Infinity');
    const json = runOdot(['eval', 'A^⊙(-2000)', '--let', 'A=[[2]]', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ shape: [1, 1], value: [['8.709809816217216e-603']] });
  });
});

describe('a closed stdout ends quietly', () => {
  it('odot parse … | head -1: exit 0, no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'parse', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(chain(40_000, (i) => `A${i} ⊙ B${i}`, '+'));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|at /);
    expect(code).toBe(0);
  });
});

describe('one time limit covers parsing too (--time-limit MS)', () => {
  // About a megabyte: 52 000 undeclared `Ai ⊙ Bi` summands (parsing alone takes about a second).
  const megabyte = chain(52_000, (i) => `A${i} ⊙ B${i}`, '+');

  it('equiv --time-limit 100 on a megabyte: stopped with limit {kind: time, value: 100}, exit 3', () => {
    const run = runOdot(['equiv', '-', 'A1', '--time-limit', '100', '--json'], { input: megabyte });
    expect(run.code).toBe(3);
    const data = JSON.parse(run.stdout) as { limit?: unknown; error?: { code: string; limit?: unknown } };
    expect(data.limit ?? data.error?.limit).toEqual({ kind: 'time', value: 100 });
  });

  it('simplify and psd take --time-limit too: a megabyte with 50 ms is a limit error (exit 3), in text and JSON', () => {
    for (const command of ['simplify', 'psd']) {
      const json = runOdot([command, '-', '--time-limit', '50', '--json'], { input: megabyte });
      expect(json.code, command).toBe(3);
      expect(JSON.parse(json.stdout), command).toMatchObject({ error: { code: 'limit', limit: { kind: 'time', value: 50 } } });
      const text = runOdot([command, '-', '--time-limit', '50'], { input: megabyte });
      expect(text.code, command).toBe(3);
      expect(text.stderr, command).toMatch(/stopped at its limit \(time: limit of 50 ms\)/);
    }
  });

  it('a bad --time-limit is an input error (exit 2)', () => {
    for (const command of ['simplify', 'psd', 'equiv']) {
      const args = command === 'equiv' ? [command, 'A', 'A', '--time-limit', '0'] : [command, 'A', '--time-limit', 'soon'];
      expect(runOdot(args).code, command).toBe(2);
    }
  });
});

describe('deep nesting is too-deep, never a stack overflow', () => {
  // Brackets and postfix runs are each within the parser's limits, nested in one another 45 000 deep.
  const nested = `${'('.repeat(50)}A${`)${'ᵀ'.repeat(900)}`.repeat(50)}`;

  it('parse, eval, simplify, psd and equiv answer too-deep (exit 2), not an internal error', () => {
    const runs = [
      runOdot(['parse', '-'], { input: nested }),
      runOdot(['parse', '-', '--json'], { input: nested }),
      runOdot(['eval', '-', '--let', 'A=[[2]]'], { input: nested }),
      runOdot(['simplify', '-', '--given', 'A: n×n'], { input: nested }),
      runOdot(['psd', '-', '--given', 'A: n×n'], { input: nested }),
      runOdot(['equiv', '-', 'A', '--given', 'A: n×n'], { input: nested }),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(`${run.stdout}${run.stderr}`).toMatch(/nested more than 1000 levels deep/);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/internal|call stack|too large/);
    }
  });

  it('a 20 000-factor matrix product evaluates (a flat chain is not deep), never "too large: Maximum call stack"', () => {
    const run = runOdot(['eval', '-', '--let', 'A=[[1]]'], { input: chain(20_000, () => 'A', ' ') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('[ 1 ]\nshape: 1×1\n');
  });

  it('a 20 000-term sum of products prints with parse --print latex, a 12 000-factor ⊙ chain with --json', () => {
    const sum = runOdot(['parse', '-', '--print', 'latex'], { input: chain(20_000, (i) => `A${i} B${i}`, '+') });
    expect(sum.code).toBe(0);
    expect(sum.stdout.startsWith('\\mathrm{A0} \\mathrm{B0} + \\mathrm{A1} \\mathrm{B1}')).toBe(true);
    const json = runOdot(['parse', '-', '--json'], { input: chain(12_000, () => 'A', '⊙') });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { shape: string }).shape).toBe('?1×?2');
  });
});

describe('grade: a closed stdout and a missing path', () => {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const worksheet = join(root, 'examples/WS_Math_Foundations_1.md');
  const submissions = join(root, 'examples/submissions');

  it('odot grade … | head -1: exit 0, no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'grade', worksheet, submissions], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it('odot grade WORKSHEET /nonexistent: exit 2 with the reason, nothing graded', () => {
    const missing = runOdot(['grade', worksheet, '/nonexistent']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nonexistent/);
    expect(missing.stdout).not.toMatch(/graded/);
  });
});
