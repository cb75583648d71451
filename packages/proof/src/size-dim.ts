import { dimFactors, dimProduct, identifier, isOpenDim, numberLiteral, type Dim, type Expr } from '@odot/core';

// A size written in an expression, as Kronecker block indices use it (`(i - 1) p + k`): a number,
// a size symbol (declared `natural`) or a product of those.

/**
 * The dimension an expression in an index names when it is a size: a positive integer literal, a
 * symbol, or a product of those (`p r`, `2 · p`); undefined for anything else.
 */
export function sizeDim(expr: Expr): Dim | undefined {
  switch (expr.type) {
    case 'NumberLiteral':
      return /^[1-9]\d*$/.test(expr.value) ? Number(expr.value) : undefined;
    case 'Identifier':
      return expr.name;
    case 'MatMul':
    case 'ScalarMul': {
      const [a, b] = expr.type === 'MatMul' ? [expr.left, expr.right] : [expr.scalar, expr.operand];
      const left = sizeDim(a);
      const right = sizeDim(b);
      return left !== undefined && right !== undefined ? dimProduct([left, right]) : undefined;
    }
    default:
      return undefined;
  }
}

/** A dimension as an expression for an index: `3`, `p`, `p r` (a product of its factors, the coefficient first). */
export function sizeExpr(dim: Dim): Expr | undefined {
  if (isOpenDim(dim)) return undefined;
  const { coef, factors } = dimFactors(dim);
  if (coef < 1) return undefined;
  const parts: Expr[] = [...(coef === 1 && factors.length > 0 ? [] : [numberLiteral(String(coef))]), ...factors.map((name) => identifier(name))];
  return parts.slice(1).reduce<Expr>((acc, part) => ({ type: 'MatMul', left: acc, right: part }), parts[0] as Expr);
}

/** `dim / size` when `size` divides `dim` as dimensions (its coefficient divides and its symbols are among dim's); else undefined. */
export function dimQuotient(dim: Dim, size: Dim): Dim | undefined {
  if (isOpenDim(size)) return undefined;
  const whole = dimFactors(dim);
  const part = dimFactors(size);
  if (part.coef < 1 || whole.coef % part.coef !== 0) return undefined;
  const rest = [...whole.factors];
  for (const factor of part.factors) {
    const at = rest.indexOf(factor);
    if (at < 0) return undefined;
    rest.splice(at, 1);
  }
  return dimProduct([whole.coef / part.coef, ...rest]);
}
