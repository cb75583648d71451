import { assertNever, childrenOf, formatError, walkExpr, type Expr, type OdotError, type ShapeTable } from '@odot/core';
import type { DiagnosticView, SizedSymbol, TreeView } from './protocol.ts';

/** A diagnostic as the page shows it: the compiler-style text (with the caret) plus its position. */
export function diagnosticView(error: OdotError, source?: string): DiagnosticView {
  const base = {
    code: error.code,
    severity: error.severity,
    message: error.message,
    formatted: formatError(error, source),
  };
  if (!error.span) return base;
  const { start, end } = error.span;
  return { ...base, line: start.line, column: start.column, from: start.offset, to: Math.max(end.offset, start.offset) };
}

/** The label of one node in the parse tree view: its type and, for leaves, what it holds. */
export function nodeLabel(expr: Expr): string {
  switch (expr.type) {
    case 'Identifier':
      return `Identifier ${expr.name}`;
    case 'NumberLiteral':
      return `Number ${expr.value}`;
    case 'MatrixLiteral':
      return `Matrix ${expr.rows.length}×${expr.rows[0]?.length ?? 0}`;
    case 'Ones':
    case 'Zero':
      return expr.rows === undefined ? expr.type : `${expr.type} ${expr.rows}×${expr.cols ?? expr.rows}`;
    case 'Identity':
      return expr.size === undefined ? 'Identity' : `Identity ${expr.size}`;
    case 'Sum':
      return `Sum over ${expr.index}`;
    case 'Claim':
      return `Claim ${expr.property}`;
    case 'Hadamard':
    case 'MatMul':
    case 'Kronecker':
    case 'Add':
    case 'Sub':
    case 'Neg':
    case 'ScalarMul':
    case 'Transpose':
    case 'HadamardPower':
    case 'MatrixPower':
    case 'Inverse':
    case 'Diag':
    case 'DiagVec':
    case 'Trace':
    case 'Det':
    case 'Entry':
    case 'Equal':
    case 'NotEqual':
      return expr.type;
    default:
      return assertNever(expr);
  }
}

/** Deepest tree shown; deeper subtrees are cut with a `…` node (the parser allows deep nesting). */
export const TREE_DEPTH_LIMIT = 60;

/** The parse tree as nested labels. */
export function treeView(expr: Expr, depth = 0): TreeView {
  if (depth >= TREE_DEPTH_LIMIT) return { label: '…', children: [] };
  return { label: nodeLabel(expr), children: childrenOf(expr).map((child) => treeView(child, depth + 1)) };
}

/** Identifiers that name values (not entry or sum indices), in order of first appearance. */
export function freeSymbols(expr: Expr): string[] {
  const indices = new Set<string>();
  const names: string[] = [];
  walkExpr(expr, (node) => {
    if (node.type === 'Entry') {
      for (const index of [node.row, node.col]) if (index.type === 'Identifier') indices.add(index.name);
    } else if (node.type === 'Sum') indices.add(node.index);
    else if (node.type === 'Identifier' && !names.includes(node.name)) names.push(node.name);
  });
  return names.filter((name) => !indices.has(name));
}

/** The free symbols whose shape the table fixes: scalars, or matrices with numeric sizes. */
export function sizedSymbols(expr: Expr, table: ShapeTable): SizedSymbol[] {
  const free = new Set(freeSymbols(expr));
  const out = new Map<string, SizedSymbol>();
  walkExpr(expr, (node) => {
    if (node.type !== 'Identifier' || !free.has(node.name) || out.has(node.name)) return;
    const shape = table.shapeOf(node);
    if (shape.kind === 'scalar') out.set(node.name, { name: node.name, scalar: true, rows: 1, cols: 1 });
    else if (typeof shape.rows === 'number' && typeof shape.cols === 'number') out.set(node.name, { name: node.name, scalar: false, rows: shape.rows, cols: shape.cols });
  });
  return [...out.values()];
}
