import { describe, expect, it } from 'vitest';
import { givensFrom, printPlain } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { LAWS, equivalent, isTermLaw, type Law } from '@odot/rewrite';
import { hasKronecker } from './block-certificate.ts';
import { certificateProof } from './certificate.ts';
import { checkProof } from './check-proof.ts';
import type { SearchLimits } from './search.ts';

// `odot equiv --proof` on a catalogue law's own statement: the engine's proof cites that law, which
// the checker calls circular, so the certificate must prove it another way (entrywise, or from
// other laws) or say there is none — never print a proof the checker rejects.

/** The laws `simplify` uses (left to right, or kept by its representation: commutativity, associativity) stated as matrix or scalar equations over declared symbols (no integer exponents). */
const LAWS_UNDER_TEST: readonly Law[] = LAWS.filter(
  (law) =>
    isTermLaw(law) &&
    law.kind === 'equation' &&
    (law.simplify || law.structural !== undefined) &&
    !law.conditions.some((condition) => condition.kind === 'positive-integer'),
);

/** The seed note's laws: each must get a certificate the checker accepts. */
const SEED_LAWS = ['hadamard_comm', 'hadamard_assoc', 'hadamard_add', 'hadamard_ones', 'hadamard_zero', 'transpose_hadamard', 'diagonal_mul_diagonal'];

/** Node-bounded searches (the time limit is a backstop only), so the outcome does not depend on the machine's load. */
const TEST_LIMITS: SearchLimits = { maxApplications: 4, maxNodes: 800, timeLimitMs: 20_000 };

describe('certificates of the catalogue laws themselves', () => {
  it('iterates over enough laws', () => {
    expect(LAWS_UNDER_TEST.length).toBeGreaterThanOrEqual(40);
    expect(SEED_LAWS.filter((name) => !LAWS_UNDER_TEST.some((law) => law.name === name))).toEqual([]);
  });

  it('every certificate of a law statement is accepted by the checker, or is an error value; the seed laws are accepted', () => {
    const accepted: string[] = [];
    const problems: string[] = [];
    for (const law of LAWS_UNDER_TEST) {
      const declarations = parseDeclarations(law.given);
      if (!declarations.ok) throw new Error(`${law.name}: ${declarations.error.message}`);
      const verdict = equivalent(law.lhs, law.rhs, givensFrom(declarations.value));
      if (!verdict.ok) throw new Error(`${law.name}: ${verdict.error.message}`);
      const certificate = certificateProof(law.lhs, law.rhs, verdict.value, declarations.value, TEST_LIMITS);
      if (!certificate.ok) {
        expect(certificate.reason, law.name).toMatch(verdict.value.method === 'proved' ? /no non-circular proof found within the limits/ : /^no proof: /);
        continue;
      }
      const report = checkProof(certificate.text);
      if (!report.valid) problems.push(`${law.name}:\n${certificate.text}`);
      expect(certificate.text, law.name).toContain(`prove ${printPlain(law.lhs)} = ${printPlain(law.rhs)}`);
      // The law itself is never cited: the proof does not assume what it proves.
      expect(certificate.text, law.name).not.toMatch(new RegExp(`by ${law.name}\\b`));
      accepted.push(law.name);
    }
    expect(problems).toEqual([]);
    expect(SEED_LAWS.filter((name) => !accepted.includes(name))).toEqual([]);
    // 37 of 58 when this was written; the rest need a law the checker calls circular (mul_add for
    // A (B + C) = A B + A C), an entrywise law the catalogue lacks (⊗, det, off-diagonal entries of
    // I and diag), or more than the limits allow.
    expect(accepted.length).toBeGreaterThanOrEqual(35);
  }, 300_000);
});

/** The certificate of `left = right` under the declarations `given`, with the engine's verdict. */
function certify(left: string, right: string, given: string, limits?: SearchLimits): ReturnType<typeof certificateProof> {
  const declarations = parseDeclarations(given);
  if (!declarations.ok) throw new Error(declarations.error.message);
  const [a, b] = [parseExpr(left), parseExpr(right)];
  const verdict = equivalent(a, b, givensFrom(declarations.value));
  if (!verdict.ok) throw new Error(verdict.error.message);
  expect(verdict.value.method).toBe('proved');
  return certificateProof(a, b, verdict.value, declarations.value, limits);
}

describe('non-circular certificates', () => {
  it('a scalar goal that is a law (trace_transpose) is proved through the definition of the trace, without ext', () => {
    const certificate = certify('tr(Aᵀ)', 'tr(A)', 'A: n×n');
    expect(certificate.ok && certificate.text.split('\n').slice(3)).toEqual([
      'proof',
      '    tr(Aᵀ)',
      '  = Σ_k((Aᵀ)[k,k])   by def_trace',
      '  = Σ_k(A[k,k])   by def_transpose',
      '  = tr(A)   by def_trace   # right to left',
      'qed',
      '',
    ]);
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it('the entry indices avoid declared names: matrices called i and j give (i ⊙ j)[p,q]', () => {
    const certificate = certify('i ⊙ j', 'j ⊙ i', 'i, j: 2×3');
    expect(certificate.ok && certificate.text).toContain('    (i ⊙ j)[p,q]\n');
    expect(certificate.ok && certificate.text).toContain('  i ⊙ j = j ⊙ i   by ext\n');
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it('D₁ D₂ = D₁ ⊙ D₂ has no entrywise proof in the catalogue: a chain of other laws over ⊙ and the product', () => {
    const certificate = certify('D₁ D₂', 'D₁ ⊙ D₂', 'D₁, D₂: n×n diagonal');
    expect(certificate.ok && certificate.text).toContain('# proof from other laws found by odot equiv');
    expect(certificate.ok && certificate.text).not.toContain('by diagonal_mul_diagonal');
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it('when the limits stop every search, an error value, never the circular proof', () => {
    // The entries A[i,j] (B[i,j] + C[i,j]) and A[i,j] B[i,j] + A[i,j] C[i,j] need a search (mul_add), which one node stops.
    const certificate = certify('A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', 'A, B, C: 2×3', { maxApplications: 4, maxNodes: 1, timeLimitMs: 20_000 });
    expect(certificate).toEqual({
      ok: false,
      reason: "no proof of A ⊙ (B + C) = A ⊙ B + A ⊙ C that odot check accepts: the engine's proof cites hadamard_add, the statement itself, and no non-circular proof found within the limits",
    });
  });

  it('entries that are the same numbers in another order meet in one mul_comm step, whatever the search limits', () => {
    const certificate = certify('A ⊙ B', 'B ⊙ A', 'A, B: 2×3', { maxApplications: 4, maxNodes: 1, timeLimitMs: 20_000 });
    expect(certificate.ok && certificate.text).toContain('  = B[i,j] A[i,j]   by mul_comm\n');
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });
});

/** Every Kronecker law of the catalogue: an equation with ⊗ on either side. */
const KRONECKER_LAWS: readonly Law[] = LAWS.filter((law) => isTermLaw(law) && law.kind === 'equation' && hasKronecker([law.lhs, law.rhs]));

/**
 * The ⊗ laws with an entrywise certificate at block indices (def_kron). A ⊗ law not listed here
 * fails the test below until it gets a certificate or is listed in `WITHOUT_CERTIFICATE`.
 */
const BLOCK_CERTIFIED = ['transpose_kron', 'kron_add', 'add_kron', 'kron_smul', 'smul_kron', 'kronecker_hadamard', 'kron_zero', 'zero_kron', 'mul_kron_mul'];

/** The ⊗ laws that still have no certificate, each with the reason the certificate gives. */
const WITHOUT_CERTIFICATE: Readonly<Record<string, RegExp>> = {};

describe('certificates of the Kronecker laws', () => {
  it('covers every ⊗ law of the catalogue', () => {
    expect(KRONECKER_LAWS.map((law) => law.name).sort()).toEqual([...BLOCK_CERTIFIED, ...Object.keys(WITHOUT_CERTIFICATE)].sort());
  });

  it.each(KRONECKER_LAWS.map((law) => [law.name, law] as const))('%s: an entrywise proof at block indices that the checker accepts, or the reason there is none', (name, law) => {
    const declarations = parseDeclarations(law.given);
    if (!declarations.ok) throw new Error(`${name}: ${declarations.error.message}`);
    const verdict = equivalent(law.lhs, law.rhs, givensFrom(declarations.value));
    if (!verdict.ok) throw new Error(`${name}: ${verdict.error.message}`);
    expect(verdict.value.method).toBe('proved');
    const certificate = certificateProof(law.lhs, law.rhs, verdict.value, declarations.value, TEST_LIMITS);
    const missing = WITHOUT_CERTIFICATE[name];
    if (missing) {
      expect(certificate.ok ? certificate.text : certificate.reason).toMatch(missing);
      return;
    }
    if (!certificate.ok) throw new Error(`${name}: ${certificate.reason}`);
    // The real checker, not the text: every step and the closing ext are accepted.
    const report = checkProof(certificate.text);
    const failures = report.theorems.flatMap((t) => t.steps).filter((step) => !step.ok).map((step) => `${step.line}: ${step.message}`);
    expect([...failures, ...report.errors.map((e) => e.message)], certificate.text).toEqual([]);
    expect(report.valid, certificate.text).toBe(true);
    expect(certificate.text).toMatch(/^# entrywise proof at block indices found by odot equiv/);
    expect(certificate.text).toContain('by def_kron');
    expect(certificate.text).toMatch(/\[\(i - 1\) \S+ \+ k,\(j - 1\) \S+ \+ l\]\n/);
    expect(certificate.text).toContain(`  ${printPlain(law.lhs)} = ${printPlain(law.rhs)}   by ext\n`);
    expect(certificate.text).not.toMatch(new RegExp(`by ${name}\\b`));
  }, 60_000);
});

describe('Kronecker certificates (hand-worked)', () => {
  it('(A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ: the rows of (A ⊗ B)ᵀ are blocks of q (B is p×q), so the entry is read at ((i - 1) q + k, (j - 1) p + l)', () => {
    const certificate = certify('(A ⊗ B)ᵀ', 'Aᵀ ⊗ Bᵀ', 'A: m×n; B: p×q');
    expect(certificate.ok && certificate.text.split('\n')).toEqual([
      "# entrywise proof at block indices found by odot equiv (the engine's proof cites transpose_kron, the statement itself)",
      'given A: m×n',
      'given B: p×q',
      'given p, q: natural',
      'prove (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ',
      'proof',
      '    ((A ⊗ B)ᵀ)[(i - 1) q + k,(j - 1) p + l]',
      '  = (A ⊗ B)[(j - 1) p + l,(i - 1) q + k]   by def_transpose',
      '  = A[j,i] B[l,k]   by def_kron',
      '  = A[j,i] (Bᵀ)[k,l]   by def_transpose   # right to left',
      '  = (Aᵀ)[i,j] (Bᵀ)[k,l]   by def_transpose   # right to left',
      '  = (Aᵀ ⊗ Bᵀ)[(i - 1) q + k,(j - 1) p + l]   by def_kron   # right to left',
      '  (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ   by ext',
      'qed',
      '',
    ]);
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it('without declarations the open sizes are named (B: p×q) and declared natural for the block indices', () => {
    const certificate = certify('(A ⊗ B)ᵀ', 'Aᵀ ⊗ Bᵀ', '');
    expect(certificate.ok && certificate.text.split('\n').slice(1, 6)).toEqual(['given A: m×n', 'given B: p×q', 'given p, q: natural', 'prove (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ', 'proof']);
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it('numeric sizes stand in the block index as numbers', () => {
    const certificate = certify('A ⊗ (B + C)', 'A ⊗ B + A ⊗ C', 'A: 2×3; B, C: 3×2');
    expect(certificate.ok && certificate.text).toContain('    (A ⊗ (B + C))[(i - 1) (3) + k,(j - 1) (2) + l]\n');
    expect(certificate.ok && certificate.text).not.toContain('natural');
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it('the mixed product with ⊙ meets in one mul_comm step (as the proofs guide writes it)', () => {
    const certificate = certify('(A ⊗ B) ⊙ (C ⊗ D)', '(A ⊙ C) ⊗ (B ⊙ D)', 'A, C: m×n; B, D: p×q');
    expect(certificate.ok && certificate.text).toContain('  = A[i,j] C[i,j] (B[k,l] D[k,l])   by mul_comm\n');
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });

  it('the mixed product with the matrix product: the sum over the columns of A ⊗ B is split in blocks of q (B is p×q) by sum_block, then meets by sum_mul_sum', () => {
    const certificate = certify('(A ⊗ B)(C ⊗ D)', '(A C) ⊗ (B D)', 'A: m×n; B: p×q; C: n×r; D: q×s');
    if (!certificate.ok) throw new Error(certificate.reason);
    // The proof of the README (packages/proof/README.md), line by line; by algebra (the index normal form) is not an entrywise proof.
    expect(certificate.text.split('\n')).toEqual([
      "# entrywise proof at block indices found by odot equiv (the engine's proof cites mul_kron_mul, the statement itself)",
      'given A: m×n',
      'given B: p×q',
      'given C: n×r',
      'given D: q×s',
      'given p, q, s: natural',
      'prove A ⊗ B (C ⊗ D) = A C ⊗ (B D)',
      'proof',
      '    (A ⊗ B (C ⊗ D))[(i - 1) p + k,(j - 1) s + l]',
      '  = Σ_t((A ⊗ B)[(i - 1) p + k,t] (C ⊗ D)[t,(j - 1) s + l])   by def_matmul',
      '  = Σ_t(Σ_u((A ⊗ B)[(i - 1) p + k,(t - 1) q + u] (C ⊗ D)[(t - 1) q + u,(j - 1) s + l]))   by sum_block',
      '  = Σ_t(Σ_u(A[i,t] B[k,u] (C ⊗ D)[(t - 1) q + u,(j - 1) s + l]))   by def_kron',
      '  = Σ_t(Σ_u(A[i,t] B[k,u] (C[t,j] D[u,l])))   by def_kron',
      '  = Σ_t(Σ_u(A[i,t] C[t,j] (B[k,u] D[u,l])))   by mul_comm',
      '  = Σ_t(A[i,t] C[t,j]) Σ_u(B[k,u] D[u,l])   by sum_mul_sum   # right to left',
      '  = Σ_t(A[i,t] C[t,j]) (B D)[k,l]   by def_matmul   # right to left',
      '  = (A C)[i,j] (B D)[k,l]   by def_matmul   # right to left',
      '  = (A C ⊗ (B D))[(i - 1) p + k,(j - 1) s + l]   by def_kron   # right to left',
      '  A ⊗ B (C ⊗ D) = A C ⊗ (B D)   by ext',
      'qed',
      '',
    ]);
    expect(certificate.text).not.toContain('by algebra');
    const report = checkProof(certificate.text);
    expect(report.theorems[0]?.steps.map((step) => step.code)).toEqual(Array(10).fill('ok'));
    expect(report.valid).toBe(true);
  });

  it('the mixed product the other way round, and with numeric sizes, is proved entrywise too', () => {
    for (const [left, right, given] of [
      ['(A C) ⊗ (B D)', '(A ⊗ B)(C ⊗ D)', 'A: m×n; B: p×q; C: n×r; D: q×s'],
      ['(A ⊗ B)(C ⊗ D)', '(A C) ⊗ (B D)', 'A: 2×3; B: 2×2; C: 3×2; D: 2×1'],
    ] as const) {
      const certificate = certify(left, right, given);
      if (!certificate.ok) throw new Error(certificate.reason);
      expect(certificate.text).toMatch(/^# entrywise proof at block indices found by odot equiv/);
      expect(certificate.text).toMatch(/by sum_block\b/);
      expect(certificate.text).toMatch(/by sum_mul_sum\b/);
      expect(certificate.text).not.toMatch(/by (algebra|mul_kron_mul)\b/);
      expect(checkProof(certificate.text).valid, certificate.text).toBe(true);
    }
  });

  it('a ⊗ goal the engine proves by its own laws keeps the engine\'s proof', () => {
    const certificate = certify('(A ⊗ B)ᵀ ⊙ J', 'Aᵀ ⊗ Bᵀ', 'A: m×n; B: p×q');
    expect(certificate.ok && certificate.text).toContain('  = Aᵀ ⊗ Bᵀ ⊙ J   by transpose_kron\n');
    expect(certificate.ok && checkProof(certificate.text).valid).toBe(true);
  });
});
