import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkProof } from './check-proof.ts';
import { checkProofAgainst } from './grade.ts';
import { parseProof } from './parse-proof.ts';

// Whatever a student types, the checker answers with a report, never an exception.
const fragments = [
  'given A, B: m×n',
  'given D: n×n diagonal',
  'given',
  'prove A ⊙ B = B ⊙ A',
  'prove P ⊙ Q ⪰ 0',
  'prove',
  'proof',
  'qed',
  '  A ⊙ B',
  '  = B ⊙ A by hadamard_comm',
  '  = B ⊙ A by',
  '  = by x',
  '  (A ⊙ B)[i,j]',
  '  = A[i,j] B[i,j] by def_hadamard',
  '  A ⊙ B = B ⊙ A by ext',
  '  P ⊙ Q ⪰ 0 by schur',
  '  = Σ_k(A[i,k] B[k,j]) by def_matmul',
  '  = ((( by algebra',
  '```proof',
  '```',
  '# comment',
  '',
];

describe('robustness', () => {
  test.prop([fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 20 })), { maxLength: 14 })], { numRuns: 60, seed: 3 })(
    'parseProof and checkProof never throw',
    (lines) => {
      const text = lines.join('\n');
      const document = parseProof(text);
      for (const error of document.errors) expect(error.span === undefined || error.span.start.line >= 1).toBe(true);
      const report = checkProof(document, { limits: { timeLimitMs: 500 } });
      expect(typeof report.valid).toBe('boolean');
      const grade = checkProofAgainst(text, { goal: 'A ⊙ B = B ⊙ A', givens: 'A, B: m×n', limits: { timeLimitMs: 500 } });
      expect(grade.stepsRight).toBeLessThanOrEqual(grade.stepsTotal);
    },
  );
});
