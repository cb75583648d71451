import type { Expr, HadamardPower, Identifier, Inverse, MatrixPower, Neg, NumberLiteral, ScalarMul, Span, Transpose } from '@odot/core';

// The @odot/core builders for the nodes the parser makes most often, written as object literals
// with the span in place: the core builders add the span with an object spread, a second
// allocation and a slow copy on the parser's hot path. Same nodes, same key order.

/** `A`, `D₁`, `i`, with its span. */
export function identifier(name: string, span: Span): Identifier {
  return { type: 'Identifier', name, span };
}

/** An exact number from its text (`"7"`, `"0.25"`, `"1/2"`), with its span. */
export function numberLiteral(value: string, span: Span): NumberLiteral {
  const kind = value.includes('/') ? 'fraction' : /[.eE]/.test(value) ? 'decimal' : 'integer';
  return { type: 'NumberLiteral', kind, value, span };
}

/** `-A`, with its span. */
export function neg(operand: Expr, span: Span): Neg {
  return { type: 'Neg', operand, span };
}

/** `2A`, with its span. */
export function scalarMul(scalar: Expr, operand: Expr, span: Span): ScalarMul {
  return { type: 'ScalarMul', scalar, operand, span };
}

/** `Aᵀ`, with its span. */
export function transpose(operand: Expr, span: Span): Transpose {
  return { type: 'Transpose', operand, span };
}

/** `A⁻¹`, with its span. */
export function inverse(operand: Expr, span: Span): Inverse {
  return { type: 'Inverse', operand, span };
}

/** `A^k`, with its span. */
export function matrixPower(base: Expr, exponent: Expr, span: Span): MatrixPower {
  return { type: 'MatrixPower', base, exponent, span };
}

/** `A^⊙k`, with its span. */
export function hadamardPower(base: Expr, exponent: Expr, span: Span): HadamardPower {
  return { type: 'HadamardPower', base, exponent, span };
}
