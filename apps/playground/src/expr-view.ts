import { formatError, walkExpr, type Expr, type OdotError } from '@odot/core';
import type { DiagnosticView } from './protocol.ts';

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
