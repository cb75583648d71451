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
      {
        line: 7,
        column: 27,
        ok: false,
        status: 'failed',
        code: 'unknown-law',
        law: 'hadamrd_com',
        message: "unknown law 'hadamrd_com'; did you mean hadamard_comm?",
        hints: [expect.stringMatching(/^hadamard_comm: /)],
      },
    ]);
    const good = JSON.parse(runOdot(['check', join(EXAMPLES, 'schur.proof'), '--json']).stdout) as unknown;
    expect(good).toEqual({
      valid: true,
      theorems: [{ goal: 'P ⊙ Q ⪰ 0', valid: true, steps: [{ line: 6, column: 3, ok: true, status: 'ok', code: 'ok', law: 'schur', message: expect.stringMatching(/schur/) }] }],
    });
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
    writeFileSync(note, '# Note\n\nProse.\n\n```proof\ngiven A, B, C: m×n\nprove A ⊙ B + C = B ⊙ A + C\nproof\n    A ⊙ B + C\n  = B ⊙ A + C   by hadamard_comm\nqed\n```\n');
    const run = runOdot(['check', note]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('theorem 1 (line 7): A ⊙ B + C = B ⊙ A + C  ✓ proved');
    expect(run.stdout).toContain('  ✓ 10:5  by hadamard_comm');
    const stdin = runOdot(['check', '-'], { input: 'given A: m×n\nprove (A ⊙ J)ᵀ = Aᵀ\nproof\n  (A ⊙ J)ᵀ\n  = Aᵀ by hadamard_ones\nqed\n' });
    expect(stdin.code).toBe(0);
    const algebra = join(EXAMPLES, 'wrong', 'algebra-forbidden.proof');
    expect(runOdot(['check', algebra]).code).toBe(0);
    const forbidden = runOdot(['check', algebra, '--no-algebra']);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stdout).toContain('`by algebra` is not allowed here');
  });

  it('gives every step a status and a code in text and JSON: circular, unchecked after a failed line, too-big under --strict', () => {
    const circular = runOdot(['check', join(EXAMPLES, 'wrong', 'circular.proof'), '--json']);
    expect(circular.code).toBe(1);
    expect(JSON.parse(circular.stdout).theorems[0].steps[0]).toMatchObject({ status: 'failed', code: 'circular' });
    const after = runOdot(['check', join(EXAMPLES, 'wrong', 'after-wrong-line.proof')]);
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/ {2}✗ 9:5 {2}this step is false: with /);
    expect(after.stdout).toMatch(/ {2}○ 10:5 {2}by hadamard_comm \(1 application\); judged against the line before as written, since line 9 failed/);
    expect(after.stdout).toMatch(/ {2}✗ 11:5 {2}this step is false/);
    const steps = JSON.parse(runOdot(['check', join(EXAMPLES, 'wrong', 'after-wrong-line.proof'), '--json']).stdout).theorems[0].steps as { status: string; code: string }[];
    expect(steps.map((s) => `${s.status}/${s.code}`)).toEqual(['failed/false', 'unchecked/unchecked', 'failed/false']);
    const transpose = join(EXAMPLES, 'transpose.proof');
    expect(runOdot(['check', transpose]).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'odot-check-'));
    const big = join(dir, 'big.proof');
    writeFileSync(big, 'given A, B: m×n\ngiven c: scalar\nprove c (A ⊙ B) + A = (c A) ⊙ B + A\nproof\n    c (A ⊙ B) + A\n  = (c A) ⊙ B + A   by hadamard_smul\nqed\n');
    const loose = runOdot(['check', big]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('by hadamard_smul after hadamard_comm');
    const strict = runOdot(['check', big, '--strict', '--json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).theorems[0].steps[0]).toMatchObject({ status: 'failed', code: 'wrong-law', message: expect.stringMatching(/smul_hadamard does it as stated/) });
    const forbidden = runOdot(['check', big, '--forbid', 'hadamard_smul', '--json']);
    expect(JSON.parse(forbidden.stdout).theorems[0].steps[0]).toMatchObject({ code: 'circular' });
    expect(runOdot(['check', big, '--max-applications', 'x']).code).toBe(2);
  });
});
