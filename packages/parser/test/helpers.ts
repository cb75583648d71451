import { exprEquals, printAscii, printLatex, printPlain, printSexpr, stripSpans, toJson } from '@odot/core';
import type { Expr } from '@odot/core';
import { expect } from 'vitest';
import type { Dialect } from '../src/dialect.ts';
import { parse } from '../src/parse.ts';
import { parseAll } from '../src/parse.ts';

/** Every node of a tree with its parent (iterative: trees from long chains are deep). */
function nodes(root: Expr): { node: Expr; parent: Expr | undefined }[] {
  const out: { node: Expr; parent: Expr | undefined }[] = [];
  const stack: { node: Expr; parent: Expr | undefined }[] = [{ node: root, parent: undefined }];
  while (stack.length > 0) {
    const item = stack.pop() as { node: Expr; parent: Expr | undefined };
    out.push(item);
    const n = item.node as unknown as Record<string, unknown>;
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) {
        for (const row of value as unknown[]) {
          for (const e of row as Expr[]) stack.push({ node: e, parent: item.node });
        }
      } else if (typeof value === 'object' && value !== null && 'type' in value) {
        stack.push({ node: value as Expr, parent: item.node });
      }
    }
  }
  return out;
}

/** Every node has a span inside the text, consistent line/column/offset, and inside its parent's span. */
export function expectWellFormedSpans(expr: Expr, text: string): void {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (const { node, parent } of nodes(expr)) {
    const span = node.span;
    expect(span, `${node.type} has a span`).toBeDefined();
    if (span === undefined) continue;
    for (const p of [span.start, span.end]) {
      expect(p.offset).toBeGreaterThanOrEqual(0);
      expect(p.offset).toBeLessThanOrEqual(text.length);
      expect(lineStarts[p.line - 1], `line of offset ${p.offset}`).toBe(p.offset - (p.column - 1));
    }
    expect(span.start.offset).toBeLessThanOrEqual(span.end.offset);
    if (parent?.span !== undefined && node.span !== undefined) {
      expect(node.span.start.offset).toBeGreaterThanOrEqual(parent.span.start.offset);
      expect(node.span.end.offset).toBeLessThanOrEqual(parent.span.end.offset);
    }
  }
}

/**
 * Parses `text` and checks what every valid input must satisfy: exactly one parse (an ambiguity
 * fails the test), the same tree with and without spans (spans carry no structure), well-formed
 * spans, and `parse(print(e))` equal to `e` for the plain, ASCII and LaTeX printers.
 */
export function parseOne(text: string, dialect: Dialect = 'plain'): Expr {
  const { results } = parseAll(text, dialect);
  expect(results.length, `number of parses of ${JSON.stringify(text)}`).toBe(1);
  const expr = results[0] as Expr;
  const bare = stripSpans(expr);
  expect(exprEquals(expr, bare)).toBe(true);
  expect(toJson(expr)).toBe(toJson(bare));
  expect(JSON.stringify(bare)).not.toContain('"span"');
  expectWellFormedSpans(expr, text);
  expectRoundTrip(expr);
  return expr;
}

/** The tree of a successful parse (fails the test with the diagnostic otherwise). */
export function parseOk(text: string, dialect: Dialect = 'plain'): Expr {
  const result = parse(text, { dialect });
  if (!result.ok) expect.fail(`${JSON.stringify(text)} (${dialect}): ${result.error.code}: ${result.error.message}`);
  return result.value.expr;
}

/** `parse(print(e))` is `e` for the plain and ASCII printers (plain dialect) and LaTeX (latex dialect). */
export function expectRoundTrip(expr: Expr, printers: readonly Printer[] = PRINTERS): void {
  for (const { name, print, dialect } of printers) {
    const text = print(expr);
    const back = parse(text, { dialect });
    if (!back.ok) expect.fail(`${name} text ${JSON.stringify(text)} of ${printSexpr(expr)} does not parse: ${back.error.message}`);
    expect(printSexpr(back.value.expr), `${name} round trip of ${JSON.stringify(text)}`).toBe(printSexpr(expr));
    expect(exprEquals(back.value.expr, expr), `${name} round trip of ${JSON.stringify(text)}`).toBe(true);
  }
}

/** A printer and the dialect that reads its output. */
export interface Printer {
  readonly name: string;
  readonly print: (e: Expr) => string;
  readonly dialect: Dialect;
}

/** The core printers whose output parses back. */
export const PRINTERS: readonly Printer[] = [
  { name: 'plain', print: printPlain, dialect: 'plain' },
  { name: 'ascii', print: printAscii, dialect: 'plain' },
  { name: 'latex', print: printLatex, dialect: 'latex' },
];
