import { describe, expect, it, vi } from 'vitest';
import { hadamard, hadamardPower, identifier, numberLiteral, type Expr } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { givens } from '../test/helpers.ts';
import { evaluate } from './evaluate.ts';
import type { IdentityTestOptions, IdentityVerdict } from './identity-test.ts';
import { identityTest } from './identity-test.ts';
import { isMatrix, valuesEqual } from './value.ts';
import type { Value } from './value.ts';

function test(left: string, right: string, decls = '', options: IdentityTestOptions = {}): IdentityVerdict {
  return identityTest(parseExpr(left), parseExpr(right), decls ? givens(decls) : new Map(), options);
}

function expectEqual(left: string, right: string, decls = '', maxBound = 1e-30): void {
  const v = test(left, right, decls);
  if (v.verdict !== 'equal') throw new Error(`${left} = ${right}: ${JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x instanceof Map ? [...x] : x))}`);
  expect(v.errorBound).toBeLessThanOrEqual(maxBound);
  expect(v.trials).toBeGreaterThanOrEqual(3);
}

function smallEntries(v: Value, bound: bigint): boolean {
  if (!isMatrix(v)) return true;
  if (v.kind !== 'exact') return false;
  return v.data.every((x) => x.den === 1n && x.num <= bound && x.num >= -bound);
}

/** A "different" verdict must come with a counterexample that re-evaluates (independently, through `evaluate`) to the two reported, unequal values. */
function expectDifferent(left: string, right: string, decls = ''): void {
  const v = test(left, right, decls);
  if (v.verdict !== 'different') throw new Error(`${left} ≠ ${right}: got ${v.verdict}`);
  const cx = v.counterexample;
  const opts = { indices: cx.indices, dims: cx.sizes, givens: decls ? givens(decls) : new Map() };
  const l = evaluate(parseExpr(left), cx.bindings, opts);
  const r = evaluate(parseExpr(right), cx.bindings, opts);
  if (!l.ok || !r.ok) throw new Error('counterexample does not evaluate');
  expect(valuesEqual(l.value, cx.left)).toBe(true);
  expect(valuesEqual(r.value, cx.right)).toBe(true);
  expect(valuesEqual(l.value, r.value)).toBe(false);
  for (const b of cx.bindings.values()) expect(smallEntries(b, 100n)).toBe(true);
  // Declared symbolic sizes are at least 3 and distinct.
  const sizes = [...cx.sizes.values()];
  expect(sizes.every((s) => s >= 3)).toBe(true);
  expect(new Set(sizes).size).toBe(sizes.length);
}

describe('identity testing: true identities', () => {
  it('transpose, commutativity, associativity and distributivity of ⊙', () => {
    expectEqual('(A ⊙ B)ᵀ', 'Aᵀ ⊙ Bᵀ', 'A, B: m×n');
    expectEqual('A ⊙ B', 'B ⊙ A', 'A, B: m×n');
    expectEqual('(A ⊙ B) ⊙ C', 'A ⊙ (B ⊙ C)', 'A, B, C: m×n');
    expectEqual('A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', 'A, B, C: m×n');
    expectEqual('A ⊙ J', 'A', 'A: m×n');
    expectEqual('A ⊙ 0', '0', 'A: m×n');
    expectEqual('c (A ⊙ B)', '(c A) ⊙ B', 'A, B: m×n; c: scalar');
  });
  it('the seed note and its neighbours', () => {
    expectEqual('D₁ D₂', 'D₁ ⊙ D₂', 'D₁, D₂: n×n diagonal');
    expectEqual('diag(u) ⊙ diag(v)', 'diag(u ⊙ v)', 'u, v: n');
    expectEqual('u ⊙ v', 'diag(u) v', 'u, v: n');
    expectEqual('diag(x) A diag(y)', '(x yᵀ) ⊙ A', 'x: m; y: n; A: m×n');
    expectEqual('xᵀ (A ⊙ B) y', 'tr(diag(x) A diag(y) Bᵀ)', 'x: m; y: n; A, B: m×n');
    expectEqual('(A ⊗ B) ⊙ (C ⊗ D)', '(A ⊙ C) ⊗ (B ⊙ D)', 'A, C: m×n; B, D: p×q');
    expectEqual('I ⊙ A', 'diag(diagvec(A))', 'A: n×n');
  });
  it('undeclared symbols take their shapes from inference', () => {
    expectEqual('A ⊙ B', 'B ⊙ A');
    expectEqual('(A B)ᵀ', 'Bᵀ Aᵀ');
  });
  it('non-polynomial operations: inverses and Hadamard inverses', () => {
    expectEqual('(A B)^-1', 'B^-1 A^-1', 'A, B: n×n');
    expectEqual('A^⊙-1 ⊙ A', 'J', 'A: m×n');
    expectEqual('det(A^-1) det(A)', '1', 'A: n×n');
    expectEqual('(A^-1)ᵀ', '(Aᵀ)^-1', 'A: n×n');
  });
  it('determinant and powers', () => {
    expectEqual('det(A B)', 'det(A) det(B)', 'A, B: n×n');
    expectEqual('A^3', 'A A A', 'A: n×n');
    expectEqual('(A ⊙ A)^⊙2', 'A^⊙4', 'A: m×n');
  });
  it('declared properties are honoured', () => {
    expectEqual('Aᵀ', 'A', 'A: n×n symmetric');
    expectEqual('Pᵀ', 'P', 'P: n×n psd');
    expectEqual('Dᵀ', 'D', 'D: n×n diagonal');
    expectEqual('D ⊙ I', 'D', 'D: n×n diagonal');
    const bin = test('A ⊙ A', 'A', 'A: m×n binary');
    expect(bin.verdict).toBe('equal');
    if (bin.verdict === 'equal') {
      expect(bin.errorBound).toBeLessThan(1e-6);
      expect(bin.explanation).toContain('binary');
    }
  });
  it('entrywise identities with free indices (every index is tried)', () => {
    expectEqual('(A ⊙ B)[i,j]', 'A[i,j] B[i,j]', 'A, B: m×n');
    expectEqual('(A B)[i,j]', 'Σ_k(A[i,k] B[k,j])', 'A: m×n; B: n×p');
  });
  it('constants', () => {
    expectEqual('2 + 2', '4');
    expectEqual('1/2 + 1/3', '5/6');
  });
  it('states the error bound: (degree / p) per trial, compounded', () => {
    const v = test('(A ⊙ B)ᵀ', 'Aᵀ ⊙ Bᵀ', 'A, B: m×n', { trials: 2, sizeSets: 1 });
    if (v.verdict !== 'equal') throw new Error(v.verdict);
    expect(v.degree).toBe(2);
    expect(v.errorBound).toBeCloseTo((2 / Number(v.prime)) ** 2, 50);
    expect(v.explanation).toContain('2305843009213693951');
  });
});

describe('identity testing: false identities give exact counterexamples', () => {
  it('matrix products do not commute', () => expectDifferent('A B', 'B A', 'A, B: n×n'));
  it('D₁ D₂ = D₁ ⊙ D₂ needs diagonal matrices', () => expectDifferent('D₁ D₂', 'D₁ ⊙ D₂', 'D₁, D₂: n×n'));
  it('the inverse of a product reverses the order', () => expectDifferent('(A B)^-1', 'A^-1 B^-1', 'A, B: n×n'));
  it('det is not additive', () => expectDifferent('det(A + B)', 'det(A) + det(B)', 'A, B: n×n'));
  it('the ⊙ of transposes is not the product of transposes', () => expectDifferent('(A ⊙ B)ᵀ', 'Bᵀ Aᵀ', 'A, B: n×n'));
  it('A ⊙ A = A needs a binary A', () => expectDifferent('A ⊙ A', 'A', 'A: m×n'));
  it('Aᵀ = A needs a symmetric A', () => expectDifferent('Aᵀ', 'A', 'A: n×n'));
  it('entrywise: (A B)[i,j] is not A[i,j] B[i,j]', () => {
    expectDifferent('(A B)[i,j]', 'A[i,j] B[i,j]', 'A, B: n×n');
  });
  it('different constants', () => expectDifferent('[[1,2]]', '[[1,3]]'));
  it('sides of different shapes', () => {
    const v = test('A', 'Aᵀ', 'A: m×n');
    expect(v.verdict).toBe('error');
    if (v.verdict === 'error') expect(v.error.code).toBe('shape-mismatch');
  });
});

describe('identity testing: every symbolic size is tried at 1 and 2', () => {
  it('det(J_{n×n}) = 0 is refuted at n = 1 (it holds for every n ≥ 2)', () => {
    const v = test('det(J_{n×n})', '0');
    expect(v.verdict).toBe('different');
    if (v.verdict === 'different') expect(v.counterexample.sizes.get('n')).toBe(1);
  });
  it('an identity true at n = 1, 3, 5, 7 but false at n = 2 is refuted at n = 2', () => {
    const t = 'tr(J_{n×n})';
    const v = test(`(${t} - 1) (${t} - 3) (${t} - 5) (${t} - 7)`, '0');
    expect(v.verdict).toBe('different');
    if (v.verdict === 'different') expect(v.counterexample.sizes.get('n')).toBe(2);
  });
  it('a true identity lists sizes 1 and 2 among those tried and says the bound covers only them', () => {
    const v = test('(A ⊙ B)ᵀ', 'Bᵀ ⊙ Aᵀ', 'A, B: m×n');
    expect(v.verdict).toBe('equal');
    if (v.verdict !== 'equal') return;
    const tried = v.sizes.map((s) => `${s.get('m')},${s.get('n')}`);
    expect(tried).toContain('1,1');
    expect(tried).toContain('2,2');
    expect(v.untestedSizes).toBe(true);
    expect(v.explanation).toMatch(/only the sizes tried/);
  });
});

describe('identity testing: limits', () => {
  it('is deterministic for a seed', () => {
    const a = test('A B', 'B A', 'A, B: n×n', { seed: 5 });
    const b = test('A B', 'B A', 'A, B: n×n', { seed: 5 });
    expect(JSON.stringify(a, (_k, x) => (typeof x === 'bigint' ? String(x) : x instanceof Map ? [...x] : x))).toBe(
      JSON.stringify(b, (_k, x) => (typeof x === 'bigint' ? String(x) : x instanceof Map ? [...x] : x)),
    );
  });
  it('reports unknown when every draw is singular', () => {
    // At n = 1 the draw u uᵀ is invertible, so the size is fixed where it is always singular.
    const v = test('inv(u uᵀ)', 'inv(u uᵀ)', 'u: n', { sizes: { n: 3 } });
    expect(v.verdict).toBe('unknown');
  });
  it('tries the sizes 1 and 2 too: det(J_n) = 0 is false at n = 1', () => {
    const v = test('det(J_{n×n})', '0');
    expect(v.verdict).toBe('different');
    if (v.verdict === 'different') expect(v.counterexample.sizes.get('n')).toBe(1);
    const w = test('A ⊙ B', 'B ⊙ A', 'A, B: m×n');
    expect(w.verdict === 'equal' && w.sizes.map((s) => s.get('m'))).toEqual(expect.arrayContaining([1, 2]));
  });
  it('the exact check of a 3 000-fold product keeps to its share of the time, so the sizes 1 and 2 are still tried (clock advancing 1 ms a read)', () => {
    // Exact entries of A^⊙3000 have thousands of digits: the check ran unbounded after the trials.
    let a: Expr = identifier('A');
    for (let i = 1; i < 3_000; i++) a = hadamard(a, identifier('A'));
    let b: Expr = hadamardPower(identifier('A'), numberLiteral('2'));
    for (let i = 2; i < 3_000; i++) b = hadamard(b, identifier('A'));
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1));
    try {
      const v = identityTest(a, b, givens('A: n×n'), { timeLimitMs: 2000 });
      expect(v.verdict).toBe('equal');
      if (v.verdict !== 'equal') return;
      expect(v.explanation).toMatch(/exact check with small integers was cut short by the time limit/);
      expect(v.sizes.map((s) => s.get('n'))).toEqual(expect.arrayContaining([1, 2]));
    } finally {
      clock.mockRestore();
    }
  });
  it('claims are not identity-tested', () => {
    const v = test('psd(A)', 'psd(A)', 'A: n×n');
    expect(v.verdict).toBe('error');
  });
});

describe('sizes and naturals as numbers', () => {
  it('a scalar named like a size is that size: tr(J_n) = n and det(n I_n) = n^n hold, n A = A does not', () => {
    expectEqual('tr(J_{n×n})', 'n', 'n: natural');
    expectEqual('det(n I_n)', 'n^n', 'n: natural', 1e-300);
    expectDifferent('n A', 'A', 'A: n×n; n: natural');
    const v = test('tr(J_{n×n})', 'n + 1', 'n: natural');
    expect(v.verdict).toBe('different');
    if (v.verdict === 'different') expect(v.counterexample.bindings.has('n')).toBe(false);
  });

  it('a declared natural exponent takes the values 0 to 4 across the size assignments', () => {
    expectEqual('det(A)^k', 'det(A^k)', 'A: n×n; k: natural');
    expectEqual('A^k A', 'A^(k+1)', 'A: n×n; k: natural');
    const v = test('det(A)^k', 'det(A^k)', 'A: n×n; k: natural');
    if (v.verdict === 'equal') expect(v.sizes.map((s) => s.get('k')).sort()).toEqual([0, 1, 2, 3, 4]);
    // tr(A^k) = tr(A)^k holds at k = 1 only: k = 0 gives n against 1, confirmed by evaluation.
    const d = test('tr(A^k)', 'tr(A)^k', 'A: n×n; k: natural');
    expect(d.verdict).toBe('different');
    if (d.verdict !== 'different') return;
    const k = d.counterexample.sizes.get('k');
    expect(k === undefined ? undefined : k !== 1).toBe(true);
    const opts = { dims: d.counterexample.sizes, givens: givens('A: n×n; k: natural') };
    const l = evaluate(parseExpr('tr(A^k)'), d.counterexample.bindings, opts);
    const r = evaluate(parseExpr('tr(A)^k'), d.counterexample.bindings, opts);
    expect(l.ok && r.ok && !valuesEqual(l.value, r.value)).toBe(true);
  });
});

describe('identity testing: the light cross-check (one generic size, exact only on a difference)', () => {
  const light: IdentityTestOptions = { trials: 1, sizeSets: 1, smallSizes: false, exactTrials: 0 };

  it('tries one size assignment, every symbolic size ≥ 3', () => {
    const v = test('A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', 'A, B, C: m×n', light);
    if (v.verdict !== 'equal') throw new Error(JSON.stringify(v.verdict));
    expect(v.sizes).toHaveLength(1);
    expect([...(v.sizes[0] ?? new Map()).values()].every((n) => n >= 3)).toBe(true);
    expect(v.trials).toBe(1);
    const full = test('A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', 'A, B, C: m×n', { trials: 1, sizeSets: 1 });
    if (full.verdict !== 'equal') throw new Error(JSON.stringify(full.verdict));
    expect(full.sizes.map((s) => s.get('m'))).toEqual(expect.arrayContaining([1, 2]));
  });

  it('a false step is still refuted with an exact counterexample that re-evaluates to the reported sides', () => {
    for (const [left, right] of [['A ⊙ B', 'A B'], ['(A B)ᵀ', 'Aᵀ Bᵀ'], ['A ⊙ (B + C)', 'A ⊙ B + C']]) {
      const v = test(left as string, right as string, 'A, B, C: n×n', light);
      if (v.verdict !== 'different') throw new Error(`${left} = ${right}: ${v.verdict}`);
      const cx = v.counterexample;
      const opts = { indices: cx.indices, dims: cx.sizes, givens: givens('A, B, C: n×n') };
      const l = evaluate(parseExpr(left as string), cx.bindings, opts);
      const r = evaluate(parseExpr(right as string), cx.bindings, opts);
      if (!l.ok || !r.ok) throw new Error('the counterexample does not evaluate');
      expect(valuesEqual(l.value, v.counterexample.left)).toBe(true);
      expect(valuesEqual(r.value, v.counterexample.right)).toBe(true);
      expect(valuesEqual(l.value, r.value)).toBe(false);
    }
  });
});
