import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'odot-hint-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const UNFINISHED = 'given A, B: m×n\nprove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ\nproof\n    (A ⊙ B)ᵀ\nqed\n';

describe('odot hint (built command)', () => {
  it('prints the next law, where it applies and the line to write; exit 1 (the proof is not finished)', () => {
    const run = runOdot(['hint', file('unfinished.proof', UNFINISHED)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'theorem 1: (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ',
      'after line 4 ((A ⊙ B)ᵀ):',
      '  apply transpose_hadamard to (A ⊙ B)ᵀ (the whole line)',
      '  transpose_hadamard: (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ',
      '  = Aᵀ ⊙ Bᵀ   by transpose_hadamard',
      "(the proof stops before the goal; step 1 of 2 of the engine's proof)",
      '',
    ]);
  });

  it('--json: the hint as one document; the hinted line makes the step check', () => {
    const run = runOdot(['hint', file('failing.proof', 'given A, B: m×n\nprove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ\nproof\n    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ   by hadamard_comm\nqed\n'), '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ status: 'hint', theorem: 1, afterLine: 4, law: 'transpose_hadamard', subterm: '(A ⊙ B)ᵀ', path: [], result: 'Aᵀ ⊙ Bᵀ', line: '= Aᵀ ⊙ Bᵀ   by transpose_hadamard' });
    expect(String(json['reason'])).toContain('line 5 does not hold (wrong-law)');
    const fixed = file('fixed.proof', `given A, B: m×n\nprove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ\nproof\n    (A ⊙ B)ᵀ\n  ${String(json['line'])}\n  = Bᵀ ⊙ Aᵀ   by hadamard_comm\nqed\n`);
    expect(runOdot(['check', fixed]).code).toBe(0);
  });

  it('exit 0 when every theorem is proved, 3 when no hint is found, 2 on input errors (JSON error with code, line, column, hints)', () => {
    const proved = runOdot(['hint', file('proved.proof', UNFINISHED.replace('qed', '  = Aᵀ ⊙ Bᵀ   by transpose_hadamard\n  = Bᵀ ⊙ Aᵀ   by hadamard_comm\nqed')), '--json']);
    expect([proved.code, JSON.parse(proved.stdout)]).toEqual([0, { status: 'proved' }]);
    const none = runOdot(['hint', file('false.proof', 'given A, B: n×n\nprove A B = B A\nproof\n    A B\nqed\n')]);
    expect(none.code).toBe(3);
    expect(none.stdout).toContain('no hint:');
    const bad = runOdot(['hint', file('bad.proof', 'given A, B: m×n\nprove A ⊙ B =\nproof\n  A ⊙ B\nqed\n'), '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: { code: 'syntax', message: expect.any(String), file: expect.stringContaining('bad.proof'), line: 2, column: 14, hints: expect.any(Array) } });
  });

  it('reads standard input with -', () => {
    const run = runOdot(['hint', '-'], { input: UNFINISHED });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('= Aᵀ ⊙ Bᵀ   by transpose_hadamard');
  });
});
