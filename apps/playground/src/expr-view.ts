import { childrenOf, formatError, nodeCaption, walkExpr, type Expr, type OdotError, type ShapeTable } from '@odot/core';
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

/** Deepest tree shown; deeper subtrees are cut with a `…` node (the parser allows deep nesting). */
export const TREE_DEPTH_LIMIT = 60;

/** The parse tree as nested labels. */
export function treeView(expr: Expr, depth = 0): TreeView {
  if (depth >= TREE_DEPTH_LIMIT) return { label: '…', children: [] };
  return { label: nodeCaption(expr), children: childrenOf(expr).map((child) => treeView(child, depth + 1)) };
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
