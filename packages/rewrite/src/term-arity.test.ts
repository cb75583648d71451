import { OdotException, SCALAR, matrixShape } from '@odot/core';
import { rational } from '@odot/numeric';
import { describe, expect, it } from 'vitest';
import type { Op, Term } from './term.ts';
import { mkAdd, mkBinary, mkClaim, mkEntry, mkHad, mkIdentity, mkLit, mkMul, mkNum, mkOnes, mkSmul, mkSum, mkSym, mkUnary, mkZero, rebuild, termAt } from './term.ts';

/** The number of children each operator's term type promises (`n`: a list). */
const ARITY: Record<Op, number | 'n'> = {
  sym: 0, pvar: 0, num: 0, ones: 0, zero: 0, identity: 0,
  transpose: 1, inverse: 1, diag: 1, diagvec: 1, trace: 1, det: 1, sum: 1, claim: 1,
  smul: 2, kron: 2, hpow: 2, mpow: 2, eq: 2, ne: 2,
  entry: 3,
  had: 'n', add: 'n', mul: 'n', lit: 'n',
};

/** Reads the one child of a unary term: typed, no cast (this line fails to compile if `args` loses its arity). */
const onlyChild = (t: Term): Term | undefined => (t.op === 'transpose' || t.op === 'trace' ? t.args[0] : undefined);

describe('term arity', () => {
  it('every constructor builds its operator with the arity its type promises', () => {
    const sq = matrixShape('n', 'n');
    const [A, B] = [mkSym('A', sq), mkSym('B', sq)];
    const i = mkSym('i', SCALAR);
    const two = mkNum(rational(2n));
    const built: Term[] = [
      A, two, mkOnes('n', 'n'), mkZero(sq), mkIdentity('n'),
      mkUnary('transpose', A), mkUnary('inverse', A), mkUnary('diagvec', A), mkUnary('trace', A), mkUnary('det', A),
      mkSum('k', mkEntry(A, i, i)), mkClaim('psd', A),
      mkSmul(mkSym('c', SCALAR), A), mkBinary('kron', A, B), mkBinary('hpow', A, two), mkBinary('mpow', A, two), mkBinary('eq', A, B), mkBinary('ne', A, B),
      mkEntry(A, i, i), mkHad([A, B]), mkAdd([A, B]), mkMul([A, B]), mkLit(1, 2, [two, two]),
    ];
    const seen = new Set<Op>();
    for (const t of built) {
      const want = ARITY[t.op];
      if (want !== 'n') expect(t.args.length, t.op).toBe(want);
      seen.add(t.op);
    }
    expect(onlyChild(mkUnary('transpose', B))).toBe(B);
    expect([...seen].sort()).toEqual(Object.keys(ARITY).filter((op) => op !== 'pvar' && op !== 'diag').sort());
  });

  it('a child read out of range is an internal error, not an undefined read on (what a cast would hide)', () => {
    const sq = matrixShape('n', 'n');
    const [A, B] = [mkSym('A', sq), mkSym('B', sq)];
    expect(termAt([A, B], 1)).toBe(B);
    const caught = (() => {
      try {
        rebuild(mkBinary('kron', A, B), [A]);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(caught).toBeInstanceOf(OdotException);
    expect((caught as OdotException).error.code).toBe('internal-error');
  });
});
