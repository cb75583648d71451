import { fc } from '@fast-check/vitest';
import { add, givensFrom, hadamard, identifier, identity, matMul, neg, numberLiteral, ones, scalarMul, sub, trace, transpose, zero, type Expr, type Givens } from '@odot/core';
import { parseDeclarations } from '@odot/parser';

/** Givens from declaration text (`A, B: 2×3; P: n×n psd`); throws on a bad declaration (tests, bench). */
export function givensOfText(text: string): Givens {
  if (text.trim() === '') return new Map();
  const r = parseDeclarations(text);
  if (!r.ok) throw new Error(r.error.message);
  return givensFrom(r.value);
}

/** The square-matrix symbols the random expressions below use (`randomSquareExpr`). */
export const RANDOM_SQUARE_GIVENS = 'A, B, C: n×n; D: n×n diagonal; P: n×n psd; S: n×n symmetric; c: scalar';

/**
 * Random expressions over the n×n symbols of `RANDOM_SQUARE_GIVENS` (and J, I, 0) with ⊙, +, −, the
 * matrix product, transposes, negation and scalar multiples; `traces` adds `tr(x) A` (a scalar
 * times a matrix). Property tests of simplify and of the index normal form share it.
 */
export function randomSquareExpr(options: { readonly traces?: boolean } = {}): fc.Arbitrary<Expr> {
  // A fresh node per leaf, as the parser makes: a bare `J` shared at two places would take one
  // shape for both (shape tables are keyed by node).
  const named = fc.constantFrom('A', 'B', 'C', 'D', 'P', 'S').map((name): Expr => identifier(name));
  const constant = fc.constantFrom<() => Expr>(ones, identity, zero).map((make) => make());
  const leaf = fc.oneof(named, constant);
  return fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('e'), tie('e')).map(([l, r]) => hadamard(l, r)),
      fc.tuple(tie('e'), tie('e')).map(([l, r]) => add(l, r)),
      fc.tuple(tie('e'), tie('e')).map(([l, r]) => sub(l, r)),
      fc.tuple(tie('e'), tie('e')).map(([l, r]) => matMul(l, r)),
      tie('e').map((x) => transpose(x)),
      tie('e').map((x) => neg(x)),
      tie('e').map((x) => scalarMul(numberLiteral('2'), x)),
      ...(options.traces ? [tie('e').map((x) => matMul(trace(x), identifier('A')))] : []),
      tie('e').map((x) => matMul(identifier('c'), x)),
    ),
  })).e;
}
