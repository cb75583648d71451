import { fc, test } from '@fast-check/vitest';
import { withSlowClock } from '@odot/core/testing';
import { describe, expect, it } from 'vitest';
import { add, givensFrom, hadamard, identifier, kronecker, matMul, numberLiteral, ones, printExpr, scalarMul, transpose, type Expr } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { equivalent, rewriteOnce, simplify } from '@odot/rewrite';
import { exprKey } from './expr-tools.ts';
import { checkProofAgainst } from './grade.ts';
import { certificateProof } from './certificate.ts';
import { chainLine } from './chain-text.ts';
import { checkProof } from './check-proof.ts';
import { hintProof } from './hint.ts';

// Reference agreement: every proof the rewrite engine emits (`equivalent`, `simplify`) is accepted
// by the checker, step by step, when written out as a chain citing the engine's laws.

const GIVENS_TEXT = 'A, B, C: n×n; D, E: n×n diagonal';
const declarations = parseDeclarations(GIVENS_TEXT);
if (!declarations.ok) throw new Error(declarations.error.message);
const DECLARATIONS = declarations.value;
const GIVENS = givensFrom(DECLARATIONS);

/**
 * These tests run the engine's searches, which stop at step and node limits and at time limits.
 * A time limit met only because the machine is busy must not decide a case: each test runs under a
 * clock 10 times slower (the step and node limits still bind).
 */
const patiently = (name: string, body: () => void, timeoutMs?: number): void => {
  it(name, () => withSlowClock(body), timeoutMs);
};

const leaf = fc.constantFrom<Expr>(identifier('A'), identifier('B'), identifier('C'), identifier('D'), identifier('E'), ones());
const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => hadamard(l, r)),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => add(l, r)),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => matMul(l, r)),
    tie('e').map((e) => transpose(e)),
    tie('e').map((e) => scalarMul(numberLiteral('2'), e)),
  ),
})).e.filter((e) => printExpr(e).length <= 40);

/** The chain as `odot simplify --steps` prints it (chainLine: a backward law gets a `# right to left` comment). */
function chainOf(start: Expr, steps: readonly { readonly after: Expr; readonly law: string; readonly direction: 'forward' | 'backward' }[]): string {
  return [printExpr(start), ...steps.map((step) => chainLine(step.after, step.law, step.direction))].join('\n');
}

describe('engine proofs are accepted by the checker', () => {
  /** A deterministic random walk of a few catalogue rewrites from `a` (a partner the engine must prove equal). */
  function walk(a: Expr, seed: number): Expr {
    let current = a;
    let state = seed;
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const laws = ['transpose_hadamard', 'hadamard_add', 'add_hadamard', 'transpose_add', 'hadamard_ones', 'diagonal_mul_diagonal', 'transpose_transpose', 'smul_hadamard', 'mul_add'];
    for (let i = 0; i < 3; i++) {
      const law = laws[next(laws.length)] as string;
      const options = rewriteOnce(current, law, GIVENS);
      if (options.length === 0) continue;
      current = (options[next(options.length)] as { after: Expr }).after;
    }
    return current;
  }

  patiently('equivalent(a, b) proofs are accepted step by step (b: a simplification or a random rewrite walk of a)', () => {
    let checked = 0;
    fc.sample(expr, { numRuns: 50, seed: 7 }).forEach((a, index) => {
      const simplified = simplify(a, GIVENS);
      const partners = [walk(a, index + 1), ...(simplified.ok ? [simplified.value.result] : [])];
      for (const b of partners) {
        const verdict = equivalent(a, b, GIVENS);
        if (!verdict.ok || verdict.value.method !== 'proved' || verdict.value.steps.length === 0) continue;
        const steps = verdict.value.steps;
        const body = chainOf(a, steps);
        const grade = checkProofAgainst(body, { goal: `${printExpr(a)} = ${printExpr(b)}`, givens: GIVENS_TEXT });
        // When a = b is itself a law, the engine's one-step proof cites it: circular, rightly.
        if (grade.steps.some((step) => step.code === 'circular')) {
          expect(steps, body).toHaveLength(1);
          continue;
        }
        const failures = grade.steps.filter((step) => !step.ok && step.kind !== 'structure').map((step) => `${step.line}: ${step.message}`);
        expect(failures, `${verdict.value.layer}\n${body}`).toEqual([]);
        // A step that returns to an earlier line of the chain earns nothing (no-change).
        const keys = [a, ...steps.map((step) => step.after)].map((e) => exprKey(e));
        const revisits = keys.filter((key, k) => k > 0 && keys.slice(0, k).includes(key)).length;
        expect(grade.stepsRight).toBe(steps.length - revisits);
        const last = steps.at(-1)?.after;
        if (last && exprKey(last) === exprKey(b)) expect(grade.proved, body).toBe(true);
        checked += 1;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  patiently('equiv --proof certificates (whole proof files) are accepted by the checker', () => {
    let checked = 0;
    fc.sample(expr, { numRuns: 40, seed: 13 }).forEach((a, index) => {
      const simplified = simplify(a, GIVENS);
      const partners = [walk(a, index + 3), ...(simplified.ok ? [simplified.value.result] : [])];
      for (const b of partners) {
        const verdict = equivalent(a, b, GIVENS);
        if (!verdict.ok || verdict.value.method !== 'proved') continue;
        const certificate = certificateProof(a, b, verdict.value, DECLARATIONS);
        if (!certificate.ok) throw new Error(certificate.reason);
        const report = checkProof(certificate.text);
        // Every step is accepted, also when the goal is itself a catalogue law (E + B = B + E): the
        // certificate then proves it without citing that law.
        const failures = report.theorems.flatMap((t) => t.steps).filter((step) => !step.ok).map((step) => `${step.line}: ${step.message}`);
        expect([...failures, ...report.errors.map((e) => e.message)], certificate.text).toEqual([]);
        expect(report.valid, certificate.text).toBe(true);
        checked += 1;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  patiently('every hint the engine emits is a step the checker accepts, after the printed line is read back', () => {
    let checked = 0;
    fc.sample(expr, { numRuns: 25, seed: 17 }).forEach((a, index) => {
      const b = walk(a, index + 5);
      const verdict = equivalent(a, b, GIVENS);
      if (!verdict.ok || verdict.value.method !== 'proved' || exprKey(a) === exprKey(b)) return;
      const text = `given ${GIVENS_TEXT.replace('; ', '\ngiven ')}\nprove ${printExpr(a)} = ${printExpr(b)}\nproof\n    ${printExpr(a)}\nqed\n`;
      const result = hintProof(text);
      if (result.kind !== 'hint') return;
      const next = text.replace('\nqed', `\n  ${result.hint.line}\nqed`);
      const step = checkProof(next).theorems[0]!.steps[0]!;
      expect([step.code, step.message], next).toEqual(['ok', expect.any(String)]);
      checked += 1;
    });
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  patiently('a certificate closes a reordering with the structural law that does it, and refuses an unproved verdict', () => {
    const a = parseExpr('D ⊙ (A ⊙ B)');
    const b = parseExpr('(A ⊙ B) ⊙ D');
    const verdict = equivalent(a, b, GIVENS);
    if (!verdict.ok) throw new Error(verdict.error.message);
    const certificate = certificateProof(a, b, verdict.value, DECLARATIONS);
    // An instance of hadamard_comm, not a restatement of it: citing the law is not circular.
    expect(certificate.ok && certificate.text.split('\n')).toEqual([
      '# proof found by odot equiv (canonical)',
      'given A, B, C: n×n',
      'given D, E: n×n diagonal',
      'prove D ⊙ (A ⊙ B) = A ⊙ B ⊙ D',
      'proof',
      '    D ⊙ (A ⊙ B)',
      '  = A ⊙ B ⊙ D   by hadamard_comm',
      'qed',
      '',
    ]);
    const refuted = equivalent(parseExpr('A B'), parseExpr('B A'), GIVENS);
    if (!refuted.ok) throw new Error(refuted.error.message);
    expect(certificateProof(parseExpr('A B'), parseExpr('B A'), refuted.value, DECLARATIONS)).toEqual({ ok: false, reason: 'no proof: the equivalence is refuted' });
  });

  patiently('a goal that restates a law gets an entrywise certificate instead of the circular one-step proof', () => {
    const a = parseExpr('D ⊙ A');
    const b = parseExpr('A ⊙ D');
    const verdict = equivalent(a, b, GIVENS);
    if (!verdict.ok) throw new Error(verdict.error.message);
    // The engine's own proof is the one step `by hadamard_comm`, which states the goal itself.
    expect(verdict.value.steps.map((step) => step.law)).toEqual(['hadamard_comm']);
    const certificate = certificateProof(a, b, verdict.value, DECLARATIONS);
    expect(certificate.ok && certificate.text.split('\n')).toEqual([
      "# entrywise proof found by odot equiv (the engine's proof cites hadamard_comm, the statement itself)",
      'given A, B, C: n×n',
      'given D, E: n×n diagonal',
      'prove D ⊙ A = A ⊙ D',
      'proof',
      '    (D ⊙ A)[i,j]',
      '  = D[i,j] A[i,j]   by def_hadamard',
      '  = A[i,j] D[i,j]   by mul_comm',
      '  = (A ⊙ D)[i,j]   by def_hadamard   # right to left',
      '  D ⊙ A = A ⊙ D   by ext',
      'qed',
      '',
    ]);
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it.each([
    ['A ⊙ (B + C)', 'C ⊙ A + A ⊙ B'],
    ['(A ⊙ B)ᵀ', 'Bᵀ ⊙ Aᵀ'],
    ['D E', 'E ⊙ D'],
    ['(A + B)ᵀ ⊙ J', 'Bᵀ + Aᵀ'],
    ['Dᵀ + D ⊙ A', 'Dᵀ + A ⊙ D'],
  ])('the engine’s proof of %s = %s is accepted', (left, right) => {
    const a = parseExpr(left);
    const b = parseExpr(right);
    const verdict = equivalent(a, b, GIVENS);
    if (!verdict.ok) throw new Error(verdict.error.message);
    expect(verdict.value.method).toBe('proved');
    const body = chainOf(a, verdict.value.steps);
    const grade = checkProofAgainst(body, { goal: `${left} = ${right}`, givens: GIVENS_TEXT });
    expect(grade.steps.filter((step) => !step.ok).map((step) => `${step.line}: ${step.message}`), body).toEqual([]);
    expect(grade.proved).toBe(true);
  });

  test.prop([expr], { numRuns: 40, seed: 11 })('simplify traces', (a) => {
    const simplified = simplify(a, GIVENS);
    fc.pre(simplified.ok);
    if (!simplified.ok || simplified.value.steps.length === 0) return;
    const steps = simplified.value.steps;
    const body = chainOf(a, steps);
    const grade = checkProofAgainst(body, { goal: `${printExpr(a)} = ${printExpr(simplified.value.result)}`, givens: GIVENS_TEXT });
    // When a = simplify(a) is itself a law, the one-step trace cites it: circular, rightly.
    if (steps.length === 1 && grade.steps[0]?.code === 'circular') return;
    const failures = grade.steps.filter((step) => !step.ok).map((step) => `${step.line}: ${step.message}`);
    expect(failures, body).toEqual([]);
    expect(grade.proved).toBe(true);
  });
});

// The same agreement for the Kronecker product: random expressions built of ⊗ of m×n and p×q
// operands, under +, ⊙, scalar multiples and a transpose, paired with a random walk of the
// catalogue's ⊗ laws or their simplification.

const KRON_GIVENS_TEXT = 'A, B: m×n; C, D: p×q; c: scalar';
const kronDeclarations = parseDeclarations(KRON_GIVENS_TEXT);
if (!kronDeclarations.ok) throw new Error(kronDeclarations.error.message);
const KRON_DECLARATIONS = kronDeclarations.value;
const KRON_GIVENS = givensFrom(KRON_DECLARATIONS);

/** Operands of one size: the two symbols, their sum and ⊙, and scalar multiples. */
function operand(x: string, y: string): fc.Arbitrary<Expr> {
  const [a, b] = [identifier(x), identifier(y)];
  return fc.constantFrom<Expr>(a, b, add(a, b), hadamard(a, b), scalarMul(numberLiteral('2'), a), scalarMul(identifier('c'), b));
}

const kronExpr: fc.Arbitrary<Expr> = fc
  .letrec<{ k: Expr }>((tie) => ({
    k: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 2 },
      fc.tuple(operand('A', 'B'), operand('C', 'D')).map(([l, r]) => kronecker(l, r)),
      fc.tuple(tie('k'), tie('k')).map(([l, r]) => add(l, r)),
      fc.tuple(tie('k'), tie('k')).map(([l, r]) => hadamard(l, r)),
      tie('k').map((e) => scalarMul(numberLiteral('2'), e)),
    ),
  }))
  .k.chain((e) => fc.constantFrom(e, transpose(e)))
  .filter((e) => printExpr(e).length <= 44);

/** The catalogue's ⊗ laws (and the reorderings), walked from the expression. */
const KRON_WALK = ['transpose_kron', 'kron_add', 'add_kron', 'kron_smul', 'smul_kron', 'kronecker_hadamard', 'hadamard_comm', 'add_comm'];

/** A deterministic random walk of a few ⊗ rewrites from `a`. */
function kronWalk(a: Expr, seed: number): Expr {
  let current = a;
  let state = seed;
  for (let i = 0; i < 3; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const law = KRON_WALK[state % KRON_WALK.length] as string;
    const options = rewriteOnce(current, law, KRON_GIVENS);
    if (options.length === 0) continue;
    current = (options[state % options.length] as { after: Expr }).after;
  }
  return current;
}

describe('engine proofs with Kronecker products are accepted by the checker', () => {
  const pairs = fc.sample(kronExpr, { numRuns: 14, seed: 23 }).flatMap((a, index) => {
    const simplified = simplify(a, KRON_GIVENS);
    return [kronWalk(a, index + 7), ...(simplified.ok ? [simplified.value.result] : [])].map((b) => [a, b] as const);
  });

  patiently('equivalent(a, b) proofs are accepted step by step', () => {
    let checked = 0;
    for (const [a, b] of pairs) {
      const verdict = equivalent(a, b, KRON_GIVENS);
      if (!verdict.ok || verdict.value.method !== 'proved' || verdict.value.steps.length === 0) continue;
      const steps = verdict.value.steps;
      const body = chainOf(a, steps);
      const grade = checkProofAgainst(body, { goal: `${printExpr(a)} = ${printExpr(b)}`, givens: KRON_GIVENS_TEXT });
      if (grade.steps.some((step) => step.code === 'circular')) {
        expect(steps, body).toHaveLength(1);
        continue;
      }
      const failures = grade.steps.filter((step) => !step.ok && step.kind !== 'structure').map((step) => `${step.line}: ${step.message}`);
      expect(failures, `${verdict.value.layer}\n${body}`).toEqual([]);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  }, 120_000);

  patiently('equiv --proof certificates (whole proof files) are accepted by the checker, or say why there is none', () => {
    let checked = 0;
    let blocks = 0;
    const missing: string[] = [];
    for (const [a, b] of pairs) {
      const verdict = equivalent(a, b, KRON_GIVENS);
      if (!verdict.ok || verdict.value.method !== 'proved') continue;
      const certificate = certificateProof(a, b, verdict.value, KRON_DECLARATIONS);
      if (!certificate.ok) {
        // Never a false proof: an error value saying why.
        expect(certificate.reason).toMatch(/no non-circular proof found within the limits/);
        missing.push(certificate.reason);
        continue;
      }
      const report = checkProof(certificate.text);
      const failures = report.theorems.flatMap((t) => t.steps).filter((step) => !step.ok).map((step) => `${step.line}: ${step.message}`);
      expect([...failures, ...report.errors.map((e) => e.message)], certificate.text).toEqual([]);
      expect(report.valid, certificate.text).toBe(true);
      if (certificate.text.startsWith('# entrywise proof at block indices')) blocks += 1;
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
    // Goals that are a ⊗ law up to renaming (the engine's proof would be circular) get the block-indexed proof.
    expect(blocks).toBeGreaterThanOrEqual(2);
    expect(missing).toEqual([]);
  }, 300_000);
});
