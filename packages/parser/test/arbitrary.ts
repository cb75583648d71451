import { fc } from '@fast-check/vitest';
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
} from '@odot/core';
import type { DimLiteral, Expr, Property } from '@odot/core';

// Random expression trees of the shapes the parser produces: a bare `0` is Zero (numbers are
// never `0` outside matrix literals), sized constants give both sizes, `MatrixPower` never has
// exponent -1 (that is `Inverse`), names avoid `T` and function names. The names include what
// the NumPy and MATLAB dialects read as names: `x_max`, `x_max₁`, and `J`, `I`, `O`, which are
// constants (or `O_n`) in plain and LaTeX, so every printer must spell them as names.

const NAMES = ['A', 'B', 'C', 'P', 'x', 'y', 'D₁', 'D₂', 'λ', 'Ab', 'Q₁₂', 'x_max', 'x_max₁', 'J', 'I', 'O', 'J_a'];
const INDEX_NAMES = ['i', 'j', 'k', 'n'];
const DIMS: readonly DimLiteral[] = ['m', 'n', 2, 3];
const CLAIMS: readonly Property[] = ['psd', 'pd', 'diagonal', 'symmetric', 'nonnegative', 'binary'];

/** Options: which node types a dialect's printer can express. */
export interface TreeOptions {
  readonly names?: readonly string[];
  readonly exclude?: ReadonlySet<string>;
}

const positiveInteger = fc.integer({ min: 1, max: 99 }).map(String);
const scalarText = fc.oneof(
  positiveInteger,
  fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 9 })).map(([a, b]) => `${a}/${b}`),
);

/** Random operand trees (no relations). */
export function arbitraryExpr(options: TreeOptions = {}): fc.Arbitrary<Expr> {
  const names = options.names ?? NAMES;
  const ok = (type: string): boolean => !(options.exclude?.has(type) ?? false);
  const name = fc.constantFrom(...names).map((n) => identifier(n));
  const index = fc.oneof(fc.constantFrom(...INDEX_NAMES).map((n) => identifier(n)), positiveInteger.map((v) => numberLiteral(v)));
  const dims = fc.option(fc.tuple(fc.constantFrom(...DIMS), fc.constantFrom(...DIMS)), { nil: undefined });
  const leaves: fc.Arbitrary<Expr>[] = [name, name, name];
  if (ok('NumberLiteral')) leaves.push(positiveInteger.map((v) => numberLiteral(v)));
  if (ok('Ones')) leaves.push(dims.map((d) => (d === undefined ? ones() : ones(d[0], d[1]))));
  if (ok('Zero')) leaves.push(dims.map((d) => (d === undefined ? zero() : zero(d[0], d[1]))));
  if (ok('Identity')) leaves.push(fc.option(fc.constantFrom(...DIMS), { nil: undefined }).map((s) => identity(s)));
  if (ok('MatrixLiteral')) {
    leaves.push(
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
        .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
        .map((rows) => matrixLiteral(rows.map((row) => row.map((v) => numberLiteral(String(v)))))),
    );
  }
  const { tree } = fc.letrec<{ tree: Expr }>((tie) => {
    const t = tie('tree');
    const branches: fc.Arbitrary<Expr>[] = [];
    const binary = (type: string, make: (l: Expr, r: Expr) => Expr): void => {
      if (ok(type)) branches.push(fc.tuple(t, t).map(([l, r]) => make(l, r)));
    };
    const unary = (type: string, make: (e: Expr) => Expr): void => {
      if (ok(type)) branches.push(t.map(make));
    };
    binary('Hadamard', hadamard);
    binary('MatMul', matMul);
    binary('Kronecker', kronecker);
    binary('Add', add);
    binary('Sub', sub);
    unary('Neg', neg);
    unary('Transpose', transpose);
    unary('Inverse', inverse);
    unary('Diag', diag);
    unary('DiagVec', diagVec);
    unary('Trace', trace);
    unary('Det', det);
    if (ok('ScalarMul')) branches.push(fc.tuple(scalarText, t).map(([s, e]) => scalarMul(numberLiteral(s), e)));
    if (ok('HadamardPower')) {
      const exponent = fc.oneof(positiveInteger.map((v) => numberLiteral(v)), positiveInteger.map((v) => neg(numberLiteral(v))), fc.constant(identifier('k')));
      branches.push(fc.tuple(t, exponent).map(([b, e]) => hadamardPower(b, e)));
    }
    if (ok('MatrixPower')) {
      const exponent = fc.oneof(fc.integer({ min: 2, max: 9 }).map((v) => numberLiteral(String(v))), fc.constant(identifier('k')));
      branches.push(fc.tuple(t, exponent).map(([b, e]) => matrixPower(b, e)));
    }
    if (ok('Entry')) branches.push(fc.tuple(t, index, index).map(([m, r, c]) => entry(m, r, c)));
    if (ok('Sum')) branches.push(fc.tuple(fc.constantFrom('k', 'l'), t).map(([k, body]) => sum(k, body)));
    return { tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.oneof(...leaves), ...branches) };
  });
  return tree;
}

/** Random statements: an operand tree, or a relation or claim at the root. */
export function arbitraryStatement(options: TreeOptions = {}): fc.Arbitrary<Expr> {
  const e = arbitraryExpr(options);
  const ok = (type: string): boolean => !(options.exclude?.has(type) ?? false);
  const statements: fc.Arbitrary<Expr>[] = [e];
  if (ok('Equal')) statements.push(fc.tuple(e, e).map(([l, r]) => equal(l, r)));
  if (ok('NotEqual')) statements.push(fc.tuple(e, e).map(([l, r]) => notEqual(l, r)));
  if (ok('Claim')) statements.push(fc.tuple(fc.constantFrom(...CLAIMS), e).map(([p, x]) => claim(p, x)));
  return fc.oneof(...statements);
}
