import { describe, expect, it } from 'vitest';
import { parseExpr } from '@odot/parser';
import type { CheckerBackend } from './backend.ts';
import { checkProof } from './check-proof.ts';
import { defaultBackend } from './default-backend.ts';
import { combineEngines } from './law-engine.ts';
import { reportToJson } from './report.ts';

const DISTRIB = `given A, B, C: m×n
prove A ⊙ (B + C) = A ⊙ B + A ⊙ C
proof
    (A ⊙ (B + C))[i,j]
  = A[i,j] (B + C)[i,j]               by def_hadamard
  = A[i,j] (B[i,j] + C[i,j])          by def_add
  = A[i,j] B[i,j] + A[i,j] C[i,j]     by mul_add
  = (A ⊙ B)[i,j] + (A ⊙ C)[i,j]       by def_hadamard
  = (A ⊙ B + A ⊙ C)[i,j]              by def_add
  A ⊙ (B + C) = A ⊙ B + A ⊙ C         by ext
qed`;

const steps = (text: string, options: Parameters<typeof checkProof>[1] = {}) =>
  checkProof(text, options).theorems.flatMap((theorem) => theorem.steps.map((step) => ({ line: step.line, ok: step.ok, code: step.code, message: step.message })));

describe('checkProof', () => {
  it('accepts a small bounded number of applications of the cited law, and says how many', () => {
    const report = checkProof(DISTRIB);
    expect(report.valid).toBe(true);
    expect(report.theorems[0]!.steps[3]).toMatchObject({ line: 8, ok: true, message: 'by def_hadamard (2 applications)' });
    expect(report.theorems[0]!.steps[3]!.trace).toHaveLength(2);
  });

  it('respects the application bound and the node limit, and reports the limit', () => {
    const bounded = checkProof(DISTRIB, { limits: { maxApplications: 1 } }).theorems[0]!.steps;
    expect(bounded.find((step) => step.line === 8)).toMatchObject({ ok: false, code: 'too-big', message: expect.stringMatching(/takes 2 law applications and at most 1/) });
    expect(bounded.find((step) => step.line === 8)?.split?.map((s) => s.law)).toEqual(['def_hadamard', 'def_hadamard']);
    const tiny = checkProof(DISTRIB, { limits: { maxNodes: 2 } }).theorems[0]!.steps.find((step) => step.line === 8);
    expect(tiny).toMatchObject({ ok: false });
    expect(tiny?.limit).toEqual({ kind: 'nodes', value: 2 });
    expect(tiny?.message).toMatch(/search stopped at its limit \(nodes: limit of 2 nodes\)/);
    expect(reportToJson(checkProof(DISTRIB, { limits: { maxNodes: 2 } })).theorems[0]?.steps.find((step) => step.line === 8)?.limit).toEqual({ kind: 'nodes', value: 2 });
  });

  it('rejects a step the matcher accepts when the numbers disagree (a lying engine cannot pass a false step)', () => {
    const honest = defaultBackend();
    const liar: CheckerBackend = {
      ...honest,
      engine: combineEngines([
        honest.engine,
        {
          names: ['swap_product'],
          knows: (name) => name === 'swap_product',
          statement: () => 'A B = B A (false)',
          isStructural: () => false,
          apply: (expr, name) =>
            expr.type === 'MatMul' && name === 'swap_product'
              ? [{ law: name, direction: 'forward', path: [], substitution: {}, before: expr, after: { type: 'MatMul', left: expr.right, right: expr.left }, origin: 'entrywise' }]
              : [],
        },
      ]),
    };
    const text = 'given A, B: n×n\nprove A B = B A\nproof\n  A B\n  = B A by swap_product\nqed';
    const report = checkProof(text, { backend: liar });
    expect(report.valid).toBe(false);
    expect(report.theorems[0]!.steps[0]).toMatchObject({ ok: false, code: 'engine-mismatch' });
    expect(report.theorems[0]!.steps[0]!.message).toMatch(/cross-check failed/);
  });

  it('rejects a step whose recorded application does not replay', () => {
    const honest = defaultBackend();
    const noReplay: CheckerBackend = { ...honest, replay: () => ({ ok: false, reason: 'tampered' }) };
    const report = checkProof('given A, B, C: m×n\nprove A ⊙ B + C = B ⊙ A + C\nproof\n  A ⊙ B + C\n  = B ⊙ A + C by hadamard_comm\nqed', { backend: noReplay });
    expect(report.theorems[0]!.steps[0]).toMatchObject({ ok: false, code: 'engine-mismatch', message: expect.stringMatching(/replay of hadamard_comm failed, step rejected: tampered/) });
  });

  it('proves `by algebra` with the engine, or refutes it with a counterexample', () => {
    const ok = steps('given A, B, C: m×n\nprove (A + B) ⊙ C = C ⊙ A + C ⊙ B\nproof\n  (A + B) ⊙ C\n  = C ⊙ A + C ⊙ B by algebra\nqed');
    expect(ok).toEqual([{ line: 5, ok: true, code: 'ok', message: expect.stringMatching(/^by algebra/) }]);
    const wrong = steps('given A, B: n×n\nprove A B = A ⊙ B\nproof\n  A B\n  = A ⊙ B by algebra\nqed');
    expect(wrong[0]).toMatchObject({ ok: false, code: 'false' });
  });

  it('checks standalone equations, claims, and the link between the last line and the goal', () => {
    expect(checkProof('given A, B, C: m×n\nprove A ⊙ (B ⊙ C) = (B ⊙ C) ⊙ A\nproof\n  A ⊙ (B ⊙ C) = (B ⊙ C) ⊙ A by hadamard_comm\nqed').valid).toBe(true);
    // A chain may start with a whole equation and continue from its right side.
    expect(checkProof('given A, B: m×n\nprove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ\nproof\n  (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ by transpose_hadamard\n  = Bᵀ ⊙ Aᵀ by hadamard_comm\nqed').valid).toBe(true);
    // … and an entrywise proof closed by ext may go on at the matrix level.
    const entrywise = '    (A ⊙ B)[i,j]\n  = A[i,j] B[i,j] by def_hadamard\n  = B[i,j] A[i,j] by mul_comm\n  = (B ⊙ A)[i,j] by def_hadamard\n  A ⊙ B = B ⊙ A by ext\n  = B ⊙ A + 0 by add_zero\n';
    expect(checkProof(`given A, B: m×n\nprove A ⊙ B = B ⊙ A + 0\nproof\n${entrywise}qed`).valid).toBe(true);
    expect(steps('given A, B: m×n\nprove A ⊙ B = B ⊙ A\nproof\n  A ⊙ B = A ⊙ B by hadamard_comm\nqed').at(-1)).toMatchObject({ code: 'wrong-end' });
    expect(steps('given P, Q: n×n psd\nprove P ⊙ Q ⪰ 0\nproof\n  P ⊙ Q\n  = Q ⊙ P by hadamard_comm\nqed').at(-1)).toMatchObject({ code: 'wrong-end', message: expect.stringMatching(/does not prove the claim/) });
    expect(steps('given P, Q: n×n psd\nprove P ⊙ Q ⪰ 0\nproof\n  P ⊙ Q ⪰ 0 by gram_psd\nqed')[0]).toMatchObject({ code: 'wrong-law', message: expect.stringMatching(/by schur, not by gram_psd/) });
    expect(steps('given P: n×n psd\ngiven S: n×n\nprove P ⊙ S ⪰ 0\nproof\n  P ⊙ S ⪰ 0 by algebra\nqed')[0]).toMatchObject({ ok: false, code: 'claim-unproved' });
  });

  it('reads `2 A[i,j]` and `2 · A[i,j]` as the same product of numbers', () => {
    const text = `given A: m×n
prove 2 A = A ⊙ (2 J)
proof
    (2 A)[i,j]
  = 2 A[i,j]             by def_smul
  = A[i,j] · 2           by mul_comm
  = A[i,j] (2 J)[i,j]    by def_smul, def_ones, mul_one
  = (A ⊙ (2 J))[i,j]     by def_hadamard
  2 A = A ⊙ (2 J)        by ext
qed`;
    expect(steps(text).filter((step) => !step.ok)).toEqual([]);
    expect(checkProof(text.replace('= A[i,j] · 2           by mul_comm', '= A[i,j] · 3           by mul_comm')).valid).toBe(false);
  });

  it('diagnoses misuse of `by ext`', () => {
    const chain = '    (A ⊙ B)[i,j]\n  = A[i,j] B[i,j] by def_hadamard\n  = B[i,j] A[i,j] by mul_comm\n  = (B ⊙ A)[i,j] by def_hadamard\n';
    const head = 'given A, B: m×n\nprove A ⊙ B = B ⊙ A\nproof\n';
    expect(checkProof(`${head}${chain}  A ⊙ B = B ⊙ A by ext\nqed`).valid).toBe(true);
    expect(steps(`${head}${chain}qed`).at(-1)).toMatchObject({ code: 'wrong-end', message: expect.stringMatching(/ends with `A ⊙ B = B ⊙ A by ext`/) });
    expect(steps(`${head}${chain.replaceAll('[i,j]', '[i,i]')}  A ⊙ B = B ⊙ A by ext\nqed`).at(-1)).toMatchObject({ code: 'bad-ext', message: expect.stringMatching(/different names/) });
    expect(steps(`${head}  A ⊙ B = B ⊙ A by ext\nqed`)[0]).toMatchObject({ code: 'bad-ext' });
    expect(steps(`${head}${chain}  A ⊙ B = B ⊙ A by ext, mul_comm\nqed`).at(-1)).toMatchObject({ code: 'bad-ext' });
    expect(steps(`given A, B: m×n\ngiven i: scalar\nprove A ⊙ B = B ⊙ A\nproof\n${chain}  A ⊙ B = B ⊙ A by ext\nqed`).at(-1)).toMatchObject({ code: 'bad-ext', message: expect.stringMatching(/i is a declared symbol/) });
  });

  it('marks the step after an unreadable line as unchecked and flags steps without a chain', () => {
    expect(steps('given A, B: m×n\nprove A ⊙ B = B ⊙ A\nproof\n  A ⊙ B\n  = B ⊙ ⊙ A by hadamard_comm\n  = B ⊙ A by hadamard_comm\nqed').map((s) => s.code)).toEqual([
      'parse-error',
      'unchecked',
    ]);
    expect(steps('given A, B: m×n\nprove A ⊙ B = B ⊙ A\nproof\n  = B ⊙ A by hadamard_comm\nqed')[0]).toMatchObject({ code: 'structure' });
  });

  it('produces exactly the documented JSON: status and code on every step', () => {
    const json = reportToJson(checkProof('given A, B: m×n\nprove A ⊙ B = B ⊙ A\nproof\n  A ⊙ B\n  = B ⊙ A by hadamrd_com\nqed'));
    expect(json).toEqual({
      valid: false,
      theorems: [
        {
          goal: 'A ⊙ B = B ⊙ A',
          valid: false,
          steps: [{ line: 5, column: 14, ok: false, status: 'failed', code: 'unknown-law', law: 'hadamrd_com', message: expect.stringMatching(/did you mean hadamard_comm/), hints: [expect.stringMatching(/^hadamard_comm: /)] }],
        },
      ],
    });
    expect(Object.keys(json.theorems[0]!.steps[0]!)).toEqual(['line', 'column', 'ok', 'status', 'code', 'law', 'message', 'hints']);
  });

  it('reads a one-letter typo of exactly one law as that law, with a note', () => {
    const report = checkProof('given A, B, C: m×n\nprove A ⊙ B + C = B ⊙ A + C\nproof\n  A ⊙ B + C\n  = B ⊙ A + C by hadamard_com\nqed');
    expect(report.valid).toBe(true);
    const step = report.theorems[0]?.steps[0];
    expect(step).toMatchObject({ ok: true, law: 'hadamard_comm', note: "read 'hadamard_com' as hadamard_comm (a one-letter typo)" });
    expect(step?.message).toContain("(read 'hadamard_com' as hadamard_comm (a one-letter typo))");
    // Entrywise laws are resolved too: def_hadamrd is def_hadamard.
    // (The goal is not def_hadamard itself: citing a law to prove that law is circular.)
    const entry = checkProof('given A, B: m×n\nprove (A ⊙ B)[i,j] = B[i,j] A[i,j]\nproof\n  (A ⊙ B)[i,j]\n  = A[i,j] B[i,j] by def_hadamrd\n  = B[i,j] A[i,j] by mul_comm\nqed');
    expect(entry.theorems[0]?.steps[0]).toMatchObject({ ok: true, law: 'def_hadamard' });
  });

  it('is invalid when the file has input errors', () => {
    const report = checkProof('given A: 2×\nprove A = A\nproof\n  A\n  = A ⊙ J by hadamard_ones\nqed');
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.valid).toBe(false);
    expect(parseExpr('A').type).toBe('Identifier');
  });
});
