import { exprEquals, printAscii, printLatex, printPlain, printSexpr, stripSpans, type Expr } from '@odot/core';
import { describe, expect, it } from 'vitest';
import type { Dialect } from './dialect.ts';
import { parse } from './parse.ts';

// Issue 15: names that other dialects write (numpy/matlab `x_max`, `A_1`), quoted names that look
// like constants (`"J"`, `"I"`, `"O_2"`) and Greek multi-letter names keep their meaning through
// every printer: parse(print(e)) = e.

const PRINTERS: readonly { name: string; print: (e: Expr) => string; reads: Dialect }[] = [
  { name: 'plain', print: printPlain, reads: 'plain' },
  { name: 'ascii', print: printAscii, reads: 'plain' },
  { name: 'latex', print: printLatex, reads: 'latex' },
];

function parsed(text: string, dialect: Dialect): Expr {
  const r = parse(text, { dialect });
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return stripSpans(r.value.expr);
}

describe('names through every printer', () => {
  const cases: [string, Dialect][] = [
    ['x_max * B_c', 'numpy'],
    ['A_1 @ B_2', 'numpy'],
    ['x_max .* B_c', 'matlab'],
    ['A_1 * B_c', 'matlab'],
    ['"J" ⊙ "I" + "O"', 'plain'],
    ['"J_n" ⊙ "I_n" + "O_x"', 'plain'],
    ['μI ⊙ αβ', 'plain'],
    ['\\mathrm{μI} \\odot \\mathit{J}', 'latex'],
    ['"J_2" ⊙ "x_max2" + D₁', 'plain'],
    ['\\mathrm{J\\_2} \\odot D_{12}', 'latex'],
  ];
  for (const [text, dialect] of cases) {
    it(`${dialect} ${text}`, () => {
      const e = parsed(text, dialect);
      for (const printer of PRINTERS) {
        const printed = printer.print(e);
        const back = parse(printed, { dialect: printer.reads });
        const detail = `${printer.name}: ${printed} → ${back.ok ? printSexpr(back.value.expr) : back.error.message}; expected ${printSexpr(e)}`;
        expect(back.ok, detail).toBe(true);
        if (back.ok) expect(exprEquals(stripSpans(back.value.expr), e), detail).toBe(true);
      }
    });
  }
});
