import { fc, test } from '@fast-check/vitest';
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
  numberLiteral,
  ones,
  scalarMul,
  sub,
  sum,
  trace,
  transpose,
  zero,
} from './build.ts';
import { givensFrom, type Givens } from './declaration.ts';
import type { Expr } from './expr.ts';
import { inferShape, inferShapes } from './infer-shape.ts';
import { SCALAR, type Shape, formatShape, matrixShape } from './shape.ts';
import { walkExpr } from './walk-expr.ts';

const id = identifier;
const num = (t: string): Expr => numberLiteral(t);
const A = id('A');
const B = id('B');

function givens(...lines: [string[], Shape][]): Givens {
  return givensFrom(lines.map(([names, shape]) => ({ names, shape, properties: [] })));
}

const seed = givens([['A', 'B'], matrixShape(2, 3)]);
const sym = givens(
  [['A', 'B'], matrixShape('m', 'n')],
  [['S'], matrixShape('n', 'n')],
  [['K'], matrixShape('p', 'q')],
  [['u', 'v'], matrixShape('n', 1)],
  [['c'], SCALAR],
);

function shapeText(e: Expr, g: Givens = sym): string {
  const r = inferShape(e, g);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return formatShape(r.value);
}

function errorOf(e: Expr, g: Givens = sym) {
  const r = inferShape(e, g);
  if (r.ok) throw new Error(`expected an error, got ${formatShape(r.value)}`);
  return r.error;
}

describe('the seed example', () => {
  it('A ⊙ B is 2×3', () => {
    expect(shapeText(hadamard(A, B), seed)).toBe('2×3');
  });

  it('A B is a shape error naming 2×3 and 2×3 and the inner dimensions', () => {
    const span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } };
    const r = inferShape(matMul(A, B, span), seed);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'shape-mismatch',
        severity: 'error',
        message: 'A B: cannot multiply 2×3 by 2×3: inner dimensions 3 and 2 differ',
        span,
        hints: ['left: A is 2×3 (declared)', 'right: B is 2×3 (declared)'],
      },
    });
  });

  it('A Bᵀ is 2×2 and Aᵀ B is 3×3', () => {
    expect(shapeText(matMul(A, transpose(B)), seed)).toBe('2×2');
    expect(shapeText(matMul(transpose(A), B), seed)).toBe('3×3');
  });
});

describe('mismatches', () => {
  it('name both shapes with the operator node span', () => {
    const g = givens([['A'], matrixShape(2, 3)], [['B'], matrixShape(3, 2)]);
    const span = { start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 8, offset: 7 } };
    const e = errorOf(hadamard(A, B, span), g);
    expect(e.code).toBe('shape-mismatch');
    expect(e.message).toBe('A ⊙ B: left is 2×3, right is 3×2');
    expect(e.span).toEqual(span);
    expect(errorOf(add(A, B), g).message).toBe('A + B: left is 2×3, right is 3×2');
    expect(errorOf(sub(A, B), g).message).toBe('A - B: left is 2×3, right is 3×2');
    expect(errorOf(equal(A, B), g).message).toBe('A = B: left is 2×3, right is 3×2');
  });

  it('never broadcast a scalar in ⊙ or +', () => {
    expect(errorOf(hadamard(id('c'), A)).message).toBe('c ⊙ A: left is scalar, right is m×n');
    expect(errorOf(add(A, num('1'))).message).toBe('A + 1: left is m×n, right is scalar');
  });

  it('identify a known 1×1 matrix with a scalar in =, + and −, but not under ⊙', () => {
    const g = givensFrom([
      { names: ['A', 'B'], shape: matrixShape('m', 'n'), properties: [] },
      { names: ['x'], shape: matrixShape('m', 1), properties: [] },
      { names: ['y'], shape: matrixShape('n', 1), properties: [] },
    ]);
    const bilinear = matMul(matMul(transpose(id('x')), hadamard(id('A'), id('B'))), id('y'));
    expect(shapeText(bilinear, g)).toBe('1×1');
    expect(shapeText(add(bilinear, trace(matMul(transpose(id('A')), id('B')))), g)).toBe('scalar');
    expect(errorOf(hadamard(bilinear, trace(matMul(transpose(id('A')), id('B')))), g).message).toMatch(/left is 1×1, right is scalar/);
  });

  it('take ⊙ of matrices only: scalar sides are an error, bare zeros become matrices', () => {
    expect(errorOf(hadamard(trace(id('S')), trace(id('S')))).message).toBe('tr(S) ⊙ tr(S): left is scalar, right is scalar');
    expect(shapeText(hadamard(zero(), zero()))).toMatch(/^\?\d+×\?\d+$/);
  });

  it('tell symbolic dimensions apart', () => {
    expect(errorOf(hadamard(A, transpose(B))).message).toBe('A ⊙ Bᵀ: left is m×n, right is n×m');
    expect(errorOf(matMul(A, B)).message).toBe('A B: cannot multiply m×n by m×n: inner dimensions n and m differ');
  });

  it('report sized constants that do not fit', () => {
    expect(errorOf(hadamard(A, ones(2, 3))).message).toBe('A ⊙ J_{2×3}: left is m×n, right is 2×3');
    expect(errorOf(add(A, identity('n'))).message).toBe('A + I_n: left is m×n, right is n×n');
  });
});

describe('context-sized constants', () => {
  it('J, 0 and I take their size from the other side', () => {
    expect(shapeText(hadamard(A, ones()))).toBe('m×n');
    expect(shapeText(add(zero(), A))).toBe('m×n');
    expect(shapeText(matMul(identity(), A))).toBe('m×n');
    expect(shapeText(matMul(A, identity()))).toBe('m×n');
    expect(shapeText(hadamard(ones(2, 3), ones()))).toBe('2×3');
  });

  it('an unsized I is square, so it fixes both dimensions', () => {
    expect(shapeText(add(identity(), S()))).toBe('n×n');
    expect(errorOf(add(identity(), A)).message).toBe('I + A: left is ?1×?1, right is m×n');
  });

  it('0 may be a scalar', () => {
    expect(shapeText(add(id('c'), zero()))).toBe('scalar');
    expect(shapeText(zero())).toBe('scalar');
    expect(shapeText(zero('m', 'n'))).toBe('m×n');
    expect(shapeText(matMul(zero(), A))).toBe('?2×n');
  });

  it('shapeOf gives every node its resolved shape', () => {
    const j = ones();
    const z = zero();
    const e = add(hadamard(A, j), z);
    const r = inferShapes(e, sym);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(formatShape(r.value.shapeOf(j))).toBe('m×n');
    expect(formatShape(r.value.shapeOf(z))).toBe('m×n');
    expect(formatShape(r.value.shape)).toBe('m×n');
    expect(() => r.value.shapeOf(id('Z'))).toThrow(/not part of this tree/);
  });

  it('kindOf tells a bare 0 nothing decided (open) from a scalar', () => {
    const z = zero();
    const alone = inferShapes(z, sym);
    expect(alone.ok && alone.value.kindOf(z)).toBe('open');
    expect(alone.ok && formatShape(alone.value.shapeOf(z))).toBe('scalar');
    const z2 = zero();
    const beside = inferShapes(add(id('c'), z2), sym);
    expect(beside.ok && beside.value.kindOf(z2)).toBe('scalar');
    const z3 = zero();
    const inSum = inferShapes(add(A, z3), sym);
    expect(inSum.ok && inSum.value.kindOf(z3)).toBe('matrix');
    // The fast path (every shape known) answers too.
    const known = inferShapes(A, sym);
    expect(known.ok && known.value.kindOf(A)).toBe('matrix');
  });
});

function S(): Expr {
  return id('S');
}

describe('operator rules', () => {
  it('matrix product with a scalar side is a scalar multiple', () => {
    expect(shapeText(matMul(id('c'), A))).toBe('m×n');
    expect(shapeText(matMul(A, id('c')))).toBe('m×n');
    expect(shapeText(matMul(id('c'), id('c')))).toBe('scalar');
  });

  it('Kronecker multiplies dimensions, with symbolic products written m·p', () => {
    expect(shapeText(kronecker(A, id('K')))).toBe('m·p×n·q');
    const g = givens([['X'], matrixShape(2, 3)], [['Y'], matrixShape(4, 5)]);
    expect(shapeText(kronecker(id('X'), id('Y')), g)).toBe('8×15');
    expect(shapeText(hadamard(kronecker(id('X'), id('Y')), ones()), g)).toBe('8×15');
    expect(shapeText(hadamard(kronecker(A, id('K')), kronecker(B, id('K'))))).toBe('m·p×n·q');
    expect(errorOf(kronecker(id('c'), A)).message).toMatch(/^c ⊗ A: the Kronecker product needs matrices/);
  });

  it('Kronecker products with unknown factors are solved from numbers when they can be', () => {
    const g = givens([['X'], matrixShape(2, 3)]);
    const row = matrixLiteral([[num('1'), num('2'), num('3'), num('4'), num('5'), num('6')]]);
    // (2×3) ⊗ Y = 2·?×3·? must equal 1×6: impossible for the rows (2 does not divide 1).
    expect(errorOf(hadamard(kronecker(id('X'), id('Y')), row), g).code).toBe('shape-mismatch');
    const col = matrixLiteral([[num('1'), num('2'), num('3')], [num('4'), num('5'), num('6')]]);
    const Y = id('Y');
    const r = inferShapes(hadamard(kronecker(id('X'), Y), col), g);
    expect(r.ok && formatShape(r.value.shapeOf(Y))).toBe('1×1');
    expect(r.ok && formatShape(r.value.shape)).toBe('2×3');
  });

  it('symbolic Kronecker factors: n·?1 = n solves ?1 = 1, m·?1 = n is a clash', () => {
    const X = id('X');
    const r = inferShapes(hadamard(kronecker(A, X), B), sym);
    expect(r.ok && formatShape(r.value.shapeOf(X))).toBe('1×1');
    const Y = id('Y');
    const r2 = inferShapes(hadamard(kronecker(Y, id('K')), kronecker(A, id('K'))), sym);
    expect(r2.ok && formatShape(r2.value.shapeOf(Y))).toBe('m×n');
    expect(errorOf(hadamard(kronecker(A, X), S())).message).toBe('A ⊗ X ⊙ S: left is m·?1×n·?2, right is n×n');
    expect(shapeText(matMul(kronecker(X, id('Z')), kronecker(id('Z'), X)), new Map())).toMatch(/\?/);
  });

  it('transpose, negation and scalar multiples', () => {
    expect(shapeText(transpose(A))).toBe('n×m');
    expect(shapeText(neg(transpose(A)))).toBe('n×m');
    expect(shapeText(scalarMul(num('2'), A))).toBe('m×n');
    expect(shapeText(scalarMul(id('c'), A))).toBe('m×n');
    expect(errorOf(scalarMul(A, B)).message).toBe('A B: the scalar factor must be a scalar, got m×n');
  });

  it('powers', () => {
    expect(shapeText(hadamardPower(A, num('2')))).toBe('m×n');
    expect(shapeText(matrixPower(S(), num('3')))).toBe('n×n');
    expect(shapeText(inverse(S()))).toBe('n×n');
    expect(shapeText(matrixPower(id('c'), num('2')))).toBe('scalar');
    expect(errorOf(matrixPower(A, num('2'))).message).toBe('A^2: a matrix power needs a square matrix, got m×n');
    expect(errorOf(inverse(A)).message).toBe('A⁻¹: the inverse needs a square matrix, got m×n');
    expect(errorOf(hadamardPower(A, B)).message).toBe('A^⊙B: the exponent must be a scalar, got m×n');
  });

  it('diag, diagvec, trace and determinant', () => {
    expect(shapeText(diag(id('u')))).toBe('n×n');
    expect(shapeText(diagVec(S()))).toBe('n×1');
    expect(shapeText(diag(diagVec(S())))).toBe('n×n');
    expect(shapeText(trace(matMul(A, transpose(B))))).toBe('scalar');
    expect(shapeText(det(S()))).toBe('scalar');
    expect(errorOf(diag(A)).message).toBe('diag(A): diag needs a column vector n×1, got m×n');
    expect(errorOf(diagVec(A)).message).toBe('diagvec(A): diagvec needs a square matrix, got m×n');
    expect(errorOf(trace(A)).message).toBe('tr(A): the trace needs a square matrix, got m×n');
    expect(errorOf(det(id('c'))).message).toBe('det(c): the determinant needs a square matrix, got scalar');
  });

  it('u ⊙ v = diag(u) v: both sides n×1', () => {
    expect(shapeText(equal(hadamard(id('u'), id('v')), matMul(diag(id('u')), id('v'))))).toBe('n×1');
  });

  it('entries and sums are scalars; undeclared indices are scalars', () => {
    const [i, j, k] = [id('i'), id('j'), id('k')];
    expect(shapeText(entry(A, i, j))).toBe('scalar');
    const e = equal(entry(matMul(A, transpose(B)), i, j), sum('k', matMul(entry(A, i, k), entry(B, j, k))));
    expect(shapeText(e)).toBe('scalar');
    expect(errorOf(entry(A, B, i)).message).toBe('A[B,i]: the row index must be a scalar, got m×n');
    expect(errorOf(entry(id('c'), i, j)).message).toBe('c[i,j]: an entry needs a matrix, got scalar');
  });

  it('a sum index shadows a declared matrix of the same name', () => {
    expect(shapeText(sum('A', matMul(id('A'), B)))).toBe('m×n');
  });

  it('claims: psd, pd, symmetric and diagonal need a square operand', () => {
    expect(shapeText(claim('psd', hadamard(S(), S())))).toBe('n×n');
    expect(shapeText(claim('nonnegative', A))).toBe('m×n');
    expect(errorOf(claim('psd', A)).message).toBe('A ⪰ 0: the claim psd needs a square matrix, got m×n');
    expect(errorOf(claim('diagonal', A)).message).toBe('diagonal(A): the claim diagonal needs a square matrix, got m×n');
  });

  it('undeclared names are matrices of one unknown shape each', () => {
    expect(shapeText(hadamard(id('X'), transpose(id('X'))), new Map())).toBe('?2×?2');
    expect(shapeText(matMul(id('X'), A))).toBe('?1×n');
    expect(errorOf(matMul(hadamard(id('X'), A), id('X'))).message).toBe(
      'X ⊙ A X: cannot multiply m×n by m×n: inner dimensions n and m differ',
    );
  });
});

describe('matrix literals', () => {
  it('have the size of their rows, with scalar entries', () => {
    const m = matrixLiteral([
      [num('1'), num('2'), num('3')],
      [num('4'), num('5'), num('6')],
    ]);
    expect(shapeText(m)).toBe('2×3');
    expect(shapeText(hadamard(A, m), seed)).toBe('2×3');
    expect(shapeText(matrixLiteral([[id('c'), entry(A, num('1'), num('1'))]]))).toBe('1×2');
    expect(errorOf(matrixLiteral([[A]])).message).toBe('[[A]]: a matrix entry must be a scalar, got m×n');
  });

  it('ragged rows are an error', () => {
    const e = errorOf(matrixLiteral([[num('1'), num('2')], [num('3')]]));
    expect(e.code).toBe('ragged-matrix');
    expect(e.message).toBe('matrix literal rows differ in length: row 1 has 2 entries, row 2 has 1');
  });
});

describe('deep trees', () => {
  it('infer a 100 000-term chain without recursion', () => {
    let e: Expr = A;
    for (let n = 0; n < 100_000; n++) e = n % 3 === 0 ? hadamard(e, ones()) : add(e, B);
    expect(shapeText(e)).toBe('m×n');
  });
});

describe('the seed example as literals', () => {
  const literal = (rows: number[][]): Expr => matrixLiteral(rows.map((row) => row.map((v) => num(String(v)))));
  const SA = literal([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const SB = literal([
    [7, 8, 9],
    [10, 11, 12],
  ]);

  it('[[1,2,3],[4,5,6]] ⊙ [[7,8,9],[10,11,12]] is 2×3 and the product is an error', () => {
    expect(shapeText(hadamard(SA, SB))).toBe('2×3');
    expect(errorOf(matMul(SA, SB)).message).toBe(
      '[[1,2,3],[4,5,6]] ([[7,8,9],[10,11,12]]): cannot multiply 2×3 by 2×3: inner dimensions 3 and 2 differ',
    );
    expect(shapeText(matMul(SA, transpose(SB)))).toBe('2×2');
  });
});

describe('robustness', () => {
  const names = fc.constantFrom('A', 'B', 'S', 'u', 'c', 'X', 'i');
  const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      names.map((n) => id(n)),
      fc.constantFrom<Expr>(ones(), zero(), identity(), ones(2, 3), identity('n'), num('2')),
      fc.tuple(tie('tree'), tie('tree')).map(([l, r]) => hadamard(l, r)),
      fc.tuple(tie('tree'), tie('tree')).map(([l, r]) => matMul(l, r)),
      fc.tuple(tie('tree'), tie('tree')).map(([l, r]) => kronecker(l, r)),
      fc.tuple(tie('tree'), tie('tree')).map(([l, r]) => add(l, r)),
      fc.tuple(tie('tree'), tie('tree')).map(([l, r]) => equal(l, r)),
      tie('tree').map((e) => transpose(e)),
      tie('tree').map((e) => inverse(e)),
      tie('tree').map((e) => diag(e)),
      tie('tree').map((e) => diagVec(e)),
      tie('tree').map((e) => trace(e)),
      tie('tree').map((e) => claim('psd', e)),
      fc.tuple(tie('tree'), tie('tree')).map(([m, r]) => entry(m, r, id('j'))),
      tie('tree').map((e) => sum('k', e)),
      tie('tree').map((e) => scalarMul(num('3'), e)),
    ),
  }));

  test.prop([tree], { numRuns: 500 })('inference returns a result, never throws, and shapeOf covers every node', (e) => {
    const r = inferShapes(e, sym);
    if (!r.ok) {
      expect(['shape-mismatch', 'ragged-matrix']).toContain(r.error.code);
      return;
    }
    walkExpr(e, (node) => {
      const s = r.value.shapeOf(node);
      expect(s.kind === 'scalar' || s.kind === 'matrix').toBe(true);
    });
    // Equal shapes for the two sides of every ⊙, + and =, once resolved (a product of two unknowns may
    // stay open); + and = may also set a scalar beside a 1×1 matrix.
    walkExpr(e, (node) => {
      if (node.type === 'Hadamard' || node.type === 'Add' || node.type === 'Equal') {
        const [l, r2] = [formatShape(r.value.shapeOf(node.left)), formatShape(r.value.shapeOf(node.right))];
        const scalarBesideOneByOne = node.type !== 'Hadamard' && [l, r2].sort().join(' ') === '1×1 scalar';
        if (!l.includes('?') && !r2.includes('?') && !scalarBesideOneByOne) expect(l).toBe(r2);
      }
    });
  });
});

describe('long matrix-product chains (issue 15)', () => {
  it('a 10 000-factor chain S S … S of a declared n×n matrix is n×n; alternating m×n, n×m factors give m×m', () => {
    let square: Expr = id('S');
    for (let i = 1; i < 10_000; i++) square = matMul(square, id('S'));
    expect(shapeText(square)).toBe('n×n');
    const g = givens([['P'], matrixShape('m', 'n')], [['Q'], matrixShape('n', 'm')]);
    let alternating: Expr = id('P');
    for (let i = 1; i < 10_000; i++) alternating = matMul(alternating, id(i % 2 === 0 ? 'P' : 'Q'));
    expect(shapeText(alternating, g)).toBe('m×m');
    let undeclared: Expr = id('X');
    for (let i = 1; i < 10_000; i++) undeclared = matMul(undeclared, id('X'));
    expect(inferShape(undeclared, new Map()).ok).toBe(true);
  });
});
