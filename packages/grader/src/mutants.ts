import { printExpr, type Expr } from '@odot/core';
import { misconception, type Mutant } from '@odot/rewrite';

// The misconception catalogue itself (codes, buggy rules, `mutantsOf`) lives in @odot/rewrite, shared
// with the proof checker's `buggy-rule` diagnoses; this file keeps the grader's wording of them.
export type { Misconception, Mutant } from '@odot/rewrite';
export { MISCONCEPTION_CODES as MISCONCEPTIONS, mutantsOf } from '@odot/rewrite';

function entryFormula(node: Expr): string {
  if (node.type === 'Hadamard' && node.left.type === 'Identifier' && node.right.type === 'Identifier' && node.left.name !== node.right.name) {
    const [x, y] = [node.left.name, node.right.name];
    return `(${x} ⊙ ${y})ᵢⱼ = ${x}ᵢⱼ·${y}ᵢⱼ`;
  }
  return 'entry (i, j) of the result is the product of the two entries (i, j)';
}

/**
 * Feedback in words for a recognised misconception. `shapes` (of what the student computed and of
 * the answer, when known) let a matrix product of two vectors be called the dot product (1×1) or
 * the outer product (n×n). `expression` is the student's expression as they wrote it, on an
 * expression question (then nothing speaks of rows, columns or entries they wrote).
 */
export function misconceptionMessage(
  m: Mutant,
  shapes?: { readonly got: { readonly rows: number; readonly cols: number }; readonly expected: { readonly rows: number; readonly cols: number } },
  expression?: string,
): string {
  const wrong = printExpr(m.wrong, 'plain');
  const right = printExpr(m.right, 'plain');
  const formula = entryFormula(m.right);
  switch (m.code) {
    case 'matmul-instead-of-hadamard': {
      const vectors = shapes !== undefined && (shapes.expected.cols === 1 || shapes.expected.rows === 1) && shapes.expected.rows * shapes.expected.cols > 1;
      const dot = vectors && shapes.got.rows === 1 && shapes.got.cols === 1;
      const outer = vectors && shapes.got.rows > 1 && shapes.got.cols > 1;
      const name = dot ? 'the dot product' : outer ? 'the outer product' : 'the matrix product';
      return `You computed ${name} ${wrong}; the Hadamard product ${right} multiplies entry by entry: ${formula}, with no sum over k.`;
    }
    case 'kronecker-instead-of-hadamard':
      return `You computed the Kronecker product ${wrong}, which multiplies every entry by the whole other matrix; the Hadamard product ${right} only multiplies entries in the same position and keeps the shape.`;
    case 'sum-instead-of-product':
      return `You added the entries (${wrong}); the Hadamard product ${right} multiplies them: ${formula}.`;
    case 'hadamard-instead-of-matmul':
      return `You multiplied entry by entry (${wrong}); ${right} is the matrix product: entry (i, j) is row i of the left factor times column j of the right factor, summed over k.`;
    case 'swapped-operands':
      return `You computed ${wrong} instead of ${right}: the order of the operands matters here (the matrix product is not commutative).`;
    case 'transposed':
      if (expression !== undefined) return `Your answer ${expression} is the transpose of the expected expression ${right}.`;
      return `Your matrix is the transpose of the answer: you gave (${right})ᵀ. Check which index is the row and which the column.`;
    case 'identity-hadamard':
    case 'hadamard-matmul-mixed':
    case 'transpose-product-order':
    case 'transpose-indices':
    case 'dropped-cross-terms':
    case 'diagonal-side': {
      const known = misconception(m.code);
      return `You computed ${wrong} instead of ${right}: ${known.rule} is a known mistake; ${known.lesson}.`;
    }
  }
}
