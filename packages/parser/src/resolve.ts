import { OdotException, diagVec, entry, foldExpr, inferShape, isOpenDim, odotError, withChildren } from '@odot/core';
import type { Expr, Givens, Identifier } from '@odot/core';
import type { Dialect } from './dialect.ts';
import { numberLiteral } from './nodes.ts';

// What only the declarations can decide, applied after parsing when `parse` is given them:
//   - LaTeX `X_{11}` of a declared matrix X (no name `X₁₁` declared) is the entry (1, 1);
//   - numpy's `np.diag(M)` of a matrix M (known not to be a column vector) is its diagonal, as in
//     NumPy, where `np.diag` of a 2-D array extracts the diagonal;
//   - a name that is not declared but is a size of a declaration (`n` in `A: n×n`) used as a
//     value (`A ⊙ n`) is an `undeclared` error: it would otherwise silently be a matrix.

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

interface Resolved {
  readonly expr: Expr;
  /** The first size name used as a value in the subtree, not bound by a Σ around it. */
  readonly suspect?: Identifier;
}

/** Children that are indices or exponents (where a size name is a number, not a value). */
function indexSlots(node: Expr): ReadonlySet<number> {
  switch (node.type) {
    case 'Entry':
      return new Set([1, 2]);
    case 'HadamardPower':
    case 'MatrixPower':
      return new Set([1]);
    default:
      return new Set();
  }
}

function sizeNames(givens: Givens): ReadonlySet<string> {
  const out = new Set<string>();
  for (const info of givens.values()) {
    if (info.shape.kind !== 'matrix') continue;
    for (const d of [info.shape.rows, info.shape.cols]) if (typeof d === 'string') out.add(d);
  }
  return out;
}

/** `X₁₁` → the entry (1, 1) of a declared matrix X, in LaTeX. */
function latexEntry(e: Identifier, givens: Givens): Expr {
  const m = /^(.+?)([₀-₉])([₀-₉])$/u.exec(e.name);
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined || givens.has(e.name)) return e;
  if (givens.get(m[1])?.shape.kind !== 'matrix') return e;
  const digit = (c: string): Expr => numberLiteral(String(SUBSCRIPT.indexOf(c)), e.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });
  return entry({ type: 'Identifier', name: m[1], ...(e.span ? { span: e.span } : {}) }, digit(m[2]), digit(m[3]), e.span);
}

/** numpy `np.diag(M)`: the diagonal of M when M is a matrix that is not a column vector. */
function numpyDiag(e: Expr, givens: Givens): Expr {
  if (e.type !== 'Diag') return e;
  const shape = inferShape(e.operand, givens);
  if (!shape.ok || shape.value.kind !== 'matrix') return e;
  const { rows, cols } = shape.value;
  return !isOpenDim(rows) && !isOpenDim(cols) && cols !== 1 ? diagVec(e.operand, e.span) : e;
}

/**
 * Applies the declarations to a parsed tree (see the top of this file). Iterative; a tree it
 * does not change is returned as is. Throws `OdotException` (`undeclared`) for a size name used
 * as a value.
 */
export function resolveWithGivens(root: Expr, givens: Givens, dialect: Dialect): Expr {
  const sizes = sizeNames(givens);
  const result = foldExpr<Resolved>(root, (node, kids) => {
    let expr = withChildren(node, kids.map((k) => k.expr));
    if (expr.type === 'Identifier' && dialect === 'latex') expr = latexEntry(expr, givens);
    if (dialect === 'numpy') expr = numpyDiag(expr, givens);
    if (expr.type === 'Identifier') {
      return !givens.has(expr.name) && sizes.has(expr.name) ? { expr, suspect: expr } : { expr };
    }
    const slots = indexSlots(expr);
    let suspect = kids.find((k, i) => k.suspect !== undefined && !slots.has(i))?.suspect;
    if (expr.type === 'Sum' && suspect?.name === expr.index) suspect = undefined;
    return suspect === undefined ? { expr } : { expr, suspect };
  });
  if (result.suspect !== undefined) throw new OdotException(undeclaredSize(result.suspect));
  return result.expr;
}

function undeclaredSize(e: Identifier): ReturnType<typeof odotError> {
  return odotError('undeclared', `\`${e.name}\` is not declared: it is a size in the declarations, not a matrix or a scalar`, {
    ...(e.span ? { span: e.span } : {}),
    hints: [`declare it to use it as a number, e.g. \`${e.name}: scalar\` or \`${e.name}: natural\``, `the all-ones matrix of that size is \`J_${e.name}\``],
  });
}
