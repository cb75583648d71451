import { givensFrom, inferShape, printDeclaration, printSexpr } from '@odot/core';
import { describe, expect, test } from 'vitest';
import { parseDeclarations, parseExpr } from './index.ts';

const np = (text: string): string => printSexpr(parseExpr(text, 'numpy'));

describe('NumPy dialect gaps', () => {
  test('`*` between scalars is the scalar product (det, trace, entries), between matrices the Hadamard product', () => {
    expect(np('np.linalg.det(A) * np.linalg.det(B)')).toBe(printSexpr(parseExpr('det(A) det(B)')));
    expect(np('np.trace(A) * np.trace(B)')).toBe(printSexpr(parseExpr('tr(A) tr(B)')));
    expect(np('A[0,0] * B[0,0] * C[1,1]')).toBe(printSexpr(parseExpr('A[1,1] B[1,1] C[2,2]')));
    expect(np('A * B')).toBe('(hadamard A B)');
    const decls = parseDeclarations('A, B: 2×3');
    if (!decls.ok) throw new Error(decls.error.message);
    const givens = givensFrom(decls.value);
    expect(inferShape(parseExpr('np.trace(A @ B.T) * np.trace(A @ B.T)', 'numpy'), givens)).toEqual({ ok: true, value: { kind: 'scalar' } });
  });

  test('np.multiply, np.matmul, np.dot, np.transpose, and 1-D np.ones(n)', () => {
    expect(np('np.multiply(A, B)')).toBe('(hadamard A B)');
    expect(np('np.matmul(A, B)')).toBe(printSexpr(parseExpr('A B')));
    expect(np('np.dot(A, B)')).toBe(printSexpr(parseExpr('A B')));
    expect(np('np.transpose(A)')).toBe(printSexpr(parseExpr('Aᵀ')));
    expect(np('np.ones(n)')).toBe(printSexpr(parseExpr('J_{n×1}')));
    expect(() => parseExpr('np.multiply(A)', 'numpy')).toThrow(/takes 2 arguments/);
  });
});

describe('the ones vector', () => {
  test('`𝟏`, `1_n`, `𝟏_n`, LaTeX `\\mathbf{1}` and `\\mathbb{1}` are the all-ones column vector', () => {
    expect(printSexpr(parseExpr('1_n'))).toBe('(J n 1)');
    expect(printSexpr(parseExpr('1_{n}'))).toBe('(J n 1)');
    expect(printSexpr(parseExpr('𝟏_n'))).toBe('(J n 1)');
    expect(printSexpr(parseExpr('\\mathbf{1}_n', 'latex'))).toBe('(J n 1)');
    expect(printSexpr(parseExpr('\\mathbb{1}', 'latex'))).toBe(printSexpr(parseExpr('𝟏')));
    expect(printSexpr(parseExpr('1'))).toBe('1');
    expect(() => parseExpr('1_{m×n}')).toThrow(/one size/);
  });

  test('its length comes from the context: 𝟏ᵀ (A ⊙ B) 𝟏 is a scalar (1×1)', () => {
    const decls = parseDeclarations('A, B: m×n');
    if (!decls.ok) throw new Error(decls.error.message);
    const shape = inferShape(parseExpr('𝟏ᵀ(A ⊙ B)𝟏'), givensFrom(decls.value));
    expect(shape).toEqual({ ok: true, value: { kind: 'matrix', rows: 1, cols: 1 } });
  });
});

describe('natural and integer scalars', () => {
  test('`k: natural` and `k: integer` declare scalars with a domain (not a vector of size "integer")', () => {
    const d = parseDeclarations('k: natural; j: integer; c: scalar');
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.map((x) => [x.shape.kind, x.domain])).toEqual([
      ['scalar', 'natural'],
      ['scalar', 'integer'],
      ['scalar', undefined],
    ]);
    expect(givensFrom(d.value).get('k')?.domain).toBe('natural');
    expect(printDeclaration(d.value[0] as (typeof d.value)[number])).toBe('k: natural');
  });
});
