import { add, childrenOf, hadamard, kronecker, mapChildren, matMul, printExpr, sub, transpose, type Expr } from '@odot/core';

/** The misconceptions a wrong answer can be classified as, in the order they are tried. */
export const MISCONCEPTIONS = [
  'matmul-instead-of-hadamard',
  'kronecker-instead-of-hadamard',
  'sum-instead-of-product',
  'hadamard-instead-of-matmul',
  'swapped-operands',
  'transposed',
] as const;

/** A known mistake: one of `MISCONCEPTIONS`. */
export type Misconception = (typeof MISCONCEPTIONS)[number];

/** The answer a student would give with one known misconception. */
export interface Mutant {
  readonly code: Misconception;
  /** The whole mistaken answer. */
  readonly expr: Expr;
  /** The sub-expression the student computed instead (e.g. `A B`), and the one that was asked (`A ⊙ B`). */
  readonly wrong: Expr;
  readonly right: Expr;
}

function local(node: Expr): { code: Misconception; wrong: Expr }[] {
  switch (node.type) {
    case 'Hadamard': {
      const { left: l, right: r } = node;
      return [
        { code: 'matmul-instead-of-hadamard', wrong: matMul(l, r) },
        { code: 'matmul-instead-of-hadamard', wrong: matMul(r, l) },
        { code: 'matmul-instead-of-hadamard', wrong: matMul(l, transpose(r)) },
        { code: 'matmul-instead-of-hadamard', wrong: matMul(transpose(l), r) },
        { code: 'kronecker-instead-of-hadamard', wrong: kronecker(l, r) },
        { code: 'kronecker-instead-of-hadamard', wrong: kronecker(r, l) },
        { code: 'sum-instead-of-product', wrong: add(l, r) },
      ];
    }
    case 'MatMul':
      return [
        { code: 'hadamard-instead-of-matmul', wrong: hadamard(node.left, node.right) },
        { code: 'swapped-operands', wrong: matMul(node.right, node.left) },
      ];
    case 'Kronecker':
      return [{ code: 'swapped-operands', wrong: kronecker(node.right, node.left) }];
    case 'Sub':
      return [{ code: 'swapped-operands', wrong: sub(node.right, node.left) }];
    default:
      return [];
  }
}

function collect(node: Expr, rebuild: (replacement: Expr) => Expr, out: Mutant[]): void {
  for (const m of local(node)) out.push({ code: m.code, expr: rebuild(m.wrong), wrong: m.wrong, right: node });
  if (node.type === 'MatrixLiteral') return;
  const children = childrenOf(node);
  children.forEach((child, k) => {
    collect(child, (replacement) => rebuild(mapChildren(node, (c, i) => (i === k ? replacement : c))), out);
  });
}

/**
 * Every answer a student with one known misconception would give for `answer`: each ⊙ replaced by
 * a matrix product (both orders, and with one side transposed where shapes then fit), by ⊗, or by +;
 * each matrix product by ⊙ or with its factors swapped; each − and ⊗ swapped; and the whole answer
 * transposed. Sorted by `MISCONCEPTIONS` order (stable within a code).
 */
export function mutantsOf(answer: Expr): Mutant[] {
  const out: Mutant[] = [];
  collect(answer, (replacement) => replacement, out);
  out.push({ code: 'transposed', expr: transpose(answer), wrong: transpose(answer), right: answer });
  return out
    .map((m, k) => ({ m, k }))
    .sort((a, b) => MISCONCEPTIONS.indexOf(a.m.code) - MISCONCEPTIONS.indexOf(b.m.code) || a.k - b.k)
    .map(({ m }) => m);
}

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
  }
}
