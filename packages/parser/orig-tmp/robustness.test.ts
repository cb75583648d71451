import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { DIALECTS } from './dialect.ts';
import { parse } from './parse.ts';

// Any text, in any dialect, gets a tree or a diagnostic: never an exception, never an internal
// error, never more than one parse. The pieces are the dialects' tokens, so the strings get deep
// into the grammar rather than failing in the lexer.

const PIECES = [
  'A', 'B', 'x', 'D₁', 'D_1', 'o', 'T', 'k', '0', '1', '2', '1/2', '0.5', ' ', ' ', '\n',
  '⊙', '∘', '.*', '·', '@', '*', '**', '⊗', '+', '-', '−', '=', '≠', '!=', '==', '~=', '⪰', '≻', '>=',
  'ᵀ', "'", '⁻¹', '²', '^', '^⊙', '.^', '.T', '.\'', '(', ')', '[', ']', '{', '}', ',', ';', '_', '&', '\\\\',
  'J', 'I', 'J_{m×n}', 'O_n', 'I_3', 'diag(', 'diagvec(', 'tr(', 'det(', 'inv(', 'kron(', 'psd(', 'dag(', 'Σ_k(', 'sum_k(',
  '\\odot', '\\cdot', '\\otimes', '^\\top', '^{\\circ 2}', '\\frac{1}{2}', '\\operatorname{diag}(', '\\mathbf{J}',
  '\\begin{pmatrix}', '\\end{pmatrix}', '\\succeq', '\\neq', '\\left(', '\\right)', '\\sum_{k}',
  'np.kron(', 'np.array(', 'np.ones((', 'np.linalg.inv(', 'np.diag(', 'ones(', 'eye(', 'zeros(',
];

test.prop([fc.constantFrom(...DIALECTS), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 })], { numRuns: 3000 })(
  'parse answers every input with a tree or a diagnostic',
  (dialect, pieces) => {
    const text = pieces.join('');
    const result = parse(text, { dialect });
    if (!result.ok) {
      expect(['internal', 'ambiguous']).not.toContain(result.error.code);
      expect(result.error.message.length).toBeGreaterThan(0);
      if (result.error.span !== undefined) {
        expect(result.error.span.start.offset).toBeGreaterThanOrEqual(0);
        expect(result.error.span.end.offset).toBeLessThanOrEqual(text.length);
      }
    }
  },
);

test.prop([fc.string({ maxLength: 60 }), fc.constantFrom(...DIALECTS)], { numRuns: 1000 })('arbitrary strings too', (text, dialect) => {
  const result = parse(text, { dialect });
  if (!result.ok) expect(['internal', 'ambiguous']).not.toContain(result.error.code);
});
