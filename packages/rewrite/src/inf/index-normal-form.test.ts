import { parseExpr } from '@odot/parser';
import { evaluate, exactMatrix, rational, scalarValue, valuesEqual, type Value } from '@odot/numeric';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bothTerms } from '../convert.ts';
import { givensOfText } from '../test-support.ts';
import { decideByIndexForm, type IndexDecision } from './decide.ts';
import { indexNormalForm, printForm } from './normal-form.ts';
import { decideIndexNormalForm } from './public.ts';
import { exprToTerm } from '../convert.ts';

function decide(a: string, b: string, decl: string): IndexDecision {
  const g = givensOfText(decl);
  const ea = parseExpr(a);
  const eb = parseExpr(b);
  const t = bothTerms(ea, eb, g);
  if (!t.ok) throw new Error(t.error.message);
  return decideByIndexForm(ea, eb, t.value[0], t.value[1], g);
}

function form(text: string, decl: string): string {
  const t = exprToTerm(parseExpr(text), givensOfText(decl));
  if (!t.ok) throw new Error(t.error.message);
  const f = indexNormalForm(t.value);
  if (!f.ok) throw new Error(f.reason);
  return printForm(f.form);
}

describe('index normal form', () => {
  it("proves Mathlib's 1ᵀ(A⊙B)1 = tr(A Bᵀ) with the ones vector as J_{n×1}", () => {
    const d = decide('J_{1×m} (A ⊙ B) J_{n×1}', 'tr(A Bᵀ)', 'A, B: m×n');
    expect(d.kind).toBe('equal');
  });

  it('proves D ⊙ D = D² for a diagonal D, declared or written diag(d)', () => {
    expect(decide('D ⊙ D', 'D D', 'D: n×n diagonal').kind).toBe('equal');
    expect(decide('diag(d) ⊙ diag(d)', 'diag(d) diag(d)', 'd: n').kind).toBe('equal');
    expect(decide('D ⊙ D', 'D^2', 'D: n×n diagonal').kind).toBe('equal');
  });

  it('counts dimensions: tr(J_n) = n, tr(I_n) = n, J J = n J', () => {
    expect(decide('tr(J_{n×n})', 'tr(I_n)', '').kind).toBe('equal');
    expect(form('tr(J_{n×n})', '')).toBe('#n'.replace('#', ''));
    expect(decide('J_{m×n} J_{n×p}', 'tr(I_n) J_{m×p}', '').kind).toBe('equal');
    expect(decide('J_{3×3} J_{3×3}', '3 J_{3×3}', '').kind).toBe('equal');
  });

  it('prints the forms as explicit Einstein sums', () => {
    expect(form('A B', 'A: m×n; B: n×p')).toBe('[i,j] ↦ Σ_{k∈n} A[i,k] B[k,j]');
    expect(form('tr(A ⊙ B)', 'A, B: n×n')).toBe('Σ_{k∈n} A[k,k] B[k,k]');
    expect(form('2 I_n - I_n', '')).toBe('[i,j] ↦ δ(i,j)');
  });

  it('handles symmetric symbols, entries, sums and Kronecker products', () => {
    expect(decide('Sᵀ ⊙ A', 'S ⊙ A', 'S: n×n symmetric; A: n×n').kind).toBe('equal');
    expect(decide('(A B)[i,j]', 'Σ_k(A[i,k] B[k,j])', 'A: m×n; B: n×p').kind).toBe('equal');
    expect(decide('(A ⊗ B) ⊙ (C ⊗ D)', '(A ⊙ C) ⊗ (B ⊙ D)', 'A, C: m×n; B, D: p×q').kind).toBe('equal');
    expect(decide('(A ⊗ B)ᵀ', 'Aᵀ ⊗ Bᵀ', 'A: m×n; B: p×q').kind).toBe('equal');
    expect(decide('A^⊙3', 'A ⊙ A ⊙ A', 'A: m×n').kind).toBe('equal');
    expect(decide('(A + B)^⊙2', 'A^⊙2 + 2 A ⊙ B + B^⊙2', 'A, B: m×n').kind).toBe('equal');
    expect(decide('c (A ⊙ B) + A', 'A ⊙ (c B + J)', 'c: scalar; A, B: m×n').kind).toBe('equal');
  });

  it('proves the binary rule x² = x and collapses the repeated entries', () => {
    expect(decide('B ⊙ B', 'B', 'B: m×n binary').kind).toBe('equal');
  });

  it('refutes the non-laws with exact counterexamples that evaluation confirms', () => {
    const cases: [string, string, string][] = [
      ['(A B) ⊙ C', '(A ⊙ C) B', 'A, B, C: n×n'],
      ['A (B ⊙ C)', '(A B) ⊙ (A C)', 'A, B, C: n×n'],
      ['I ⊙ A', 'A', 'A: n×n'],
      ['A B', 'B A', 'A, B: n×n'],
      ['tr(A ⊙ B)', 'tr(A B)', 'A, B: n×n'],
      ['(A ⊙ B)[1,1]', 'A[1,1]', 'A, B: n×n'],
    ];
    for (const [a, b, decl] of cases) {
      const d = decide(a, b, decl);
      expect(d.kind, `${a} = ${b}`).toBe('different');
      if (d.kind !== 'different') continue;
      const g = givensOfText(decl);
      const opts = { givens: g, dims: d.counterexample.sizes, indices: d.counterexample.indices };
      const l = evaluate(parseExpr(a), d.counterexample.bindings, opts);
      const r = evaluate(parseExpr(b), d.counterexample.bindings, opts);
      expect(l.ok && r.ok).toBe(true);
      if (l.ok && r.ok) expect(valuesEqual(l.value, r.value)).toBe(false);
    }
  });

  it('a scalar named like a size is that size: tr(J_n) = n and n A = tr(I_n) A proved, n A = A and tr(J_n) = n + 1 refuted', () => {
    expect(decide('tr(J_{n×n})', 'n', 'n: natural').kind).toBe('equal');
    expect(decide('n A', 'tr(I_n) A', 'A: n×n; n: natural').kind).toBe('equal');
    expect(decide('J_{m×n} J_{n×p}', 'n J_{m×p}', 'n: scalar').kind).toBe('equal');
    expect(form('n A', 'A: n×n; n: natural')).toBe(form('tr(I_n) A', 'A: n×n'));
    for (const [a, b, decl] of [
      ['n A', 'A', 'A: n×n; n: natural'],
      ['tr(J_{n×n})', 'n + 1', 'n: natural'],
      ['m J_{m×n}', 'n J_{m×n}', 'm, n: natural'],
    ] as const) {
      const d = decide(a, b, decl);
      expect(d.kind, `${a} = ${b}`).toBe('different');
      if (d.kind !== 'different') continue;
      // The counterexample binds no separate value for the size's name: evaluation reads it from the sizes.
      for (const name of d.counterexample.sizes.keys()) expect(d.counterexample.bindings.has(name)).toBe(false);
      const opts = { givens: givensOfText(decl), dims: d.counterexample.sizes, indices: d.counterexample.indices };
      const l = evaluate(parseExpr(a), d.counterexample.bindings, opts);
      const r = evaluate(parseExpr(b), d.counterexample.bindings, opts);
      expect(l.ok && r.ok && !valuesEqual(l.value, r.value)).toBe(true);
    }
  });

  it('reads an entry of a Kronecker product at (a − 1) p + b: def_kron proved, the factors swapped refuted', () => {
    const decl = 'A, C: m×n; B, D: p×q; p, q: natural';
    expect(decide('(A ⊗ B)[(i - 1) p + k, (j - 1) q + l]', 'A[i,j] B[k,l]', decl).kind).toBe('equal');
    expect(decide('((A ⊙ C) ⊗ (B ⊙ D))[(i - 1) p + k, (j - 1) q + l]', '((A ⊗ B) ⊙ (C ⊗ D))[(i - 1) p + k, (j - 1) q + l]', decl).kind).toBe('equal');
    expect(decide('(A ⊗ B)[(i - 1) p + k, j]', 'A[i,1] B[k,j]', 'A: m×1; B: p×q; p: natural').kind).toBe('equal');
    for (const [a, b] of [
      ['(A ⊗ B)[(i - 1) p + k, (j - 1) q + l]', 'A[i,j] B[l,k]'],
      ['(A ⊗ B)[(i - 1) p + k, (j - 1) q + l]', 'A[i,j] B[k,k]'],
    ] as const) {
      const g = 'A: m×n; B: p×p; p, q: natural';
      const d = decide(a.replace('q + l', 'p + l'), b.replace('q', 'p'), g);
      expect(d.kind, `${a} = ${b}`).toBe('different');
      if (d.kind !== 'different') continue;
      const opts = { givens: givensOfText(g), dims: d.counterexample.sizes, indices: d.counterexample.indices };
      const l = evaluate(parseExpr(a.replace('q + l', 'p + l')), d.counterexample.bindings, opts);
      const r = evaluate(parseExpr(b.replace('q', 'p')), d.counterexample.bindings, opts);
      expect(l.ok && r.ok && !valuesEqual(l.value, r.value)).toBe(true);
    }
    // Another spelling of the index is outside the fragment, never misread.
    expect(decide('(A ⊗ B)[i p - p + k, (j - 1) q + l]', 'A[i,j] B[k,l]', decl).kind).toBe('outside');
  });

  it('finds the separating size: the counterexample of tr(A⊙A) = tr(A)² needs n ≥ 2', () => {
    const d = decide('tr(A ⊙ A)', 'tr(A)^2', 'A: n×n');
    expect(d.kind).toBe('different');
    if (d.kind === 'different') expect(d.sizesTried).toEqual([1, 2]);
  });

  it('leaves inverses, determinants and symbolic exponents outside the fragment', () => {
    expect(decide('inv(A)', 'inv(A)ᵀᵀ', 'A: n×n').kind).toBe('outside');
    expect(decide('det(A)', 'det(Aᵀ)', 'A: n×n').kind).toBe('outside');
  });

  it('stops at the expansion limit instead of expanding without bound', () => {
    const g = givensOfText('A, B, C, D, E, F: n×n');
    const a = parseExpr('(A + B) ⊙ (C + D) ⊙ (E + F) ⊙ (A + C) ⊙ (B + D)');
    const t = exprToTerm(a, g);
    if (!t.ok) throw new Error(t.error.message);
    const f = indexNormalForm(t.value, { maxTerms: 10 });
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.reason).toMatch(/expansion limit/);
    expect(!f.ok && f.limit).toEqual({ kind: 'steps', value: 10 });
    const d = decideIndexNormalForm(a, parseExpr('A'), g, { maxTerms: 10 });
    expect(d.ok && d.value).toMatchObject({ kind: 'outside', limit: { kind: 'steps', value: 10 } });
  });

  it('tells different wirings apart that colour refinement alone would not (two 3-cycles vs a 6-cycle)', () => {
    const two = 'tr(A A A) tr(A A A)';
    const six = 'tr(A A A A A A)';
    expect(decide(two, six, 'A: n×n').kind).toBe('different');
    expect(decide('tr(A A A) tr(A A A)', 'tr(A A A)^2', 'A: n×n').kind).toBe('equal');
  });
});

describe('symbolic natural exponents (k: natural)', () => {
  it('proves (A^⊙k)ᵀ = (Aᵀ)^⊙k, (A^⊙k)[1,1] = A[1,1]^k and (A ⊙ B)^⊙k = A^⊙k ⊙ B^⊙k', () => {
    expect(decide('(A^⊙k)ᵀ', '(Aᵀ)^⊙k', 'A: m×n; k: natural').kind).toBe('equal');
    expect(decide('(A^⊙k)[1,1]', 'A[1,1]^k', 'A: m×n; k: natural').kind).toBe('equal');
    expect(decide('(A ⊙ B)^⊙k', 'A^⊙k ⊙ B^⊙k', 'A, B: m×n; k: natural').kind).toBe('equal');
  });

  it('a scalar k, or a power of a sum, stays outside', () => {
    expect(decide('(A^⊙k)ᵀ', '(Aᵀ)^⊙k', 'A: m×n; k: scalar').kind).toBe('outside');
    expect(decide('(A + B)^⊙k', 'A^⊙k + B^⊙k', 'A, B: m×n; k: natural').kind).toBe('outside');
  });

  it('merges exponents: A^⊙k ⊙ A^⊙l = A^⊙(k+l), A^⊙k ⊙ A = A^⊙(k+1), (A^⊙k)^⊙l = A^⊙(k l), (A^⊙k)^⊙2 = A^⊙(2k)', () => {
    const d = 'A, B: m×n; k, l: natural; c: scalar';
    expect(decide('A^⊙k ⊙ A^⊙l', 'A^⊙(k+l)', d).kind).toBe('equal');
    expect(decide('A^⊙k ⊙ A^⊙l', 'A^⊙(l+k)', d).kind).toBe('equal');
    expect(decide('A^⊙k ⊙ A', 'A^⊙(k+1)', d).kind).toBe('equal');
    expect(decide('A ⊙ A^⊙k ⊙ A', 'A^⊙(k+2)', d).kind).toBe('equal');
    expect(decide('(A^⊙k)^⊙l', 'A^⊙(k l)', d).kind).toBe('equal');
    expect(decide('(A^⊙k)^⊙2', 'A^⊙(2 k)', d).kind).toBe('equal');
    expect(decide('(A^⊙k)^⊙2', 'A^⊙k ⊙ A^⊙k', d).kind).toBe('equal');
    expect(decide('(A ⊙ B)^⊙k ⊙ B', 'A^⊙k ⊙ B^⊙(k+1)', d).kind).toBe('equal');
    expect(decide('tr(A^⊙k ⊙ A^⊙l)', 'tr(A^⊙(k+l))', 'A: n×n; k, l: natural').kind).toBe('equal');
    expect(decide('(A^⊙k)[1,1] A[1,1]', 'A[1,1]^(k+1)', 'A: n×n; k: natural').kind).toBe('equal');
    expect(decide('c^k c', 'c^(k+1)', d).kind).toBe('equal');
    const merged = decide('A^⊙k ⊙ A^⊙l ⊙ A', 'A^⊙(1 + l + k)', 'A: m×n; k, l: natural');
    expect(merged.kind === 'equal' && merged.forms[0]).toBe('[i,j] ↦ A[i,j]^(k + l + 1)');
  });

  it('refutes different exponents with an exact counterexample at small natural values', () => {
    const d = 'A: m×n; k, l: natural';
    const cases: [string, string][] = [
      ['A^⊙k ⊙ A', 'A^⊙k'],
      ['A^⊙k ⊙ A^⊙l', 'A^⊙(2 k)'],
      ['(A^⊙k)^⊙l', 'A^⊙(k+l)'],
      ['(A^⊙k)^⊙k', 'A^⊙k'],
    ];
    for (const [a, b] of cases) {
      const v = decide(a, b, d);
      expect(v.kind, `${a} = ${b}`).toBe('different');
      if (v.kind !== 'different') continue;
      const opts = { givens: givensOfText(d), dims: v.counterexample.sizes, indices: v.counterexample.indices };
      const l = evaluate(parseExpr(a), v.counterexample.bindings, opts);
      const r = evaluate(parseExpr(b), v.counterexample.bindings, opts);
      expect(l.ok && r.ok && !valuesEqual(l.value, r.value), `${a} = ${b}`).toBe(true);
    }
  });
});

describe('property: exponent merging agrees with exact evaluation at random natural k, l', () => {
  // Independent check: evaluate both sides exactly at the drawn k, l on random integer matrices.
  const pairs: [string, string][] = [
    ['A^⊙k ⊙ A^⊙l', 'A^⊙(k+l)'],
    ['(A^⊙k)^⊙l', 'A^⊙(k l)'],
    ['A^⊙k ⊙ (A ⊙ B)^⊙l', 'A^⊙(k+l) ⊙ B^⊙l'],
    ['(A^⊙k)ᵀ ⊙ Aᵀ', '(Aᵀ)^⊙(k+1)'],
  ];
  test.prop([fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 })], { numRuns: 20, seed: 14 })(
    'each proved pair is equal at the drawn values',
    (k, l, entries) => {
      const d = 'A, B: 2×2; k, l: natural';
      const bindings = new Map<string, Value>([
        ['A', exactMatrix([entries.slice(0, 2), entries.slice(2, 4)].map((row) => row.map((x) => rational(BigInt(x)))))],
        ['B', exactMatrix([entries.slice(4, 6), entries.slice(6, 8)].map((row) => row.map((x) => rational(BigInt(x)))))],
        ['k', scalarValue(BigInt(k))],
        ['l', scalarValue(BigInt(l))],
      ]);
      for (const [a, b] of pairs) {
        expect(decide(a, b, d).kind).toBe('equal');
        const opts = { givens: givensOfText(d) };
        const x = evaluate(parseExpr(a), bindings, opts);
        const y = evaluate(parseExpr(b), bindings, opts);
        expect(x.ok && y.ok && valuesEqual(x.value, y.value), `${a} = ${b} at k = ${k}, l = ${l}`).toBe(true);
      }
    },
  );
});
