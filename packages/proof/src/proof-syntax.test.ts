import { describe, expect, it } from 'vitest';
import { printExpr } from '@odot/core';
import { checkProof } from './check-proof.ts';
import { parseProof } from './parse-proof.ts';
import type { ProofLine } from './proof-ast.ts';
import { normalizeProofText, topLevelEquals } from './proof-syntax.ts';

// The proof-language friction found in the trial: each spelling has a parse test (what it reads as)
// and a check test (a proof using it is checked as the ordinary spelling would be).

function shown(line: ProofLine): string {
  switch (line.kind) {
    case 'start':
      return `start ${printExpr(line.expr)}`;
    case 'step':
      return `step ${printExpr(line.expr)} by ${line.laws.map((l) => l.name).join(',')}`;
    case 'equation':
      return `equation ${printExpr(line.statement)} by ${line.laws.map((l) => l.name).join(',')}`;
    case 'claim':
      return `claim ${printExpr(line.statement)} by ${line.laws.map((l) => l.name).join(',')}`;
    case 'invalid':
      return `invalid ${line.error.code}: ${line.error.message}`;
  }
}

function theorem(given: string, goal: string, body: string): string {
  return `${given}\nprove ${goal}\nproof\n${body}\nqed\n`;
}

/** The codes of every step of a one-theorem file, and whether it is proved. */
function verdict(text: string): { valid: boolean; codes: string[]; errors: string[] } {
  const report = checkProof(text);
  return { valid: report.valid, codes: report.theorems.flatMap((t) => t.steps.map((s) => s.code)), errors: report.errors.map((e) => e.message) };
}

const HADAMARD_COMM_ENTRYWISE = (start: string, middle: string, swapped: string, end: string): string =>
  theorem('given A, B: m×n', 'A ⊙ B = B ⊙ A', [`    ${start}`, `  = ${middle}   by def_hadamard`, `  = ${swapped}   by mul_comm`, `  = ${end}   by def_hadamard`, '  A ⊙ B = B ⊙ A   by ext'].join('\n'));

describe('entries written (A⊙B)ᵢⱼ and A_ij', () => {
  it('parse as the entries [i,j], with spans on the text as written', () => {
    const doc = parseProof(HADAMARD_COMM_ENTRYWISE('(A⊙B)ᵢⱼ', 'A_ij B_ij', 'Bᵢⱼ Aᵢⱼ', '(B ⊙ A)_ij'));
    expect(doc.errors).toEqual([]);
    const lines = doc.theorems[0]!.lines;
    expect(lines.map(shown)).toEqual([
      'start (A ⊙ B)[i,j]',
      'step A[i,j] B[i,j] by def_hadamard',
      'step B[i,j] A[i,j] by mul_comm',
      'step (B ⊙ A)[i,j] by def_hadamard',
      'equation A ⊙ B = B ⊙ A by ext',
    ]);
    // `A_ij B_ij` on line 5 starts at column 5 and ends before the spaces, as written.
    const step = lines[1]!;
    expect(step.kind === 'step' && [step.exprSpan.start.column, step.exprSpan.end.column]).toEqual([5, 14]);
  });

  it('check exactly like A[i,j]', () => {
    expect(verdict(HADAMARD_COMM_ENTRYWISE('(A⊙B)ᵢⱼ', 'A_ij B_ij', 'Bᵢⱼ Aᵢⱼ', '(B ⊙ A)_ij'))).toEqual({ valid: true, codes: ['ok', 'ok', 'ok', 'ok'], errors: [] });
    expect(verdict(HADAMARD_COMM_ENTRYWISE('(A⊙B)[i,j]', 'A[i,j] B[i,j]', 'B[i,j] A[i,j]', '(B ⊙ A)[i,j]')).valid).toBe(true);
    // A wrong step is still wrong in the new spelling.
    expect(verdict(HADAMARD_COMM_ENTRYWISE('(A⊙B)ᵢⱼ', 'A_ij B_ji', 'B_ji A_ij', '(B ⊙ A)_ij')).codes[0]).toBe('false');
  });

  it('leaves sizes (I_n, 1_n), law names and names with longer subscripts alone', () => {
    expect(normalizeProofText('I_n A_ij').text).toBe('I_n A[i,j]');
    expect(normalizeProofText('A_{ij} + B_ijk').text).toBe('A_{ij} + B_ijk');
    expect(normalizeProofText('Σₖ(Aᵢₖ Bₖⱼ)').text).toBe('Σ_k(A[i,k] B[k,j])');
    // Digit subscripts are part of a name (D_12 is D₁₂), not indices.
    expect(normalizeProofText('D_12 + D₁₂ + D₁ᵢⱼ').text).toBe('D_12 + D₁₂ + D₁[i,j]');
  });
});

describe('one-line chains X = Y = Z', () => {
  const given = 'given A, B: m×n';
  const goal = '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ';
  it('one `by` at the end justifies every step', () => {
    const text = theorem(given, goal, '  (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ = Bᵀ ⊙ Aᵀ   by transpose_hadamard, hadamard_comm');
    expect(parseProof(text).theorems[0]!.lines.map(shown)).toEqual([
      'start (A ⊙ B)ᵀ',
      'step Aᵀ ⊙ Bᵀ by transpose_hadamard,hadamard_comm',
      'step Bᵀ ⊙ Aᵀ by transpose_hadamard,hadamard_comm',
    ]);
    expect(verdict(text)).toEqual({ valid: true, codes: ['ok', 'ok'], errors: [] });
  });

  it('or each step carries its own `by`, and a line may continue with `= Y by L = Z by M`', () => {
    const text = theorem(given, goal, '  (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ by transpose_hadamard = Bᵀ ⊙ Aᵀ by hadamard_comm');
    expect(verdict(text)).toEqual({ valid: true, codes: ['ok', 'ok'], errors: [] });
    const continued = theorem(given, goal, '    (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ by transpose_hadamard = Bᵀ ⊙ Aᵀ by hadamard_comm');
    expect(verdict(continued)).toEqual({ valid: true, codes: ['ok', 'ok'], errors: [] });
    // Each step is checked against its own law: the wrong one is named.
    const wrong = theorem(given, goal, '  (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ by hadamard_comm = Bᵀ ⊙ Aᵀ by hadamard_comm');
    // The line after the wrong one is checked against it and holds: `unchecked`, not ✗.
    expect(verdict(wrong).codes).toEqual(['wrong-law', 'unchecked']);
  });

  it('a middle step without `by` when the others have one is a step without justification', () => {
    const text = theorem(given, goal, '  (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ = Bᵀ ⊙ Aᵀ by hadamard_comm = Bᵀ ⊙ Aᵀ by hadamard_comm');
    const lines = parseProof(text).theorems[0]!.lines.map(shown);
    expect(lines[1]).toBe('invalid proof-missing-law: this step has no justification');
    expect(verdict(text).valid).toBe(false);
  });

  it('splits only at top-level `=` signs', () => {
    expect(topLevelEquals('= a = b')).toEqual([0, 4]);
    expect(topLevelEquals('f(a = b) >= c <= d == e')).toEqual([]);
  });
});

describe('the ones vector written 𝟏, 1_n, or 1 in 1ᵀ X 1', () => {
  const given = 'given A, B: n×n';
  it('parses as the ones column J_{n×1}', () => {
    const doc = parseProof(theorem(given, '1ᵀ(A⊙B)1 = 1_nᵀ(B⊙A)1_n', '    𝟏ᵀ(A⊙B)𝟏\n  = 1ᵀ(B ⊙ A)1   by hadamard_comm'));
    expect(doc.errors).toEqual([]);
    const t = doc.theorems[0]!;
    expect(printExpr(t.goal)).toBe('J_{?×1}ᵀ (A ⊙ B) J_{?×1} = J_{n×1}ᵀ (B ⊙ A) J_{n×1}');
    expect(t.lines.map(shown)).toEqual(['start J_{?×1}ᵀ (A ⊙ B) J_{?×1}', 'step J_{?×1}ᵀ (B ⊙ A) J_{?×1} by hadamard_comm']);
  });

  it('checks: 1ᵀ(A⊙B)1 = 1ᵀ(B⊙A)1 by hadamard_comm; a false step is refuted', () => {
    const ok = theorem(given, '1ᵀ(A⊙B)1 = 1ᵀ(B⊙A)1', '    1ᵀ(A⊙B)1\n  = 1ᵀ(B⊙A)1   by hadamard_comm');
    expect(verdict(ok)).toEqual({ valid: true, codes: ['ok'], errors: [] });
    const wrong = theorem(given, '1ᵀ(A⊙B)1 = 1ᵀ(A B)1', '    1ᵀ(A⊙B)1\n  = 1ᵀ(A B)1   by hadamard_comm');
    // ⊙ read as the matrix product: a named misconception.
    expect(verdict(wrong).codes).toEqual(['buggy-rule']);
  });

  it('does not read a 1 as the ones vector elsewhere', () => {
    expect(normalizeProofText('A[i,j] · 1').text).toBe('A[i,j] · 1');
    expect(normalizeProofText('2A + 1').text).toBe('2A + 1');
  });
});

describe('by definition', () => {
  it('of a trace is def_trace; `by def_trace` works as well', () => {
    const body = (law: string): string => `    tr(A ⊙ B)\n  = Σ_k((A ⊙ B)[k,k])   by ${law}\n  = Σ_k(A[k,k] B[k,k])   by definition`;
    const goal = 'tr(A ⊙ B) = Σ_k(A[k,k] B[k,k])';
    expect(verdict(theorem('given A, B: n×n', goal, body('definition')))).toEqual({ valid: true, codes: ['ok', 'ok'], errors: [] });
    expect(verdict(theorem('given A, B: n×n', goal, body('def_trace')))).toEqual({ valid: true, codes: ['ok', 'ok'], errors: [] });
  });

  it('parses as a citation of `definition`, resolved when the step is checked', () => {
    const doc = parseProof(theorem('given A: m×n', 'Aᵀᵀ = A', '    (Aᵀᵀ)[i,j]\n  = Aᵀ[j,i]   by definition'));
    expect(doc.theorems[0]!.lines.map(shown)).toEqual(['start (Aᵀᵀ)[i,j]', 'step (Aᵀ)[j,i] by definition']);
  });

  it('cites the definition of the outermost operator the step changes', () => {
    const text = HADAMARD_COMM_ENTRYWISE('(A ⊙ B)[i,j]', 'A[i,j] B[i,j]', 'B[i,j] A[i,j]', '(B ⊙ A)[i,j]').replace(/def_hadamard/g, 'definition');
    const report = checkProof(text);
    expect(report.valid).toBe(true);
    const steps = report.theorems[0]!.steps;
    expect(steps.map((s) => s.law)).toEqual(['def_hadamard', 'mul_comm', 'def_hadamard', 'ext']);
  });

  it('a transpose entry unfolds by def_transpose; a wrong definitional step fails', () => {
    const text = theorem('given A: m×n', 'Aᵀᵀ = A', '    (Aᵀᵀ)[i,j]\n  = Aᵀ[j,i]   by definition\n  = A[i,j]   by definition\n  Aᵀᵀ = A   by ext');
    expect(checkProof(text).theorems[0]!.steps.map((s) => `${s.code} ${s.law}`)).toEqual(['ok def_transpose', 'ok def_transpose', 'ok ext']);
    const wrong = theorem('given A: m×n', 'Aᵀᵀ = A', '    (Aᵀᵀ)[i,j]\n  = Aᵀ[i,j]   by definition\n  = A[i,j]   by definition\n  Aᵀᵀ = A   by ext');
    expect(checkProof(wrong).theorems[0]!.steps[0]!.ok).toBe(false);
  });
});

describe('citing an earlier theorem of the file by its name', () => {
  // Proved from two laws (citing hadamard_comm alone for X ⊙ Y = Y ⊙ X would be circular).
  const lemma = theorem('given X, Y: m×n', 'swap: (X ⊙ Y)ᵀ = Yᵀ ⊙ Xᵀ', '    (X ⊙ Y)ᵀ\n  = Xᵀ ⊙ Yᵀ   by transpose_hadamard\n  = Yᵀ ⊙ Xᵀ   by hadamard_comm');
  it('parses `prove NAME: STATEMENT`', () => {
    const t = parseProof(lemma).theorems[0]!;
    expect(t.name).toBe('swap');
    expect(printExpr(t.goal)).toBe('(X ⊙ Y)ᵀ = Yᵀ ⊙ Xᵀ');
  });

  it('a later proof cites it like a law, at any position, with its symbols as variables', () => {
    const use = theorem('given A, B, C: n×n', '(A ⊙ B)ᵀ + C = Bᵀ ⊙ Aᵀ + C', '    (A ⊙ B)ᵀ + C\n  = Bᵀ ⊙ Aᵀ + C   by swap');
    expect(verdict(lemma + use)).toEqual({ valid: true, codes: ['ok', 'ok', 'ok'], errors: [] });
    // Not before it is proved, nor a false use of it.
    expect(verdict(use + lemma).codes[0]).toBe('unknown-law');
    const misuse = theorem('given A, B: n×n', 'A B = B A', '    A B\n  = B A   by swap');
    expect(verdict(lemma + misuse).codes.at(-1)).not.toBe('ok');
  });

  it('an unproved lemma cannot be cited', () => {
    const bad = theorem('given X, Y: n×n', 'bad: X Y = Y X', '    X Y\n  = Y X   by hadamard_comm');
    const use = theorem('given A, B: n×n', 'A B = B A', '    A B\n  = B A   by bad');
    expect(verdict(bad + use).codes.at(-1)).toBe('unknown-law');
  });
});

describe('scalar inequalities X ≥ 0', () => {
  it('read as ⪰ 0 when X is a scalar (a trace, a quadratic form), and stay ambiguous for matrices', () => {
    const scalar = parseProof(theorem('given P, Q: n×n psd\ngiven u: n', 'uᵀ(P ⊙ Q)u ≥ 0', '  uᵀ(P ⊙ Q)u ≥ 0   by congruence_psd, schur'));
    expect(scalar.errors).toEqual([]);
    expect(printExpr(scalar.theorems[0]!.goal)).toBe('uᵀ (P ⊙ Q) u ⪰ 0');
    const trace = parseProof(theorem('given P, Q: n×n psd', 'tr(P⊙Q) ≥ 0', '  tr(P ⊙ Q) >= 0   by schur'));
    expect(trace.errors).toEqual([]);
    expect(trace.theorems[0]!.lines.map(shown)).toEqual(['claim tr(P ⊙ Q) ⪰ 0 by schur']);
    const matrix = parseProof(theorem('given P, Q: n×n psd', 'P ⊙ Q ≥ 0', '  P ⊙ Q ⪰ 0   by schur'));
    expect(matrix.errors.map((e) => [e.code, e.span?.start.column])).toEqual([['ambiguous-relation', 13]]);
  });

  it('checks a scalar inequality by the laws that prove it', () => {
    const text = theorem('given P, Q: n×n psd\ngiven u: n', 'uᵀ(P ⊙ Q)u ≥ 0', '  uᵀ(P ⊙ Q)u ≥ 0   by congruence_psd, schur');
    expect(verdict(text)).toEqual({ valid: true, codes: ['ok'], errors: [] });
    const unproved = theorem('given A, B: n×n\ngiven u: n', 'uᵀ(A ⊙ B)u ≥ 0', '  uᵀ(A ⊙ B)u ≥ 0   by schur');
    expect(verdict(unproved).valid).toBe(false);
  });
});

describe('the echoed goal', () => {
  it('keeps the brackets and spellings the student typed', () => {
    expect(parseProof(theorem('given A, B: m×n', '((A ⊙ B))ᵀ = (Bᵀ) ⊙ Aᵀ   # as typed', '    ((A ⊙ B))ᵀ')).theorems[0]!.goalText).toBe('((A ⊙ B))ᵀ = (Bᵀ) ⊙ Aᵀ');
    const text = theorem('given A, B: m×n', '((A ⊙ B))ᵀ = (Bᵀ) ⊙ Aᵀ', '    ((A ⊙ B))ᵀ\n  = Aᵀ ⊙ Bᵀ   by transpose_hadamard\n  = (Bᵀ) ⊙ Aᵀ   by hadamard_comm');
    const report = checkProof(text);
    expect(report.theorems[0]!.goal).toBe('((A ⊙ B))ᵀ = (Bᵀ) ⊙ Aᵀ');
    expect(report.valid).toBe(true);
  });
});

describe('trailing comments', () => {
  it('` # …` ends a line, so `simplify --steps` output with `# right to left` is proof text', () => {
    const text = theorem('given A, B: m×n', 'Bᵀ ⊙ Aᵀ = (A ⊙ B)ᵀ', '    Bᵀ ⊙ Aᵀ\n  = Aᵀ ⊙ Bᵀ   by hadamard_comm\n  = (A ⊙ B)ᵀ   by transpose_hadamard   # right to left');
    expect(verdict(text)).toEqual({ valid: true, codes: ['ok', 'ok'], errors: [] });
  });
});
