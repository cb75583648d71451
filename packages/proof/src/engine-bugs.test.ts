import { describe, expect, it } from 'vitest';
import { givensFrom } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import type { CheckerBackend } from './backend.ts';
import { checkProof } from './check-proof.ts';
import { defaultBackend } from './default-backend.ts';
import type { LawEngine } from './law-engine.ts';
import { searchSteps } from './search.ts';

// An engine says "this law does not apply here" by returning no applications. An exception is a
// bug in the engine: it must reach the tests (and gradeProof's internal-error boundary), never be
// read as "does not apply", which would turn a matcher crash into a wrong verdict on the student.

/** The default engine, except that applying `name` throws the way a buggy matcher would. */
function brokenEngine(engine: LawEngine, name: string): LawEngine {
  return {
    ...engine,
    apply: (expr, law, givens) => {
      if (law === name) throw new TypeError(`bug in the matcher of ${name}`);
      return engine.apply(expr, law, givens);
    },
  };
}

// Each law used in a context (proving the law itself by citing it would be circular).
const COMM = 'given A, B, C: m×n\nprove A ⊙ B + C = B ⊙ A + C\nproof\n  A ⊙ B + C\n  = B ⊙ A + C by hadamard_comm\nqed';
const TRANSPOSE = 'given A, B: m×n\ngiven C: n×m\nprove (A ⊙ B)ᵀ + C = Aᵀ ⊙ Bᵀ + C\nproof\n  (A ⊙ B)ᵀ + C\n  = Aᵀ ⊙ Bᵀ + C by transpose_hadamard\nqed';

describe('an exception in a law engine surfaces', () => {
  it('the checker with the working engine accepts both proofs (the baseline)', () => {
    expect(checkProof(COMM).valid).toBe(true);
    expect(checkProof(TRANSPOSE).valid).toBe(true);
  });

  it('checkProof propagates it from the search for a cited law', () => {
    const honest = defaultBackend();
    const broken: CheckerBackend = { ...honest, engine: brokenEngine(honest.engine, 'transpose_hadamard') };
    expect(() => checkProof(TRANSPOSE, { backend: broken })).toThrow(/bug in the matcher of transpose_hadamard/);
  });

  it('checkProof propagates it from the reordering check of a structural law', () => {
    const honest = defaultBackend();
    const broken: CheckerBackend = { ...honest, engine: brokenEngine(honest.engine, 'hadamard_comm') };
    expect(() => checkProof(COMM, { backend: broken })).toThrow(TypeError);
  });

  it('searchSteps propagates it instead of exploring as if the law had no application', () => {
    const engine = brokenEngine(defaultBackend().engine, 'transpose_hadamard');
    const from = parseExpr('(A ⊙ B)ᵀ');
    const to = parseExpr('Aᵀ ⊙ Bᵀ');
    const declarations = parseDeclarations('A, B: m×n');
    if (!declarations.ok) throw new Error(declarations.error.message);
    const givens = givensFrom(declarations.value);
    expect(() => searchSteps(from, to, ['transpose_hadamard'], engine, givens)).toThrow(TypeError);
    expect(searchSteps(from, to, ['transpose_hadamard'], defaultBackend().engine, givens).steps).toHaveLength(1);
  });
});
