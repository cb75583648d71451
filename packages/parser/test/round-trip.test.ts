import { fc, test } from '@fast-check/vitest';
import { exprEquals, printAscii, printLatex, printPlain, printSexpr } from '@odot/core';
import type { Expr } from '@odot/core';
import { describe, expect } from 'vitest';
import type { Dialect } from '../src/dialect.ts';
import { parse } from '../src/parse.ts';
import { parseAll } from '../src/parse.ts';
import { arbitraryExpr, arbitraryStatement } from './arbitrary.ts';
import { printMatlab, printNumpy, Unspellable } from './dialect-printers.ts';

// parse(print(e)) ≡ e for random trees, in every dialect that can express them: plain (Unicode
// and ASCII printers), latex (core printers), numpy and matlab (the small printers in
// dialect-printers.ts; trees they cannot spell, e.g. unsized J or a fraction coefficient in
// numpy, are skipped with fc.pre). Each parse must also be the only parse.

function reparses(text: string, dialect: Dialect, expected: Expr): void {
  const { results } = parseAll(text, dialect);
  expect(results.length, `parses of ${JSON.stringify(text)}`).toBe(1);
  const result = parse(text, { dialect });
  if (!result.ok) expect.fail(`${dialect}: ${JSON.stringify(text)} does not parse: ${result.error.message}`);
  const back = result.value.expr;
  if (!exprEquals(back, expected)) {
    expect.fail(`${dialect}: ${JSON.stringify(text)}\n  parsed  ${printSexpr(back)}\n  printed ${printSexpr(expected)}`);
  }
}

function printable(print: (e: Expr) => string, e: Expr): string | undefined {
  try {
    return print(e);
  } catch (error) {
    if (error instanceof Unspellable) return undefined;
    throw error;
  }
}

describe('round trip through the core printers', () => {
  test.prop([arbitraryStatement()], { numRuns: 400 })('plain: parse(printPlain(e)) ≡ e', (e) => {
    reparses(printPlain(e), 'plain', e);
  });

  test.prop([arbitraryStatement()], { numRuns: 400 })('ascii via plain: parse(printAscii(e)) ≡ e', (e) => {
    reparses(printAscii(e), 'plain', e);
  });

  test.prop([arbitraryStatement()], { numRuns: 400 })('latex: parse(printLatex(e), latex) ≡ e', (e) => {
    reparses(printLatex(e), 'latex', e);
  });
});

const ASCII_NAMES = ['A', 'B', 'C', 'P', 'x', 'y', 'D₁', 'Ab'];

describe('round trip through the test printers', () => {
  test.prop([arbitraryStatement({ names: ASCII_NAMES, exclude: new Set(['Sum', 'Claim']) })], { numRuns: 300 })(
    'numpy: parse(printNumpy(e), numpy) ≡ e',
    (e) => {
      const text = printable(printNumpy, e);
      fc.pre(text !== undefined);
      reparses(text, 'numpy', e);
    },
  );

  test.prop([arbitraryStatement({ names: ASCII_NAMES, exclude: new Set(['Sum', 'Claim', 'DiagVec']) })], { numRuns: 300 })(
    'matlab: parse(printMatlab(e), matlab) ≡ e',
    (e) => {
      const text = printable(printMatlab, e);
      fc.pre(text !== undefined);
      reparses(text, 'matlab', e);
    },
  );
});

test.prop([arbitraryExpr()], { numRuns: 100 })('the plain printer output has no lint note the tree does not call for', (e) => {
  const result = parse(printPlain(e));
  expect(result.ok).toBe(true);
  if (result.ok) for (const note of result.value.notes) expect(['mixed-products', 'o-for-odot']).toContain(note.code);
});
