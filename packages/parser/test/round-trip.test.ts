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

// Names as NumPy and MATLAB write them: `A_1` is `A₁`, `x_max` stays `x_max`; `J`, `I`, `O` are
// names there (the constants are `np.ones`, `np.eye`, `ones`, `eye`).
const ASCII_NAMES = ['A', 'B', 'C', 'P', 'x', 'y', 'D₁', 'Ab', 'x_max', 'x_max₁', 'J', 'I', 'O'];

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

describe('names from NumPy and MATLAB survive every printer', () => {
  const cases: readonly [string, Dialect][] = [
    ['x_max @ J + A_1 * I', 'numpy'],
    ['np.trace(O @ x_max_1.T) * J', 'numpy'],
    ["J * x_max' + I .* A_1", 'matlab'],
  ];
  test.each(cases)('%s (%s)', (text, dialect) => {
    const parsed = parse(text, { dialect });
    if (!parsed.ok) return expect.fail(parsed.error.message);
    const e = parsed.value.expr;
    const names = JSON.stringify(e);
    expect(names).toContain('"name":"J"');
    expect(names).toContain('x_max');
    reparses(printPlain(e), 'plain', e);
    reparses(printAscii(e), 'plain', e);
    reparses(printLatex(e), 'latex', e);
    reparses(printNumpy(e), 'numpy', e);
  });

  test('the plain printers quote J, I and x_max, the LaTeX printer writes \\mathit and \\mathrm', () => {
    const parsed = parse('x_max @ J + I', { dialect: 'numpy' });
    if (!parsed.ok) return expect.fail(parsed.error.message);
    expect(printPlain(parsed.value.expr)).toBe('"x_max" "J" + "I"');
    expect(printLatex(parsed.value.expr)).toBe('\\mathrm{x\\_max} \\mathit{J} + \\mathit{I}');
  });
});
