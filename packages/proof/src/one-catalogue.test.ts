import { LAWS, findLaw } from '@odot/rewrite';
import { describe, expect, it } from 'vitest';
import { printExpr } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { checkProof } from './check-proof.ts';
import { applyEntrywiseLaw } from './entrywise.ts';
import { ENTRYWISE_LAWS, findEntrywiseLaw } from './entrywise-laws.ts';

// Proof keeps no law table of its own: what it applies as written is a view of rewrite's catalogue,
// and a cited name is read by rewrite's resolveLawName.

const proof = (givens: string, goal: string, body: string): string => `given ${givens}\nprove ${goal}\nproof\n${body}\nqed\n`;

describe('the laws proof applies come from the catalogue', () => {
  it('has one entry per catalogue law it applies, with the catalogue statement', () => {
    for (const law of ENTRYWISE_LAWS) {
      expect(findLaw(law.name)?.statement, law.name).toBe(law.statement);
      expect(law.rules.length, law.name).toBeGreaterThan(0);
    }
    const names = new Set(ENTRYWISE_LAWS.map((law) => law.name));
    for (const law of LAWS.filter((l) => l.family === 'entrywise' || l.family === 'number')) {
      if (law.kind === 'equation') expect(names.has(law.name), law.name).toBe(true);
    }
    expect(findEntrywiseLaw('hadamard_apply')?.name).toBe('def_hadamard');
  });

  it('reads one name as one law for matrices and numbers (mul_one: A I = A and a · 1 = a)', () => {
    // (In a context: citing mul_one to prove A I = A itself would be circular.)
    const matrix = checkProof(proof('A, B: n×n', 'A I + B = A + B', 'A I + B\n  = A + B    by mul_one'));
    expect(matrix.valid).toBe(true);
    const numbers = checkProof(proof('A, B: m×n', 'A ⊙ B = B ⊙ A', '(A ⊙ B)[i,j]\n  = A[i,j] B[i,j]      by def_hadamard\n  = A[i,j] B[i,j] · 1  by mul_one\n  = B[i,j] A[i,j] · 1  by mul_comm\n  = B[i,j] A[i,j]      by mul_one\n  = (B ⊙ A)[i,j]       by def_hadamard\nA ⊙ B = B ⊙ A by ext'));
    expect(numbers.theorems[0]?.steps.filter((s) => s.kind === 'step').map((s) => s.code)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('keeps zero_add and add_zero apart on numbers as written (0 + a = a, a + 0 = a)', () => {
    const afters = (text: string, law: string): string[] => applyEntrywiseLaw(parseExpr(text), law, { givens: new Map() }).map((s) => printExpr(s.after));
    expect(afters('0 + A[i,j]', 'zero_add')).toEqual(['A[i,j]']);
    expect(afters('0 + A[i,j]', 'add_zero')).toEqual([]);
    expect(afters('A[i,j] + 0', 'add_zero')).toEqual(['A[i,j]']);
    expect(afters('A[i,j] + 0', 'zero_add')).toEqual([]);
  });

  it('reads `by Hadamard_Comm` in a proof as the grader does (case)', () => {
    const report = checkProof(proof('A, B, C: m×n', 'A ⊙ B + C = B ⊙ A + C', 'A ⊙ B + C\n  = B ⊙ A + C    by Hadamard_Comm'));
    expect(report.valid).toBe(true);
  });

  it('reads `by Hadamard comm` and `by hadamard-comm` (words, as the grader does)', () => {
    for (const written of ['Hadamard comm', 'hadamard-comm']) {
      const report = checkProof(proof('A, B, C: m×n', 'A ⊙ B + C = B ⊙ A + C', `A ⊙ B + C\n  = B ⊙ A + C    by ${written}`));
      expect(report.valid, written).toBe(true);
      expect(report.theorems[0]?.steps[0]?.law).toBe('hadamard_comm');
    }
  });

  it('suggests catalogue names for an unknown law', () => {
    const report = checkProof(proof('A, B: m×n', 'A ⊙ B = B ⊙ A', 'A ⊙ B\n  = B ⊙ A    by hadamrd_cmm'));
    expect(report.theorems[0]?.steps[0]?.message).toMatch(/did you mean hadamard_comm/);
  });
});

describe('the Kronecker product on entries (def_kron, with index arithmetic)', () => {
  const mixed = (line5: string): string =>
    proof(
      'A, C: m×n; B, D: p×q; p, q: natural',
      '((A ⊙ C) ⊗ (B ⊙ D))[(i - 1) p + k, (j - 1) q + l] = ((A ⊗ B) ⊙ (C ⊗ D))[(i - 1) p + k, (j - 1) q + l]',
      [
        '    ((A ⊙ C) ⊗ (B ⊙ D))[(i - 1) p + k, (j - 1) q + l]',
        `  = ${line5}   by def_kron`,
        '  = A[i,j] C[i,j] (B[k,l] D[k,l])   by def_hadamard',
        '  = A[i,j] B[k,l] (C[i,j] D[k,l])   by mul_comm',
        '  = (A ⊗ B)[(i - 1) p + k, (j - 1) q + l] (C ⊗ D)[(i - 1) p + k, (j - 1) q + l]   by def_kron',
        '  = ((A ⊗ B) ⊙ (C ⊗ D))[(i - 1) p + k, (j - 1) q + l]   by def_hadamard',
      ].join('\n'),
    );

  it('proves the mixed-product rule (A ⊙ C) ⊗ (B ⊙ D) = (A ⊗ B) ⊙ (C ⊗ D) entry by entry', () => {
    const report = checkProof(mixed('(A ⊙ C)[i,j] (B ⊙ D)[k,l]'));
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.theorems[0]?.steps.filter((s) => s.kind === 'step').map((s) => s.code)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('rejects the blocks taken the wrong way round (row k of block row i is not (A ⊙ C)[k,l])', () => {
    const report = checkProof(mixed('(A ⊙ C)[k,l] (B ⊙ D)[i,j]'));
    expect(report.valid).toBe(false);
    const first = report.theorems[0]?.steps.find((s) => s.kind === 'step');
    expect(first?.status).toBe('failed');
  });
});
