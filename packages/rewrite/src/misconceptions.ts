import {
  add,
  childrenOf,
  entry,
  hadamard,
  hadamardPower,
  kronecker,
  mapChildren,
  matMul,
  matrixPower,
  sub,
  transpose,
  type Expr,
} from '@odot/core';

/**
 * The known mistakes — odot's one misconception catalogue. The grader uses it to classify a wrong
 * matrix or expression answer (`mutantsOf` of the model answer), the proof checker to name a false
 * step (`buggy-rule`: the step is what this mistake makes of the line before). Each entry says the
 * buggy rule as a student would write it and the lesson a tutor would give. Order matters: it is
 * the order in which diagnoses are tried.
 */
export const MISCONCEPTIONS = [
  { code: 'matmul-instead-of-hadamard', rule: 'A ⊙ B = A B', lesson: 'the Hadamard product multiplies entry by entry, with no sum over k' },
  { code: 'kronecker-instead-of-hadamard', rule: 'A ⊙ B = A ⊗ B', lesson: 'the Hadamard product only multiplies entries in the same position and keeps the shape' },
  { code: 'sum-instead-of-product', rule: 'A ⊙ B = A + B', lesson: 'the Hadamard product multiplies the entries, it does not add them' },
  { code: 'hadamard-instead-of-matmul', rule: 'A B = A ⊙ B', lesson: 'entry (i, j) of a matrix product is row i times column j, summed over k' },
  { code: 'swapped-operands', rule: 'A B = B A', lesson: 'the order of the operands matters here (the matrix product is not commutative)' },
  { code: 'transposed', rule: 'X = Xᵀ', lesson: 'the result is transposed: check which index is the row and which the column' },
  { code: 'identity-hadamard', rule: 'I ⊙ A = A', lesson: 'I ⊙ A keeps only the diagonal of A (identity_hadamard: I ⊙ A = diag(diagvec(A))); J is the unit of ⊙' },
  { code: 'hadamard-matmul-mixed', rule: '(A B) ⊙ C = (A ⊙ C) B', lesson: 'the Hadamard product does not distribute into a matrix product; only a diagonal matrix moves across (diagonal_hadamard_mul)' },
  { code: 'transpose-product-order', rule: '(A B)ᵀ = Aᵀ Bᵀ', lesson: 'the transpose of a product reverses the factors: (A B)ᵀ = Bᵀ Aᵀ (transpose_mul)' },
  { code: 'transpose-indices', rule: 'Aᵀ[i,j] = A[i,j]', lesson: 'the transpose swaps the indices: Aᵀ[i,j] = A[j,i] (def_transpose)' },
  { code: 'dropped-cross-terms', rule: '(A + B) ⊙ (C + D) = A ⊙ C + B ⊙ D', lesson: 'expanding a product of sums gives every product of a term of one with a term of the other, cross terms included' },
  { code: 'diagonal-side', rule: 'D (A ⊙ B) = (A D) ⊙ B', lesson: 'a diagonal factor stays on its side: D (A ⊙ B) = (D A) ⊙ B and (A ⊙ B) D = (A D) ⊙ B (diagonal_hadamard_mul)' },
] as const;

/** A misconception's code (`swapped-operands`, `identity-hadamard`, …). */
export type Misconception = (typeof MISCONCEPTIONS)[number]['code'];

/** The codes of `MISCONCEPTIONS`, in order. */
export const MISCONCEPTION_CODES: readonly Misconception[] = MISCONCEPTIONS.map((m) => m.code);

/** The catalogue entry of a code. */
export function misconception(code: Misconception): (typeof MISCONCEPTIONS)[number] {
  return MISCONCEPTIONS.find((m) => m.code === code) as (typeof MISCONCEPTIONS)[number];
}

/** What one misconception makes of an expression. */
export interface Mutant {
  readonly code: Misconception;
  /** The whole mistaken expression. */
  readonly expr: Expr;
  /** The sub-expression the student wrote instead (e.g. `A B`), and the one that was there (`A ⊙ B`). */
  readonly wrong: Expr;
  readonly right: Expr;
}

type Local = { readonly code: Misconception; readonly wrong: Expr };

function hadamardMistakes(l: Expr, r: Expr): Local[] {
  const out: Local[] = [
    { code: 'matmul-instead-of-hadamard', wrong: matMul(l, r) },
    { code: 'matmul-instead-of-hadamard', wrong: matMul(r, l) },
    { code: 'matmul-instead-of-hadamard', wrong: matMul(l, transpose(r)) },
    { code: 'matmul-instead-of-hadamard', wrong: matMul(transpose(l), r) },
    { code: 'kronecker-instead-of-hadamard', wrong: kronecker(l, r) },
    { code: 'kronecker-instead-of-hadamard', wrong: kronecker(r, l) },
    { code: 'sum-instead-of-product', wrong: add(l, r) },
  ];
  if (l.type === 'Identity') out.push({ code: 'identity-hadamard', wrong: r });
  if (r.type === 'Identity') out.push({ code: 'identity-hadamard', wrong: l });
  if (l.type === 'MatMul') out.push({ code: 'hadamard-matmul-mixed', wrong: matMul(hadamard(l.left, r), l.right) }, { code: 'hadamard-matmul-mixed', wrong: matMul(l.left, hadamard(l.right, r)) });
  if (r.type === 'MatMul') out.push({ code: 'hadamard-matmul-mixed', wrong: matMul(hadamard(l, r.left), r.right) }, { code: 'hadamard-matmul-mixed', wrong: matMul(r.left, hadamard(l, r.right)) });
  out.push(...crossTerms(l, r, hadamard));
  return out;
}

/** `(A + B) ∘ (C + D) → A ∘ C + B ∘ D` (and `(A + B) ∘ C → A ∘ C + B`-style halves are not mistakes we name). */
function crossTerms(l: Expr, r: Expr, product: (a: Expr, b: Expr) => Expr): Local[] {
  if (l.type === 'Add' && r.type === 'Add') {
    return [{ code: 'dropped-cross-terms', wrong: add(product(l.left, r.left), product(l.right, r.right)) }];
  }
  return [];
}

/** `D (A ⊙ B) → (A D) ⊙ B` and the like: a factor beside a Hadamard product moved to the other side of an operand. */
function diagonalSide(node: Expr & { readonly type: 'MatMul' }): Local[] {
  const { left, right } = node;
  if (right.type === 'Hadamard') {
    return [
      { code: 'diagonal-side', wrong: hadamard(matMul(right.left, left), right.right) },
      { code: 'diagonal-side', wrong: hadamard(right.left, matMul(right.right, left)) },
    ];
  }
  if (left.type === 'Hadamard') {
    return [
      { code: 'diagonal-side', wrong: hadamard(matMul(right, left.left), left.right) },
      { code: 'diagonal-side', wrong: hadamard(left.left, matMul(right, left.right)) },
    ];
  }
  return [];
}

function squareOfSum(node: Expr): Local[] {
  const two = (e: Expr): boolean => e.type === 'NumberLiteral' && e.value === '2';
  if (node.type === 'HadamardPower' && node.base.type === 'Add' && two(node.exponent)) {
    return [{ code: 'dropped-cross-terms', wrong: add(hadamardPower(node.base.left, node.exponent), hadamardPower(node.base.right, node.exponent)) }];
  }
  if (node.type === 'MatrixPower' && node.base.type === 'Add' && two(node.exponent)) {
    return [{ code: 'dropped-cross-terms', wrong: add(matrixPower(node.base.left, node.exponent), matrixPower(node.base.right, node.exponent)) }];
  }
  return [];
}

function local(node: Expr): Local[] {
  switch (node.type) {
    case 'Hadamard':
      return hadamardMistakes(node.left, node.right);
    case 'MatMul':
      return [
        { code: 'hadamard-instead-of-matmul', wrong: hadamard(node.left, node.right) },
        { code: 'swapped-operands', wrong: matMul(node.right, node.left) },
        ...crossTerms(node.left, node.right, matMul),
        ...diagonalSide(node),
      ];
    case 'Kronecker':
      return [{ code: 'swapped-operands', wrong: kronecker(node.right, node.left) }];
    case 'Sub':
      return [{ code: 'swapped-operands', wrong: sub(node.right, node.left) }];
    case 'Transpose':
      return node.operand.type === 'MatMul' ? [{ code: 'transpose-product-order', wrong: matMul(transpose(node.operand.left), transpose(node.operand.right)) }] : [];
    case 'Entry':
      return node.matrix.type === 'Transpose' ? [{ code: 'transpose-indices', wrong: entry(node.matrix.operand, node.row, node.col) }] : [];
    default:
      return squareOfSum(node);
  }
}

/**
 * Every expression a student with one known misconception would write for `expr`: each
 * sub-expression replaced by what one mistake of `MISCONCEPTIONS` makes of it (⊙ read as a matrix
 * product, ⊗ or +; a matrix product read as ⊙ or with its factors swapped; `I ⊙ A` as `A`; the
 * factors of a transposed product kept in order; …), plus the whole expression transposed. Sorted
 * by catalogue order (stable within a code). The walk is bounded by the size of `expr`.
 */
export function mutantsOf(expr: Expr): Mutant[] {
  const out: Mutant[] = [];
  // An explicit stack of (node, rebuild) pairs: no recursion on user input.
  const stack: { node: Expr; rebuild: (replacement: Expr) => Expr }[] = [{ node: expr, rebuild: (r) => r }];
  while (stack.length > 0) {
    const { node, rebuild } = stack.pop() as (typeof stack)[number];
    for (const m of local(node)) out.push({ code: m.code, expr: rebuild(m.wrong), wrong: m.wrong, right: node });
    if (node.type === 'MatrixLiteral') continue;
    const children = childrenOf(node);
    for (let k = children.length - 1; k >= 0; k--) {
      stack.push({ node: children[k] as Expr, rebuild: (replacement) => rebuild(mapChildren(node, (c, i) => (i === k ? replacement : c))) });
    }
  }
  out.push({ code: 'transposed', expr: transpose(expr), wrong: transpose(expr), right: expr });
  const order = (code: Misconception): number => MISCONCEPTION_CODES.indexOf(code);
  return out
    .map((m, k) => ({ m, k }))
    .sort((a, b) => order(a.m.code) - order(b.m.code) || a.k - b.k)
    .map(({ m }) => m);
}
