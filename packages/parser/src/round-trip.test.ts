import { fc, test } from '@fast-check/vitest';
import { exprEquals, printAscii, printLatex, printPlain, printSexpr, stripSpans, type Expr } from '@odot/core';
import { describe, expect, it } from 'vitest';
import type { Dialect } from './dialect.ts';
import { parse } from './parse.ts';

// Issue 15: parse(print(e)) = e for every printer, on trees the parser produces. The generator
// writes source text (so every tree is one the parser can produce) from atoms and operators that
// reach the cases that used to change meaning: products inside matrix entries (`[[(a b)]]`),
// numbers like `1e400`, claims under a minus (`-psd(A)`), Greek multi-letter names (`μI`),
// subscripted names, sized constants and large sizes.

const PRINTERS: readonly { name: string; print: (e: Expr) => string; reads: Dialect }[] = [
  { name: 'plain', print: printPlain, reads: 'plain' },
  { name: 'ascii', print: printAscii, reads: 'plain' },
  { name: 'latex', print: printLatex, reads: 'latex' },
];

function roundTrips(text: string, dialect: Dialect = 'plain'): void {
  const first = parse(text, { dialect });
  if (!first.ok) return; // not every generated text is well formed; the parser's answer is then an error value
  const e = stripSpans(first.value.expr);
  for (const printer of PRINTERS) {
    const printed = printer.print(e);
    const back = parse(printed, { dialect: printer.reads });
    const detail = `${text} → ${printer.name}: ${printed} → ${back.ok ? printSexpr(back.value.expr) : back.error.message}; expected ${printSexpr(e)}`;
    expect(back.ok, detail).toBe(true);
    if (back.ok) expect(exprEquals(stripSpans(back.value.expr), e), detail).toBe(true);
  }
}

const atom = fc.constantFrom('A', 'B', 'a', 'b', 'μI', 'A₁', 'D₂', '2', '1/2', '0.25', '1e400', '0', 'J', 'I', 'J_{2×3}', 'I_n', 'J_{n×n}', 'O_{3×3}', 'J_{9007199254740991}');
const text: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('t'), fc.constantFrom(' ⊙ ', ' + ', ' - ', ' ', ' ⊗ '), tie('t')).map(([l, op, r]) => `${l}${op}${r}`),
    tie('t').map((x) => `(${x})`),
    tie('t').map((x) => `-${x}`),
    tie('t').map((x) => `(${x})ᵀ`),
    tie('t').map((x) => `(${x})^⊙2`),
    tie('t').map((x) => `(${x})^-1`),
    tie('t').map((x) => `psd(${x})`),
    tie('t').map((x) => `tr(${x})`),
    tie('t').map((x) => `[[${x}]]`),
    fc.tuple(tie('t'), tie('t')).map(([x, y]) => `[[${x}, ${y}]]`),
    fc.tuple(tie('t'), tie('t')).map(([x, y]) => `${x} = ${y}`),
  ),
})).t;

describe('round trip parse(print(e)) = e', () => {
  it('the cases that used to change meaning', () => {
    for (const t of ['[[(a b)]]', '[[1e400]]', '-psd(A)', 'μI + A', '[[2 a, b]]', '-(A ⪰ 0) = psd(B)', 'psd(A) = psd(B)', '([[-(0), A]])^-1']) roundTrips(t);
  });

  it('sizes are exact: one past 2⁵³ − 1 is refused with a clear error, not rounded', () => {
    const r = parse('J_{999999999999999999999}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('size-too-large');
      expect(r.error.message).toContain('999999999999999999999');
    }
    roundTrips('J_{9007199254740991}');
  });

  test.prop([text], { numRuns: 400 })('every printer, on random parsed trees', (t) => roundTrips(t));
});
