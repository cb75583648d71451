import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProof, checkProofAgainst } from '@odot/proof';
import { runOdot } from '../test-helpers.ts';

// The engine's proofs as proof text: `odot equiv --proof` prints a file `odot check` accepts, and
// `odot simplify --steps` prints a chain the proof checker accepts as the body of a proof.

/** Writes a printed proof to a file and runs `odot check` on it: it must prove its one theorem. */
function expectChecked(proof: string): void {
  const path = join(mkdtempSync(join(tmpdir(), 'odot-cert-')), 'cert.proof');
  writeFileSync(path, proof);
  const check = runOdot(['check', path]);
  expect(check.code, `${proof}\n${check.stdout}`).toBe(0);
  expect(check.stdout).toContain('1 of 1 theorem proved');
}

describe('odot equiv --proof', () => {
  it.each([
    ['(A ⊙ B)ᵀ', 'Bᵀ ⊙ Aᵀ', 'A, B: m×n'],
    ['D E', 'E ⊙ D', 'D, E: n×n diagonal'],
    ['A ⊙ (B + C)', 'C ⊙ A + A ⊙ B', 'A, B, C: n×n'],
    ['(A + B)ᵀ ⊙ J', 'Bᵀ + Aᵀ', 'A, B: n×n'],
  ])('%s = %s: a proof file that odot check accepts (exit 0)', (left, right, given) => {
    const run = runOdot(['equiv', left, right, '--given', given, '--proof']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`prove ${left} = ${right}`);
    expect(run.stdout).toContain(`given ${given}`);
    const dir = mkdtempSync(join(tmpdir(), 'odot-cert-'));
    const path = join(dir, 'cert.proof');
    writeFileSync(path, run.stdout);
    const check = runOdot(['check', path]);
    expect(check.code, `${run.stdout}\n${check.stdout}`).toBe(0);
    expect(checkProof(run.stdout).valid).toBe(true);
  });

  it.each([
    ['A ⊙ B', 'B ⊙ A', 'hadamard_comm'],
    ['(A ⊙ B)ᵀ', 'Aᵀ ⊙ Bᵀ', 'transpose_hadamard'],
  ])('%s = %s is itself a law (%s): an entrywise proof, not the circular one step, and odot check accepts it', (left, right, law) => {
    const run = runOdot(['equiv', left, right, '--given', 'A, B: 2×3', '--proof']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(`by ${law}`);
    expect(run.stdout).toContain(`(${left})[i,j]`);
    expect(run.stdout).toContain(`${left} = ${right}   by ext`);
    expectChecked(run.stdout);
  });

  it.each([
    ['(A ⊗ B)^T', 'A^T ⊗ B^T', [], 'transpose_kron'],
    ['(A ⊗ B)ᵀ', 'Aᵀ ⊗ Bᵀ', ['--given', 'A: 2×3; B: 3×2'], 'transpose_kron'],
    ['A ⊗ (B + C)', 'A ⊗ B + A ⊗ C', ['--given', 'A: m×n; B, C: p×q'], 'kron_add'],
    ['(c A) ⊗ B', 'c (A ⊗ B)', ['--given', 'c: scalar; A: m×n; B: p×q'], 'smul_kron'],
    ['(A ⊗ B) ⊙ (C ⊗ D)', '(A ⊙ C) ⊗ (B ⊙ D)', ['--given', 'A, C: m×n; B, D: p×q'], 'kronecker_hadamard'],
  ])('%s = %s is a ⊗ law: an entrywise proof at block indices by def_kron, and odot check accepts it', (left, right, given, law) => {
    const run = runOdot(['equiv', left, right, ...given, '--proof']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# entrywise proof at block indices found by odot equiv/);
    expect(run.stdout).not.toMatch(new RegExp(`by ${law}\\b`));
    expect(run.stdout).toContain('by def_kron');
    expect(run.stdout).toMatch(/\[\(i - 1\) \S+ \+ k,\(j - 1\) \S+ \+ l\]/);
    expectChecked(run.stdout);
  });

  it('the mixed product (A ⊗ B)(C ⊗ D) = (A C) ⊗ (B D): an entrywise proof (sum_block, def_kron, sum_mul_sum, ext), never `by algebra`, that odot check accepts', () => {
    const run = runOdot(['equiv', '(A ⊗ B)(C ⊗ D)', '(A C) ⊗ (B D)', '--given', 'A: m×n; B: p×q; C: n×r; D: q×s', '--proof']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('given p, q, s: natural');
    // The sum over the n·q columns of A ⊗ B is split in blocks of q, B's number of columns.
    expect(run.stdout).toMatch(/\(t - 1\) q \+ u.*by sum_block\n/);
    expect(run.stdout).toMatch(/by sum_mul_sum\b/);
    expect(run.stdout).not.toMatch(/by (algebra|mul_kron_mul)\b/);
    expect(run.stdout).toContain('  A ⊗ B (C ⊗ D) = A C ⊗ (B D)   by ext\n');
    expectChecked(run.stdout);
    // A split in blocks of p (which does not divide the n·q columns) is refused with its reason.
    const wrong = run.stdout.replaceAll('(t - 1) q + u', '(t - 1) p + u');
    const path = join(mkdtempSync(join(tmpdir(), 'odot-cert-')), 'wrong.proof');
    writeFileSync(path, wrong);
    const check = runOdot(['check', path, '--json']);
    expect(check.code).toBe(1);
    const steps = (JSON.parse(check.stdout) as { theorems: { steps: { code: string; message: string }[] }[] }).theorems[0]?.steps ?? [];
    expect(steps[1]).toMatchObject({ code: 'side-condition', message: 'sum_block needs p to divide the number of columns of A ⊗ B, which is n·q' });
  });

  it('a law with no non-circular proof within the limits: exit 3 and the reason, no proof printed', () => {
    // Distributivity of the matrix product needs mul_add on the entries too, which is the goal itself.
    const run = runOdot(['equiv', 'A (B + C)', 'A B + A C', '--given', 'A: 2×3; B, C: 3×2', '--proof']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no non-circular proof found within the limits');
    expect(run.stderr).toContain("the engine's proof cites mul_add, the statement itself");
    expect(run.stdout).not.toContain('prove ');
    const json = runOdot(['equiv', 'A (B + C)', 'A B + A C', '--given', 'A: 2×3; B, C: 3×2', '--proof', '--json']);
    expect(json.code).toBe(3);
    const data = JSON.parse(json.stdout) as { equivalent: boolean; proof?: string; proofError: string };
    expect(data.equivalent).toBe(true);
    expect(data.proof).toBeUndefined();
    expect(data.proofError).toContain('no non-circular proof found within the limits');
  });

  it('no proof for a refuted (exit 1) equivalence; --json carries the proof text', () => {
    const refuted = runOdot(['equiv', 'A B', 'B A', '--given', 'A, B: n×n', '--proof']);
    expect(refuted.code).toBe(1);
    expect(refuted.stderr).toContain('no proof: the equivalence is refuted');
    const json = runOdot(['equiv', '(A ⊙ B)ᵀ', 'Bᵀ ⊙ Aᵀ', '--given', 'A, B: m×n', '--proof', '--json']);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { equivalent: boolean; proof: string };
    expect(data.equivalent).toBe(true);
    expect(checkProof(data.proof).valid).toBe(true);
  });
});

describe('odot simplify --steps output is a proof body', () => {
  it.each([
    // (A one-step simplification of a law's own left side, such as (A ⊙ B)ᵀ, proves that law by
    // citing it: the checker calls that circular, so the cases put each law in a context.)
    ['(A ⊙ B)ᵀ ⊙ C', 'A, B: 2×3; C: 3×2'],
    ['D₁ D₂ + J ⊙ A', 'D₁, D₂: n×n diagonal; A: n×n'],
    ['X + (A ⊙ (B + C))ᵀ', 'A, B, C, X: 2×2'],
    ['(A ⊙ B)ᵀ + Bᵀ ⊙ Aᵀ', 'A, B: 2×3'],
  ])('%s', (expr, given) => {
    const steps = runOdot(['simplify', expr, '--given', given, '--steps']);
    const result = runOdot(['simplify', expr, '--given', given]).stdout.trim();
    expect(steps.code).toBe(0);
    const grade = checkProofAgainst(steps.stdout, { goal: `${expr} = ${result}`, givens: given });
    expect(grade.steps.filter((s) => !s.ok).map((s) => s.message), steps.stdout).toEqual([]);
    expect(grade.proved).toBe(true);
  });
});
