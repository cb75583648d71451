import { Budget, LimitReached, formatError, givensFrom, printSexpr, withBudget } from '@odot/core';
import type { Givens } from '@odot/core';
import { describe, expect, test } from 'vitest';
import type { Dialect } from './dialect.ts';
import { parse, parseDeclarations } from './index.ts';

// The dialect gaps of issue 14 and the parse budget of issue 15.

function givens(text: string): Givens {
  const d = parseDeclarations(text);
  if (!d.ok) throw new Error(d.error.message);
  return givensFrom(d.value);
}

function sexpr(text: string, dialect: Dialect, g?: Givens): string {
  const r = parse(text, { dialect, ...(g ? { givens: g } : {}) });
  if (!r.ok) throw new Error(formatError(r.error, text));
  return printSexpr(r.value.expr);
}

describe('entries written as subscripts', () => {
  test('LaTeX `X_{11}` of a declared matrix X is its entry; `X_{ij}` too', () => {
    const g = givens('X, Y: 2×2');
    expect(sexpr('X_{11}', 'latex', g)).toBe('(entry X 1 1)');
    expect(sexpr('X_{21} - X_{12}', 'latex', g)).toBe('(sub (entry X 2 1) (entry X 1 2))');
    expect(sexpr('X_{ij}', 'latex', g)).toBe('(entry X i j)');
  });

  test('without the declaration, or when `X₁₁` itself is declared, `X_{11}` stays a name (the fixtures’ `D_{12}`)', () => {
    expect(sexpr('X_{11}', 'latex')).toBe('X₁₁');
    expect(sexpr('D_{12}', 'latex', givens('X: 2×2'))).toBe('D₁₂');
    expect(sexpr('X_{11}', 'latex', givens('X: 2×2; X₁₁: scalar'))).toBe('X₁₁');
    expect(sexpr('u_{12}', 'latex', givens('u: scalar'))).toBe('u₁₂');
  });

  test('`(X Y)_{12}` is the entry (1, 2) of the product, in LaTeX and plain', () => {
    expect(sexpr('(X Y)_{12}', 'latex')).toBe('(entry (matmul X Y) 1 2)');
    expect(sexpr('(X Y)_{12}', 'plain')).toBe('(entry (matmul X Y) 1 2)');
    expect(sexpr('(X Y)_{i,j}', 'latex')).toBe('(entry (matmul X Y) i j)');
  });
});

describe('numpy np.diag by shape', () => {
  test('of a matrix it is the diagonal (diagvec), of a vector the diagonal matrix (diag)', () => {
    const g = givens('A: 3×3; v: 3; B: n×n; u: n');
    expect(sexpr('np.diag(A)', 'numpy', g)).toBe('(diagvec A)');
    expect(sexpr('np.diag(B @ B)', 'numpy', g)).toBe('(diagvec (matmul B B))');
    expect(sexpr('np.diag(v)', 'numpy', g)).toBe('(diag v)');
    expect(sexpr('np.diag(u)', 'numpy', g)).toBe('(diag u)');
    // np.diag(np.diag(A)): the diagonal of A made a diagonal matrix again, as NumPy does.
    expect(sexpr('np.diag(np.diag(A))', 'numpy', g)).toBe('(diag (diagvec A))');
  });

  test('of an argument of unknown shape, and in other dialects, diag stays diag', () => {
    expect(sexpr('np.diag(A)', 'numpy')).toBe('(diag A)');
    expect(sexpr('np.diag(C)', 'numpy', givens('A: 3×3'))).toBe('(diag C)');
    expect(sexpr('diag(A)', 'plain', givens('A: 3×3'))).toBe('(diag A)');
  });
});

describe('an undeclared size used as a value', () => {
  test('`A ⊙ n` with `A: n×n` says that n is undeclared, with a caret under n', () => {
    const r = parse('A ⊙ n', { givens: givens('A: n×n') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('undeclared');
    expect(r.error.message).toBe('`n` is not declared: it is a size in the declarations, not a matrix or a scalar');
    expect(formatError(r.error, 'A ⊙ n')).toContain(['1 | A ⊙ n', '  |     ^'].join('\n'));
    expect(r.error.hints?.[0]).toContain('`n: scalar`');
  });

  test('declared, or used as an index, an exponent or a summation index, n is fine', () => {
    expect(sexpr('A ⊙ n', 'plain', givens('A: n×n; n: scalar'))).toBe('(hadamard A n)');
    expect(sexpr('A[n, 1] + A^⊙n', 'plain', givens('A: n×n'))).toBe('(add (entry A n 1) (hpow A n))');
    expect(sexpr('Σ_n(A[n, n])', 'plain', givens('A: n×n'))).toBe('(sum n (entry A n n))');
    expect(sexpr('A ⊙ B', 'plain', givens('A: n×n'))).toBe('(hadamard A B)');
  });
});

describe('parsing within a budget', () => {
  const big = Array.from({ length: 70_000 }, (_, i) => `A${i} ⊙ B${i}`).join(' + ');

  test('a 1 MB input past its time limit stops with a `limit` error naming the limit', () => {
    const r = parse(big, { timeLimitMs: 5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.error.code, r.error.limit]).toEqual(['limit', { kind: 'time', value: 5 }]);
    expect(r.error.message).toContain('time: limit of 5 ms');
  });

  test('inside an enclosing budget, the parse counts against it and stops with its LimitReached', () => {
    const outer = new Budget({ timeLimitMs: 5 });
    let caught: unknown;
    try {
      withBudget(outer, () => parse(big));
    } catch (error) {
      caught = error;
    }
    expect(caught instanceof LimitReached && caught.budget === outer).toBe(true);
  });

  test('a budget that runs out at any token stops the parse with its LimitReached, never a syntax error', () => {
    // A budget that stops after `k` ticks, for every k up to the parse's own count: the stop may
    // come while lexing, while the token stream hands nearley a token, or between the two.
    class StopAfter extends Budget {
      count = 0;
      constructor(readonly k: number) {
        super({});
      }
      override tick(): void {
        if (++this.count > this.k) throw new LimitReached({ kind: 'steps', value: this.k }, this);
      }
    }
    const text = '(A ⊙ B)ᵀ + [1 2; 3 4] C - tr(D)';
    const counter = new StopAfter(Infinity);
    withBudget(counter, () => parse(text));
    expect(counter.count).toBeGreaterThan(20);
    for (let k = 0; k < counter.count; k++) {
      const budget = new StopAfter(k);
      let caught: unknown;
      try {
        withBudget(budget, () => parse(text));
      } catch (error) {
        caught = error;
      }
      expect(caught instanceof LimitReached && caught.budget === budget, `stopped after ${k} ticks`).toBe(true);
    }
  });

  test('a small input well within its limit parses as usual', () => {
    const r = parse('A ⊙ B', { timeLimitMs: 60_000 });
    expect(r.ok && printSexpr(r.value.expr)).toBe('(hadamard A B)');
  });
});
