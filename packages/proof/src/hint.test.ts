import { describe, expect, it } from 'vitest';
import { checkProof } from './check-proof.ts';
import { formatHint, hintProof, type HintResult, type ProofHint } from './hint.ts';

// A hint is one step from the last line that holds, checked by the checker: appending its line to
// the proof (in place of what fails) makes a proof whose steps all hold.

function theorem(given: string, goal: string, body: string): string {
  return `${given}\nprove ${goal}\nproof\n${body}\nqed\n`;
}

function hintOf(text: string): ProofHint {
  const result = hintProof(text);
  if (result.kind !== 'hint') throw new Error(`expected a hint, got ${JSON.stringify(result)}`);
  return result.hint;
}

/** The body lines up to and including line `afterLine` of the file, then the hint's line. */
function withHint(text: string, hint: ProofHint): string {
  const lines = text.split('\n');
  const head = lines.slice(0, hint.afterLine);
  const body = head.length >= 4 ? head : [...head, 'proof'];
  return [...body, `  ${hint.line}`, 'qed', ''].join('\n');
}

const TRANSPOSE = (body: string): string => theorem('given A, B: m×n', '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', body);

describe('hintProof', () => {
  it('an unfinished chain: the next law, where it applies, the line it gives', () => {
    const text = TRANSPOSE('    (A ⊙ B)ᵀ');
    const hint = hintOf(text);
    expect(hint).toMatchObject({
      theorem: 1,
      goal: '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ',
      afterLine: 4,
      from: '(A ⊙ B)ᵀ',
      law: 'transpose_hadamard',
      statement: '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ',
      direction: 'forward',
      subterm: '(A ⊙ B)ᵀ',
      path: [],
      result: 'Aᵀ ⊙ Bᵀ',
      line: '= Aᵀ ⊙ Bᵀ   by transpose_hadamard',
    });
    // Only the next step, not the rest of the proof: the result is not the goal's right side yet.
    expect(hint.result).not.toBe('Bᵀ ⊙ Aᵀ');
    const next = withHint(text, hint);
    expect(checkProof(next).theorems[0]!.steps.map((s) => s.code)).toEqual(['ok', 'wrong-end']);
    // Following the hints finishes the proof.
    const last = hintOf(next);
    expect(last).toMatchObject({ law: 'hadamard_comm', result: 'Bᵀ ⊙ Aᵀ', afterLine: 5 });
    expect(checkProof(withHint(next, last)).valid).toBe(true);
  });

  it('a failing step: the hint continues from the last line that holds', () => {
    const text = TRANSPOSE('    (A ⊙ B)ᵀ\n  = Bᵀ ⊙ Bᵀ   by transpose_hadamard\n  = Bᵀ ⊙ Aᵀ   by hadamard_comm');
    const hint = hintOf(text);
    expect(hint).toMatchObject({ afterLine: 4, from: '(A ⊙ B)ᵀ', law: 'transpose_hadamard', result: 'Aᵀ ⊙ Bᵀ' });
    expect(hint.reason).toContain('line 5 does not hold (false)');
  });

  it('a subterm deeper in the line: its path and the resulting whole line', () => {
    const text = theorem('given A, B, C: n×n', 'C + (A ⊙ B)ᵀ = C + Bᵀ ⊙ Aᵀ', '    C + (A ⊙ B)ᵀ');
    const hint = hintOf(text);
    expect(hint.law).toBe('transpose_hadamard');
    expect(hint.subterm).toBe('(A ⊙ B)ᵀ');
    expect(hint.path).toEqual([1]);
    expect(hint.result).toBe('C + Aᵀ ⊙ Bᵀ');
    expect(checkProof(withHint(text, hint)).theorems[0]!.steps[0]!.code).toBe('ok');
  });

  it('an entrywise chain: the next law toward the entry of the right side, then `by ext`', () => {
    const text = theorem('given A, B: m×n', 'A ⊙ B = B ⊙ A', '    (A ⊙ B)[i,j]\n  = A[i,j] B[i,j]   by def_hadamard');
    const hint = hintOf(text);
    expect(hint).toMatchObject({ law: 'mul_comm', result: 'B[i,j] A[i,j]', afterLine: 5 });
    const next = withHint(text, hint);
    const again = hintOf(next);
    expect(again).toMatchObject({ law: 'def_hadamard', result: '(B ⊙ A)[i,j]', direction: 'backward' });
    const closed = hintOf(withHint(next, again));
    expect(closed).toMatchObject({ law: 'ext', line: 'A ⊙ B = B ⊙ A   by ext' });
    expect(checkProof(withHint(withHint(next, again), closed)).valid).toBe(true);
  });

  it('a fully unfolded entry: fold it back into the goal\'s side, step by step, until the proof checks', () => {
    const given = 'given A, B: m×n';
    let text = theorem(given, '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ', '    ((A ⊙ B)ᵀ)[i,j]\n  = (A ⊙ B)[j,i]   by def_transpose\n  = A[j,i] B[j,i]   by def_hadamard');
    const first = hintOf(text);
    expect(first).toMatchObject({ law: 'def_transpose', direction: 'backward' });
    expect(first.reason).toMatch(/fold it back \(3 steps to go\)/);
    const laws: string[] = [];
    for (let k = 0; k < 5 && !checkProof(text).valid; k++) {
      const hint = hintOf(text);
      laws.push(hint.law);
      text = withHint(text, hint);
    }
    expect(checkProof(text).valid).toBe(true);
    expect(laws).toEqual(['def_transpose', 'def_transpose', 'def_hadamard', 'ext']);
  });

  it('an entrywise chain at block indices (a Kronecker product): the next definition, then `by ext`', () => {
    const given = 'given A: m×n; B: p×q; p, q: natural';
    const start = '    ((A ⊗ B)ᵀ)[(i - 1) q + k, (j - 1) p + l]';
    const first = hintOf(theorem(given, '(A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ', start));
    expect(first).toMatchObject({ law: 'def_transpose', result: '(A ⊗ B)[(j - 1) p + l,(i - 1) q + k]' });
    const chain = [
      start,
      '  = (A ⊗ B)[(j - 1) p + l, (i - 1) q + k]   by def_transpose',
      '  = A[j,i] B[l,k]   by def_kron',
      '  = Aᵀ[i,j] Bᵀ[k,l]   by def_transpose',
      '  = (Aᵀ ⊗ Bᵀ)[(i - 1) q + k, (j - 1) p + l]   by def_kron',
    ].join('\n');
    const text = theorem(given, '(A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ', chain);
    const closed = hintOf(text);
    expect(closed).toMatchObject({ law: 'ext', line: '(A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ   by ext' });
    expect(checkProof(withHint(text, closed)).valid).toBe(true);
  });

  it('a matrix-product entry: readable bound index names, toward the unfolded right side', () => {
    const text = theorem('given A: m×p\ngiven B: p×n', '(A B)ᵀ = Bᵀ Aᵀ', '    ((A B)ᵀ)[i,j]\n  = (A B)[j,i]   by def_transpose\n  = Σ_k(A[j,k] B[k,i])   by def_matmul');
    const hint = hintOf(text);
    expect(hint).toMatchObject({ law: 'mul_comm', subterm: 'A[j,k] B[k,i]', path: [0], result: 'Σ_k(B[k,i] A[j,k])' });
  });

  it('an empty chain, or one that starts elsewhere: start at the goal\'s left side', () => {
    for (const body of ['', '    Bᵀ ⊙ Aᵀ']) {
      const hint = hintOf(TRANSPOSE(body));
      expect(hint).toMatchObject({ afterLine: 2, from: '(A ⊙ B)ᵀ', law: 'transpose_hadamard' });
      expect(hint.reason).toContain("the chain starts at the goal's left side: write (A ⊙ B)ᵀ first");
    }
  });

  it('a claim: the law that proves it', () => {
    const hint = hintOf(theorem('given P, Q: n×n psd', 'P ⊙ Q ⪰ 0', '  P ⊙ Q ⪰ 0   by add_keeps_psd'));
    expect(hint).toMatchObject({ law: 'schur', line: 'P ⊙ Q ⪰ 0   by schur' });
  });

  it('proved: nothing to hint; a false goal: no hint', () => {
    expect(hintProof(TRANSPOSE('    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ   by transpose_hadamard\n  = Bᵀ ⊙ Aᵀ   by hadamard_comm'))).toEqual({ kind: 'proved' });
    const none = hintProof(theorem('given A, B: n×n', 'A B = B A', '    A B'));
    expect(none).toMatchObject({ kind: 'none', theorem: 1, goal: 'A B = B A', reason: expect.stringContaining('A B and B A are not equal (with ') });
  });

  it('the second theorem of a file, citing the first', () => {
    const lemma = theorem('given X, Y: m×n', 'swap: (X ⊙ Y)ᵀ = Yᵀ ⊙ Xᵀ', '    (X ⊙ Y)ᵀ\n  = Xᵀ ⊙ Yᵀ   by transpose_hadamard\n  = Yᵀ ⊙ Xᵀ   by hadamard_comm');
    const result = hintProof(lemma + TRANSPOSE('    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ   by transpose_hadamard'));
    expect(result.kind === 'hint' && [result.hint.theorem, result.hint.result]).toEqual([2, 'Bᵀ ⊙ Aᵀ']);
  });

  it('formats for people', () => {
    const result: HintResult = hintProof(TRANSPOSE('    (A ⊙ B)ᵀ'));
    expect(formatHint(result).split('\n')).toEqual([
      'theorem 1: (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ',
      'after line 4 ((A ⊙ B)ᵀ):',
      '  apply transpose_hadamard to (A ⊙ B)ᵀ (the whole line)',
      '  transpose_hadamard: (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ',
      '  = Aᵀ ⊙ Bᵀ   by transpose_hadamard',
      "(the proof stops before the goal; step 1 of 2 of the engine's proof)",
    ]);
    expect(formatHint({ kind: 'proved' })).toBe('nothing to hint: every theorem is proved');
  });
});

describe('hints on huge proofs (issue 15)', () => {
  const sum = (names: readonly string[]): string => names.join(' + ');
  const names = Array.from({ length: 5_000 }, (_, i) => `A${i}`);

  it('a goal summing 5 000 terms: no hint, with the reason, never a stack overflow', () => {
    const text = `given A0: n×n\nprove ${sum(names)} = ${sum([...names].reverse())}\nproof\n    A0\n  = A0   by add_comm\nqed\n`;
    const result = hintProof(text);
    expect(result.kind).toBe('none');
    if (result.kind === 'none') expect(result.reason).toMatch(/nested more than 1000 levels deep/);
  });

  it('a small goal after a 5 000-term line: the checker and the hint answer (too-deep or no hint)', () => {
    const text = `given A0: n×n\nprove A0 = A0\nproof\n    ${sum(names)}\n  = ${sum([...names].reverse())}   by add_comm\nqed\n`;
    expect(checkProof(text).valid).toBe(false);
    expect(['none', 'hint']).toContain(hintProof(text).kind);
  });
});
