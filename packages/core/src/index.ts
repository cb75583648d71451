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
export { displayWidth } from './display-width.ts';
export { SOURCE_WINDOW, sourceWindow } from './source-window.ts';
export type { SourceWindow } from './source-window.ts';
export type { Dim, DimProduct } from './dim.ts';
export { dimEquals, dimFactors, dimProduct, dimSize, dimSymbols, formatDim, isOpenDim, parseDim } from './dim.ts';
export type { MatrixShape, ScalarShape, Shape } from './shape.ts';
export { SCALAR, formatShape, matrixShape, shapeEquals } from './shape.ts';
export type { Declaration, Givens, ScalarDomain, SymbolInfo } from './declaration.ts';
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
export { exprEquals } from './expr-equals.ts';
export { hashExpr } from './hash-expr.ts';
export { nodeCaption, nodeLabel } from './node-label.ts';
export { stripSpans } from './strip-spans.ts';
export { mapChildren } from './map-children.ts';
export { walkExpr } from './walk-expr.ts';
export { indexNames, sumIndices } from './index-names.ts';
export { foldExpr } from './fold-expr.ts';
export { foldTree, type FoldHooks, type FoldStep } from './fold-tree.ts';
export { withChildren } from './with-children.ts';
export { printAscii, printLatex, printPlain } from './print-text.ts';
export { printSexpr } from './print-sexpr.ts';
export type { ToJsonOptions } from './to-json.ts';
export { toJson } from './to-json.ts';
export { jsonText } from './json-text.ts';
export type { PrintFormat } from './print-expr.ts';
export { PRINT_FORMATS, printExpr } from './print-expr.ts';
export { printDeclaration } from './print-declaration.ts';
export { SHAPE_RULES, shapeByRule } from './shape-rules.ts';
export type { ShapeNode, ShapeRule } from './shape-rules.ts';
export type { LazyError, ShapeDomain } from './shape-domain.ts';
export type { ShapeKind, ShapeTable } from './infer-shape.ts';
export { inferShape, inferShapes, inferShapesByUnification } from './infer-shape.ts';
export { closest, editDistance } from './suggest.ts';
export { didYouMean, nameTable, suggestedNames, normaliseName, resolveName, type NameResolution, type NameTable } from './resolve-name.ts';
export type { Fence } from './markdown-fences.ts';
export { scanFences } from './markdown-fences.ts';
export type { BudgetLimits, Limit, LimitKind } from './budget.ts';
export { Budget, LimitReached, formatLimit, termBuilt, tick, withBudget } from './budget.ts';
export { CHAIN_TYPES, MAX_DEPTH, nestingDepth, tooDeep } from './nesting.ts';
export type { Replaced } from './backslash.ts';
export { BACKSLASH_SYMBOLS, replaceBackslashNames } from './backslash.ts';
