import { describe, expect, it } from 'vitest';
import { parseExpr } from '@odot/parser';
import { evaluate, valuesEqual, type Counterexample } from '@odot/numeric';
import { MISCONCEPTIONS } from '@odot/rewrite';
import { checkProof, type CheckOptions } from './check-proof.ts';
import { checkProofAgainst } from './grade.ts';
import { reportToJson, type StepReport } from './report.ts';

// One hand-worked example per step code of the contract (ok, wrong-law, false, side-condition,
// too-big, no-change, circular, buggy-rule, unchecked), each counterexample re-evaluated here
// with @odot/numeric's exact evaluator, independently of the checker.

function theorem(givens: string, goal: string, body: string): string {
  return `${givens.split(';').map((g) => `given ${g.trim()}`).join('\n')}\nprove ${goal}\nproof\n${body}\nqed`;
}

function stepsOf(text: string, options: CheckOptions = {}): StepReport[] {
  const report = checkProof(text, options);
  expect(report.errors).toEqual([]);
  return report.theorems.flatMap((t) => t.steps).filter((step) => step.kind !== 'structure');
}

/** Evaluates `left` and `right` on the counterexample's values and indices: they must differ, and match the reported values. */
function refutes(cx: Counterexample, left: string, right: string): void {
  const indices = Object.fromEntries(cx.indices);
  const l = evaluate(parseExpr(left), cx.bindings, { indices });
  const r = evaluate(parseExpr(right), cx.bindings, { indices });
  if (!l.ok || !r.ok) throw new Error(`cannot evaluate: ${!l.ok ? l.error.message : ''} ${!r.ok ? r.error.message : ''}`);
  expect(valuesEqual(l.value, r.value)).toBe(false);
  expect(valuesEqual(l.value, cx.left)).toBe(true);
  expect(valuesEqual(r.value, cx.right)).toBe(true);
}

describe('step diagnoses', () => {
  it('ok: the cited law does the step as stated', () => {
    const [step] = stepsOf(theorem('A, B: m×n', '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ + 0', '    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ + 0   by transpose_hadamard, add_zero'));
    expect(step).toMatchObject({ code: 'ok', status: 'ok', ok: true, credit: true });
  });

  it('wrong-law: true, but the cited law does not do it; names the law that does', () => {
    const [step] = stepsOf(theorem('A, B: m×n', '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', '    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ   by hadamard_comm\n  = Bᵀ ⊙ Aᵀ   by hadamard_comm'));
    expect(step).toMatchObject({ code: 'wrong-law', status: 'failed', ok: false });
    expect(step?.message).toMatch(/^the step is true, but hadamard_comm does not turn \(A ⊙ B\)ᵀ into Aᵀ ⊙ Bᵀ; transpose_hadamard does it in one step/);
  });

  it('false: an exact counterexample, with the indices of an entrywise step', () => {
    const [step] = stepsOf(theorem('A, B: n×n', '(A B)[i,j] = A[i,j] B[i,j]', '    (A B)[i,j]\n  = A[i,j] B[i,j]   by def_matmul'));
    expect(step).toMatchObject({ code: 'false', status: 'failed' });
    const cx = step?.counterexample as Counterexample;
    expect([...cx.indices.keys()].sort()).toEqual(['i', 'j']);
    expect(step?.message).toMatch(/i = \d+, j = \d+: the previous line is/);
    refutes(cx, '(A B)[i,j]', 'A[i,j] B[i,j]');
  });

  it('side-condition: names the property that fails', () => {
    const [step] = stepsOf(theorem('D: n×n; E: n×n', 'D E = D ⊙ E', '    D E\n  = D ⊙ E   by diagonal_mul_diagonal'));
    expect(step).toMatchObject({ code: 'side-condition', status: 'failed' });
    expect(step?.message).toMatch(/^diagonal_mul_diagonal needs [DE] diagonal/);
    refutes(step?.counterexample as Counterexample, 'D E', 'D ⊙ E');
  });

  it('too-big: more applications than allowed; the split is suggested as named steps (1 in strict mode)', () => {
    const text = theorem('A, B: m×n', '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', '    (A ⊙ B)ᵀ\n  = Bᵀ ⊙ Aᵀ   by transpose_hadamard, hadamard_comm');
    expect(stepsOf(text)[0]).toMatchObject({ code: 'ok' });
    const [step] = stepsOf(text, { strict: true });
    expect(step).toMatchObject({ code: 'too-big', status: 'failed' });
    expect(step?.split).toEqual([
      { expr: 'Aᵀ ⊙ Bᵀ', law: 'transpose_hadamard' },
      { expr: 'Bᵀ ⊙ Aᵀ', law: 'hadamard_comm' },
    ]);
    expect(step?.message).toContain('split it: = Aᵀ ⊙ Bᵀ by transpose_hadamard, then = Bᵀ ⊙ Aᵀ by hadamard_comm');
    // The split it suggests is itself a proof the strict checker accepts.
    const split = theorem('A, B: m×n', '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', `    (A ⊙ B)ᵀ\n${step?.split?.map((s) => `  = ${s.expr}   by ${s.law}`).join('\n')}`);
    expect(checkProof(split, { strict: true }).valid).toBe(true);
  });

  it('no-change: a repeated line, or one returning to an earlier line, earns nothing; padding never raises a score', () => {
    const goal = '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ';
    const padded = '(A ⊙ B)ᵀ\n= (A ⊙ B)ᵀ by hadamard_comm\n= (A ⊙ B)ᵀ by hadamard_comm\n= (A ⊙ B)ᵀ by hadamard_comm\n= Aᵀ ⊙ Aᵀ by transpose_hadamard';
    const grade = checkProofAgainst(padded, { goal, givens: 'A, B: m×n' });
    expect(grade.steps.filter((s) => s.code === 'no-change')).toHaveLength(3);
    expect(grade.steps.find((s) => s.code === 'no-change')).toMatchObject({ status: 'no-credit', ok: true, credit: false });
    expect(grade.fraction).toBe(0);
    const honest = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ by transpose_hadamard', { goal, givens: 'A, B: m×n' });
    const swaps = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ by transpose_hadamard\n= Bᵀ ⊙ Aᵀ by hadamard_comm\n= Aᵀ ⊙ Bᵀ by hadamard_comm', { goal, givens: 'A, B: m×n' });
    expect(swaps.steps[2]).toMatchObject({ code: 'no-change', message: expect.stringMatching(/returns to line 2/) });
    expect(swaps.fraction).toBeLessThanOrEqual(honest.fraction);
  });

  it('circular: the cited law is the goal up to renaming, or is forbidden, or is not allowed', () => {
    const comm = theorem('X, Y: m×n', 'Y ⊙ X = X ⊙ Y', '    Y ⊙ X\n  = X ⊙ Y   by hadamard_comm');
    const [step] = stepsOf(comm);
    expect(step).toMatchObject({ code: 'circular', status: 'failed' });
    expect(step?.message).toMatch(/hadamard_comm is the statement being proved/);
    expect(checkProof(comm).valid).toBe(false);
    const transpose = theorem('A, B: m×n', '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', '    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ   by transpose_hadamard\n  = Bᵀ ⊙ Aᵀ   by hadamard_comm');
    expect(checkProof(transpose).valid).toBe(true);
    expect(stepsOf(transpose, { forbid: ['transpose_hadamard'] })[0]).toMatchObject({ code: 'circular', message: expect.stringMatching(/may not be cited in this exercise/) });
    expect(stepsOf(transpose, { allow: ['transpose_hadamard'] })[1]).toMatchObject({ code: 'circular', message: expect.stringMatching(/not among the laws allowed/) });
    expect(checkProof(transpose, { allow: ['transpose_hadamard', 'hadamard_comm'] }).valid).toBe(true);
  });

  it('buggy-rule: a false step that a named misconception of the shared catalogue explains', () => {
    const cases: [string, string, string, string, string][] = [
      ['A, B: n×n', '(A B)ᵀ', 'Aᵀ Bᵀ', 'transpose_mul', 'transpose-product-order'],
      ['A: n×n', 'I ⊙ A', 'A', 'identity_hadamard', 'identity-hadamard'],
      ['A, B, C: n×n', '(A B) ⊙ C', '(A ⊙ C) B', 'diagonal_hadamard_mul', 'hadamard-matmul-mixed'],
      ['A, B: n×n', '(A + B) ⊙ (A + B)', 'A ⊙ A + B ⊙ B', 'hadamard_add', 'dropped-cross-terms'],
      ['D: n×n diagonal; A, B: n×n', 'D (A ⊙ B)', '(A D) ⊙ B', 'diagonal_hadamard_mul', 'diagonal-side'],
      ['A: n×n', 'Aᵀ[i,j]', 'A[i,j]', 'def_transpose', 'transpose-indices'],
    ];
    for (const [givens, left, right, law, code] of cases) {
      const [step] = stepsOf(theorem(givens, `${left} = ${right}`, `    ${left}\n  = ${right}   by ${law}`));
      expect(step, `${left} = ${right}`).toMatchObject({ code: 'buggy-rule', status: 'failed', misconception: code });
      expect(step?.message).toContain(`the buggy rule ${MISCONCEPTIONS.find((m) => m.code === code)?.rule}`);
      refutes(step?.counterexample as Counterexample, left, right);
    }
  });

  it('unchecked: after a failed line, later lines are judged against the student’s own previous line', () => {
    const text = theorem('A, B, C: m×n', '(A + B) ⊙ C = C ⊙ A + C ⊙ B', '    (A + B) ⊙ C\n  = A ⊙ C + B       by add_hadamard\n  = C ⊙ A + B       by hadamard_comm\n  = C ⊙ A + C ⊙ B   by hadamard_add');
    const steps = stepsOf(text);
    expect(steps.map((s) => [s.line, s.code, s.status])).toEqual([
      [5, 'false', 'failed'],
      [6, 'unchecked', 'unchecked'],
      [7, 'false', 'failed'],
    ]);
    expect(steps[1]).toMatchObject({ ok: true, credit: true, message: expect.stringMatching(/since line 5 failed/) });
    refutes(steps[2]?.counterexample as Counterexample, 'C ⊙ A + B', 'C ⊙ A + C ⊙ B');
    const json = reportToJson(checkProof(text));
    expect(json.theorems[0]?.steps.map((s) => [s.status, s.code])).toEqual([
      ['failed', 'false'],
      ['unchecked', 'unchecked'],
      ['failed', 'false'],
    ]);
    expect(json.theorems[0]?.steps[0]?.counterexample?.bindings).toHaveProperty('A');
  });

  it('strictness: a law matched only up to ⊙ commutativity is accepted with a note by default, rejected under strict', () => {
    const text = theorem('A, B, C: m×n; c: scalar', 'c (A ⊙ B) + C = (c A) ⊙ B + C', '    c (A ⊙ B) + C\n  = (c A) ⊙ B + C   by hadamard_smul');
    const [loose] = stepsOf(text);
    expect(loose).toMatchObject({ code: 'ok', via: ['hadamard_comm'] });
    expect(loose?.message).toMatch(/^by hadamard_smul after hadamard_comm/);
    const [strict] = stepsOf(text, { strict: true });
    expect(strict).toMatchObject({ code: 'wrong-law', status: 'failed' });
    expect(strict?.message).toMatch(/smul_hadamard does it as stated/);
    // As stated, in either direction, it is accepted under strict too.
    const stated = theorem('A, B, C: m×n; c: scalar', 'c (A ⊙ B) + C = A ⊙ (c B) + C', '    c (A ⊙ B) + C\n  = A ⊙ (c B) + C   by hadamard_smul');
    expect(stepsOf(stated, { strict: true })[0]).toMatchObject({ code: 'ok' });
  });

  it('reordering products of numbers: by mul_comm in one step by default; under strict, one swap at a time (never a detour through another law)', () => {
    const text = theorem('A, C: m×n; B, D: p×q', 'A[i,j] C[i,j] (B[k,l] D[k,l]) = A[i,j] B[k,l] (C[i,j] D[k,l])', '    A[i,j] C[i,j] (B[k,l] D[k,l])\n  = A[i,j] B[k,l] (C[i,j] D[k,l])   by mul_comm');
    const [loose] = stepsOf(text);
    expect(loose).toMatchObject({ code: 'ok' });
    expect(loose?.message).toMatch(/a reordering/);
    const [strict] = stepsOf(text, { strict: true });
    expect(strict).toMatchObject({ code: 'too-big', status: 'failed' });
    expect(strict?.message).toMatch(/one swap or regrouping at a time, by mul_comm/);
    expect(strict?.message).not.toMatch(/hadamard_ones/);
    // A law whose sides are not a reordering does not license one.
    const [wrong] = stepsOf(theorem('A, C: m×n; B, D: p×q', 'A[i,j] C[i,j] (B[k,l] D[k,l]) = A[i,j] B[k,l] (C[i,j] D[k,l])', '    A[i,j] C[i,j] (B[k,l] D[k,l])\n  = A[i,j] B[k,l] (C[i,j] D[k,l])   by mul_one'));
    expect(wrong?.code).not.toBe('ok');
    // Folding is not reordering: `A[i,j] · 0 = 0` is true, but mul_comm does not do it (mul_zero does).
    const folded = theorem('A: m×n', 'A[i,j] · 0 = 0', '    A[i,j] · 0\n  = 0   by mul_comm');
    const [zero] = stepsOf(folded);
    expect(zero).toMatchObject({ code: 'wrong-law', status: 'failed' });
    expect(zero?.message).toMatch(/mul_zero/);
  });

  it('a one-letter typo in a law name costs nothing', () => {
    const goal = '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ';
    const grade = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ by transpose_hadamrd\n= Bᵀ ⊙ Aᵀ by hadamard_comm', { goal, givens: 'A, B: m×n' });
    expect(grade).toMatchObject({ proved: true, fraction: 1 });
    expect(grade.steps[0]?.note).toMatch(/one-letter typo/);
  });
});

describe('suggestions respect the exercise', () => {
  it('never suggests a law the exercise forbids or does not allow', () => {
    const text = theorem('A, B, C: m×n; c: scalar', 'c (A ⊙ B) + C = (c A) ⊙ B + C', '    c (A ⊙ B) + C\n  = (c A) ⊙ B + C   by hadamard_smul');
    const [strict] = stepsOf(text, { strict: true, forbid: ['smul_hadamard'] });
    expect(strict).toMatchObject({ code: 'wrong-law' });
    expect(strict?.message).not.toMatch(/smul_hadamard does it/);
    expect(stepsOf(text, { strict: true, allow: ['hadamard_smul', 'hadamard_comm'] })[0]?.message).not.toMatch(/smul_hadamard does it/);
    const wrong = theorem('A, B: m×n', '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', '    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ   by hadamard_comm\n  = Bᵀ ⊙ Aᵀ   by hadamard_comm');
    expect(stepsOf(wrong)[0]?.message).toMatch(/transpose_hadamard does it in one step/);
    expect(stepsOf(wrong, { forbid: ['transpose_hadamard'] })[0]?.message).not.toMatch(/transpose_hadamard does it/);
  });
});
