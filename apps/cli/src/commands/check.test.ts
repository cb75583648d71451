import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

const EXAMPLES = fileURLToPath(new URL('../../../../examples/proofs/', import.meta.url));

describe('odot check (built command)', () => {
  it('checks every step of a proof file, ✓ per step, exit 0 when all theorems are proved', () => {
    const run = runOdot(['check', join(EXAMPLES, 'transpose.proof')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('theorem 1 (line 4): (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ  ✓ proved');
    expect(run.stdout).toContain('  ✓ 7:5  by transpose_hadamard (1 application)');
    expect(run.stdout).toContain('  ✓ 8:5  by hadamard_comm (1 application)');
    expect(run.stdout).toMatch(/3 of 3 theorems proved\n$/);
  });

  it('marks a failing step ✗ with its position, message and caret, exit 1', () => {
    const run = runOdot(['check', join(EXAMPLES, 'wrong', 'wrong-law.proof')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ not proved');
    expect(run.stdout).toContain('  ✗ 7:5  the step is true, but hadamard_comm does not turn (A ⊙ B)ᵀ into Aᵀ ⊙ Bᵀ; transpose_hadamard does it in one step');
    expect(run.stdout).toContain('--> 7:5');
    expect(run.stdout).toContain('^^^^^^^');
    expect(run.stdout).toContain('0 of 1 theorem proved');
  });

  it('prints exactly the documented JSON with --json', () => {
    const run = runOdot(['check', join(EXAMPLES, 'wrong', 'unknown-law.proof'), '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { valid: boolean; theorems: { goal: string; valid: boolean; steps: Record<string, unknown>[] }[] };
    expect(Object.keys(json)).toEqual(['valid', 'theorems']);
    expect(json.valid).toBe(false);
    expect(Object.keys(json.theorems[0]!)).toEqual(['goal', 'valid', 'steps']);
    expect(json.theorems[0]!.steps).toEqual([
      { line: 7, ok: false, law: 'hadamrd_com', message: "unknown law 'hadamrd_com'; did you mean hadamard_comm?" },
    ]);
    const good = JSON.parse(runOdot(['check', join(EXAMPLES, 'schur.proof'), '--json']).stdout) as unknown;
    expect(good).toEqual({ valid: true, theorems: [{ goal: 'P ⊙ Q ⪰ 0', valid: true, steps: [{ line: 6, ok: true, law: 'schur', message: expect.stringMatching(/schur/) }] }] });
  });

  it('exits 2 with a caret diagnostic on input errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-check-'));
    const bad = join(dir, 'bad.proof');
    writeFileSync(bad, 'given A, B: m×n\nprove A ⊙ B =\nproof\n  A ⊙ B\nqed\n');
    const run = runOdot(['check', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).toContain(`--> ${bad}:2:14`);
    expect(run.stderr).toContain('^');
    const relative = runOdot(['check', 'bad.proof'], { cwd: dir });
    expect(relative.stderr).toContain('--> bad.proof:2:14');
    const json = runOdot(['check', 'bad.proof', '--json'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'syntax', message: expect.stringContaining('expected an operand'), file: 'bad.proof', line: 2, column: 14, hints: [] },
    });
    const missing = runOdot(['check', join(dir, 'nope.proof')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: cannot read/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads ```proof blocks of Markdown, standard input, and honours --no-algebra', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-check-'));
    const note = join(dir, 'note.md');
    writeFileSync(note, '# Note\n\nProse.\n\n```proof\ngiven A, B: m×n\nprove A ⊙ B = B ⊙ A\nproof\n    A ⊙ B\n  = B ⊙ A   by hadamard_comm\nqed\n```\n');
    const run = runOdot(['check', note]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('theorem 1 (line 7): A ⊙ B = B ⊙ A  ✓ proved');
    expect(run.stdout).toContain('  ✓ 10:5  by hadamard_comm');
    const stdin = runOdot(['check', '-'], { input: 'given A: m×n\nprove A ⊙ J = A\nproof\n  A ⊙ J\n  = A by hadamard_ones\nqed\n' });
    expect(stdin.code).toBe(0);
    const algebra = join(EXAMPLES, 'wrong', 'algebra-forbidden.proof');
    expect(runOdot(['check', algebra]).code).toBe(0);
    const forbidden = runOdot(['check', algebra, '--no-algebra']);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stdout).toContain('`by algebra` is not allowed here');
  });
});
