import { describe, expect, it } from 'vitest';
import {
  add,
  claim,
  det,
  diag,
  diagVec,
  entry,
  equal,
  hadamard,
  hadamardPower,
  identifier,
  identity,
  inverse,
  kronecker,
  matMul,
  matrixLiteral,
  matrixPower,
  neg,
  notEqual,
  numberLiteral,
  ones,
  scalarMul,
  sub,
  sum,
  trace,
  transpose,
  zero,
} from './build.ts';
import type { Expr } from './expr.ts';
import { printAscii, printLatex, printPlain } from './print-text.ts';

const A = identifier('A');
const B = identifier('B');
const C = identifier('C');
const i = identifier('i');
const j = identifier('j');
const k = identifier('k');
const num = (t: string): Expr => numberLiteral(t);

describe('printPlain', () => {
  const cases: [Expr, string][] = [
    [hadamard(A, B), 'A ⊙ B'],
    [matMul(A, B), 'A B'],
    [kronecker(A, B), 'A ⊗ B'],
    [matMul(A, hadamard(B, C)), 'A (B ⊙ C)'],
    [hadamard(matMul(A, B), C), 'A B ⊙ C'],
    [hadamard(A, matMul(B, C)), 'A ⊙ (B C)'],
    [kronecker(A, kronecker(B, C)), 'A ⊗ (B ⊗ C)'],
    [kronecker(kronecker(A, B), C), 'A ⊗ B ⊗ C'],
    [add(A, add(B, C)), 'A + (B + C)'],
    [sub(sub(A, B), C), 'A - B - C'],
    [sub(A, sub(B, C)), 'A - (B - C)'],
    [add(hadamard(A, B), matMul(A, C)), 'A ⊙ B + A C'],
    [hadamard(add(A, B), C), '(A + B) ⊙ C'],
    [neg(hadamard(A, B)), '-(A ⊙ B)'],
    [hadamard(neg(A), B), '-A ⊙ B'],
    [hadamard(A, neg(B)), 'A ⊙ (-B)'],
    [matMul(A, neg(B)), 'A (-B)'],
    [sub(A, neg(B)), 'A - (-B)'],
    [neg(neg(A)), '-(-A)'],
    [scalarMul(num('2'), A), '2A'],
    [scalarMul(num('2'), transpose(A)), '2Aᵀ'],
    [scalarMul(num('1/2'), A), '1/2 A'],
    [scalarMul(num('0.25'), hadamard(A, B)), '0.25 (A ⊙ B)'],
    [matMul(scalarMul(num('2'), A), B), '2A B'],
    [matMul(A, scalarMul(num('2'), B)), 'A (2B)'],
    [matMul(num('2'), A), '(2) A'],
    [matMul(A, num('2')), 'A (2)'],
    [matMul(zero(), A), '(0) A'],
    [matMul(hadamard(A, num('1')), B), 'A ⊙ (1) B'],
    [matMul(neg(num('2')), A), '(-2) A'],
    [matMul(transpose(zero()), A), '(0ᵀ) A'],
    [scalarMul(num('2'), transpose(zero())), '2 (0ᵀ)'],
    [matMul(matMul(A, num('2')), B), 'A (2) B'],
    [scalarMul(identifier('c'), A), 'c A'],
    [hadamard(A, scalarMul(identifier('c'), B)), 'A ⊙ (c B)'],
    [transpose(A), 'Aᵀ'],
    [transpose(hadamard(A, B)), '(A ⊙ B)ᵀ'],
    [transpose(neg(A)), '(-A)ᵀ'],
    [transpose(transpose(A)), 'Aᵀᵀ'],
    [transpose(inverse(A)), 'A⁻¹ᵀ'],
    [inverse(A), 'A⁻¹'],
    [hadamardPower(A, num('2')), 'A^⊙2'],
    [hadamardPower(A, num('1/2')), 'A^⊙(1/2)'],
    [hadamardPower(transpose(A), num('2')), '(Aᵀ)^⊙2'],
    [transpose(matrixPower(A, num('2'))), '(A^2)ᵀ'],
    [matrixPower(A, identifier('k')), 'A^k'],
    [matrixPower(A, neg(num('2'))), 'A^(-2)'],
    [ones(), 'J'],
    [ones('m', 'n'), 'J_{m×n}'],
    [ones(2, 3), 'J_{2×3}'],
    [zero(), '0'],
    [zero('m', 'n'), 'O_{m×n}'],
    [identity(), 'I'],
    [identity('n'), 'I_n'],
    [identity(10), 'I_{10}'],
    [diag(identifier('v')), 'diag(v)'],
    [diagVec(hadamard(A, B)), 'diagvec(A ⊙ B)'],
    [trace(matMul(A, B)), 'tr(A B)'],
    [det(A), 'det(A)'],
    [entry(A, i, j), 'A[i,j]'],
    [entry(matMul(A, B), i, j), '(A B)[i,j]'],
    [entry(transpose(A), i, j), '(Aᵀ)[i,j]'],
    [sum('k', matMul(entry(A, i, k), entry(B, k, j))), 'Σ_k(A[i,k] B[k,j])'],
    [
      matrixLiteral([
        [num('1'), num('2')],
        [num('3'), num('4')],
      ]),
      '[[1,2],[3,4]]',
    ],
    [matMul(A, matrixLiteral([[num('1')]])), 'A ([[1]])'],
    [equal(transpose(hadamard(A, B)), hadamard(transpose(A), transpose(B))), '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ'],
    [notEqual(matMul(A, B), matMul(B, A)), 'A B ≠ B A'],
    [claim('psd', hadamard(identifier('P'), identifier('Q'))), 'P ⊙ Q ⪰ 0'],
    [claim('pd', identifier('X')), 'X ≻ 0'],
    [claim('diagonal', identifier('D₁')), 'diagonal(D₁)'],
    [claim('symmetric', identifier('D_1')), 'symmetric(D_1)'],
    [hadamard(claim('psd', A), B), 'psd(A) ⊙ B'], // below the root a claim takes its call form (issue 15)
    [equal(equal(A, B), C), '(A = B) = C'],
  ];
  it.each(cases)('%# prints as %s', (expr, text) => {
    expect(printPlain(expr)).toBe(text);
  });

  it('prints a 100 000-term chain without overflowing the stack', () => {
    let e: Expr = A;
    for (let n = 0; n < 100_000; n++) e = hadamard(e, n % 2 === 0 ? B : matMul(A, B));
    const text = printPlain(e);
    expect(text.startsWith('A ⊙ B ⊙ (A B) ⊙ B')).toBe(true);
    expect(text.length).toBeGreaterThan(500_000);
  });
});

describe('printAscii', () => {
  const cases: [Expr, string][] = [
    [hadamard(A, B), 'A .* B'],
    [matMul(A, hadamard(B, C)), 'A @ (B .* C)'],
    [matMul(num('2'), A), '2 @ A'],
    [kronecker(A, matMul(B, C)), 'kron(A, B @ C)'],
    [hadamard(kronecker(A, B), C), 'kron(A, B) .* C'],
    [transpose(hadamard(A, B)), "(A .* B)'"],
    [transpose(transpose(A)), "(A')'"],
    [hadamardPower(A, num('2')), 'A.^2'],
    [matrixPower(A, num('3')), 'A^3'],
    [inverse(A), 'A^-1'],
    [ones('m', 'n'), 'J_{m x n}'],
    [zero(2, 3), 'O_{2 x 3}'],
    [identity('n'), 'I_n'],
    [notEqual(A, B), 'A != B'],
    [claim('psd', add(A, B)), 'psd(A + B)'],
    [claim('pd', A), 'pd(A)'],
    [identifier('D₁₂'), 'D₁₂'],
    [identifier('D_1'), 'D_1'],
    [sum('k', entry(A, k, k)), 'sum_k(A[k,k])'],
  ];
  it.each(cases)('%# prints as %s', (expr, text) => {
    expect(printAscii(expr)).toBe(text);
  });

  it('is pure ASCII for ASCII names', () => {
    const e = equal(transpose(hadamard(kronecker(A, B), claim('psd', C))), notEqual(inverse(A), hadamardPower(B, num('2'))));
    expect(printAscii(e)).toMatch(/^[\x20-\x7e]*$/);
  });
});

describe('printLatex', () => {
  const cases: [Expr, string][] = [
    [hadamard(A, B), 'A \\odot B'],
    [matMul(A, hadamard(B, C)), 'A (B \\odot C)'],
    [kronecker(A, B), 'A \\otimes B'],
    [transpose(A), 'A^\\top'],
    [transpose(transpose(A)), '(A^\\top)^\\top'],
    [hadamardPower(A, num('2')), 'A^{\\circ 2}'],
    [matrixPower(A, num('2')), 'A^{2}'],
    [inverse(A), 'A^{-1}'],
    [scalarMul(num('1/2'), A), '\\frac{1}{2} A'],
    [scalarMul(num('2'), A), '2 A'],
    [diag(identifier('v')), '\\operatorname{diag}(v)'],
    [diagVec(A), '\\operatorname{diagvec}(A)'],
    [trace(A), '\\operatorname{tr}(A)'],
    [det(A), '\\det(A)'],
    [ones(), '\\mathbf{J}'],
    [ones('m', 'n'), '\\mathbf{J}_{m \\times n}'],
    [zero(), '\\mathbf{0}'],
    [identity(), 'I'],
    [identity('n'), 'I_{n}'],
    [entry(A, i, j), 'A_{i,j}'],
    [entry(identifier('D₁'), i, j), '(D_{1})_{i,j}'],
    [sum('k', entry(A, k, k)), '\\sum_{k} (A_{k,k})'],
    [
      matrixLiteral([
        [num('1'), num('2')],
        [num('3'), num('4')],
      ]),
      '\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}',
    ],
    [notEqual(A, B), 'A \\neq B'],
    [claim('psd', identifier('X')), 'X \\succeq 0'],
    [claim('pd', identifier('X')), 'X \\succ 0'],
    [identifier('λ'), '\\lambda'],
    [identifier('AB'), '\\mathrm{AB}'],
  ];
  it.each(cases)('%# prints as %s', (expr, text) => {
    expect(printLatex(expr)).toBe(text);
  });
});
