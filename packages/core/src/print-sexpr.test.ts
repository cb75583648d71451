import { describe, expect, it } from 'vitest';
import {
  claim,
  entry,
  equal,
  hadamard,
  identifier,
  identity,
  kronecker,
  matMul,
  matrixLiteral,
  numberLiteral,
  ones,
  scalarMul,
  sum,
  transpose,
  zero,
} from './build.ts';
import type { Declaration } from './declaration.ts';
import type { Expr } from './expr.ts';
import { PRINT_FORMATS, printExpr } from './print-expr.ts';
import { printDeclaration } from './print-declaration.ts';
import { printSexpr } from './print-sexpr.ts';
import { SCALAR, matrixShape } from './shape.ts';
import { toJson } from './to-json.ts';

const A = identifier('A');
const B = identifier('B');
const C = identifier('C');
const span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 6, offset: 5 } };

describe('printSexpr', () => {
  it('prints products with their grouping', () => {
    expect(printSexpr(hadamard(A, B))).toMatchInlineSnapshot(`"(hadamard A B)"`);
    expect(printSexpr(matMul(A, hadamard(B, C)))).toMatchInlineSnapshot(`"(matmul A (hadamard B C))"`);
    expect(printSexpr(kronecker(matMul(A, B), C))).toMatchInlineSnapshot(`"(kron (matmul A B) C)"`);
  });

  it('prints constants, literals and statements', () => {
    expect(printSexpr(hadamard(ones(), zero('m', 'n')))).toMatchInlineSnapshot(`"(hadamard J (O m n))"`);
    expect(printSexpr(matMul(identity('n'), scalarMul(numberLiteral('1/2'), transpose(A))))).toMatchInlineSnapshot(
      `"(matmul (I n) (smul 1/2 (transpose A)))"`,
    );
    expect(
      printSexpr(
        matrixLiteral([
          [numberLiteral('1'), numberLiteral('2'), numberLiteral('3')],
          [numberLiteral('4'), numberLiteral('5'), numberLiteral('6')],
        ]),
      ),
    ).toMatchInlineSnapshot(`"(matrix (1 2 3) (4 5 6))"`);
    const i = identifier('i');
    const j = identifier('j');
    const k = identifier('k');
    expect(
      printSexpr(equal(entry(matMul(A, B), i, j), sum('k', matMul(entry(A, i, k), entry(B, k, j))))),
    ).toMatchInlineSnapshot(`"(= (entry (matmul A B) i j) (sum k (matmul (entry A i k) (entry B k j))))"`);
    expect(printSexpr(claim('psd', hadamard(identifier('P'), identifier('Q'))))).toMatchInlineSnapshot(
      `"(psd (hadamard P Q))"`,
    );
  });

  it('prints a 100 000-deep left chain', () => {
    let e: Expr = A;
    for (let n = 0; n < 100_000; n++) e = matMul(e, B);
    expect(printSexpr(e).length).toBeGreaterThan(1_000_000);
  });
});

describe('toJson and printExpr', () => {
  it('leaves spans out unless asked', () => {
    const e = hadamard(identifier('A', span), B, span);
    expect(toJson(e, { indent: 0 })).toBe(
      '{"type":"Hadamard","left":{"type":"Identifier","name":"A"},"right":{"type":"Identifier","name":"B"}}',
    );
    expect(JSON.parse(toJson(e, { spans: true }))).toEqual(e);
  });

  it('dispatches on the format', () => {
    const e = matMul(A, hadamard(B, C));
    expect(PRINT_FORMATS.map((f) => printExpr(e, f).split('\n')[0])).toEqual([
      'A (B ⊙ C)',
      'A @ (B .* C)',
      'A (B \\odot C)',
      '(matmul A (hadamard B C))',
      '{',
    ]);
    expect(printExpr(e)).toBe('A (B ⊙ C)');
  });
});

describe('printDeclaration', () => {
  it('prints names, shape and properties', () => {
    const d: Declaration = { names: ['A', 'B'], shape: matrixShape(2, 3), properties: [] };
    expect(printDeclaration(d)).toBe('A, B: 2×3');
    expect(printDeclaration({ names: ['D'], shape: matrixShape('n', 'n'), properties: ['diagonal', 'psd'] })).toBe(
      'D: n×n diagonal psd',
    );
    expect(printDeclaration({ names: ['c'], shape: SCALAR, properties: [] })).toBe('c: scalar');
  });
});
