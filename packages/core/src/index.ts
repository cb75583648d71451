export type { Point, Span } from './span.ts';
export { joinSpans } from './span.ts';
export { assertNever } from './assert-never.ts';
export type { Property } from './property.ts';
export { PROPERTIES, isProperty } from './property.ts';
export type {
  Add,
  BinaryExpr,
  Claim,
  Det,
  Diag,
  DiagVec,
  DimLiteral,
  Entry,
  Equal,
  Expr,
  ExprOf,
  ExprType,
  Hadamard,
  HadamardPower,
  Identifier,
  Identity,
  Inverse,
  Kronecker,
  MatMul,
  MatrixLiteral,
  MatrixPower,
  Neg,
  NotEqual,
  NumberLiteral,
  Ones,
  ScalarMul,
  Statement,
  Sub,
  Sum,
  Trace,
  Transpose,
  Zero,
} from './expr.ts';
export { VISITOR_KEYS, childrenOf } from './visitor-keys.ts';
export type { OdotError, Result, Severity } from './error.ts';
export { OdotException, fail, formatError, odotError, ok } from './error.ts';
export type { Dim, MatrixShape, ScalarShape, Shape } from './shape.ts';
export { SCALAR, formatShape, matrixShape } from './shape.ts';
export type { Declaration, Givens, SymbolInfo } from './declaration.ts';
export { givensFrom } from './declaration.ts';
export {
  add,
  claim,
  det,
  diag,
  diagVec,
  entry,
  equal,
  hadamard,
  hadamardPower,
  identifier,
  identity,
  inverse,
  kronecker,
  matMul,
  matrixLiteral,
  matrixPower,
  neg,
  notEqual,
  numberLiteral,
  ones,
  scalarMul,
  sub,
  sum,
  trace,
  transpose,
  zero,
} from './build.ts';
