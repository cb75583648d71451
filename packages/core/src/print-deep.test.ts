import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { add, hadamard, identifier, matMul, neg, numberLiteral, scalarMul, trace, transpose } from './build.ts';
import type { Expr } from './expr.ts';
import { jsonText } from './json-text.ts';
import { MAX_DEPTH, nestingDepth } from './nesting.ts';
import { printAscii, printLatex, printPlain } from './print-text.ts';
import { toJson } from './to-json.ts';

// Issue 15: the printers walk user trees of any depth without recursion (and in linear time).

/** `A` under `depth` layers, the layer at level i made by `layer(i, inner)`. */
function nested(depth: number, layer: (i: number, inner: Expr) => Expr): Expr {
  let e: Expr = identifier('A');
  for (let i = 0; i < depth; i++) e = layer(i, e);
  return e;
}

const A = identifier('A');
const B = identifier('B');


/** The 100 000-deep trees take seconds; on a loaded 2-core machine tens of seconds (a timeout, not a speed claim). */
const HEAVY_MS = 180_000;
describe('deep trees print without recursion', () => {
  it('100 000 nested transposes: plain stacks them, ASCII and LaTeX bracket each level', () => {
    const e = nested(100_000, (_, x) => transpose(x));
    expect(printPlain(e)).toBe(`A${'ᵀ'.repeat(100_000)}`);
    expect(printAscii(e)).toBe(`${'('.repeat(99_999)}A'${")'".repeat(99_999)}`);
    const latex = printLatex(e);
    expect(latex.startsWith(`${'('.repeat(99_999)}A^\\top)^\\top`)).toBe(true);
    expect(latex.length).toBe(99_999 + 1 + 5 + 99_999 * 6);
  }, HEAVY_MS);

  it('3 000 levels of 2(−(…)ᵀ): the same text as the nesting written out by hand', () => {
    // Each level reads back: a transposed negation is bracketed, a scalar multiple of a negation too.
    const e = nested(3_000, (i, x) => (i % 3 === 0 ? transpose(x) : i % 3 === 1 ? neg(x) : scalarMul(numberLiteral('2'), x)));
    let expected = 'A';
    for (let i = 0; i < 3_000; i++) {
      if (i % 3 === 0) expected = i === 0 ? `${expected}ᵀ` : `(${expected})ᵀ`;
      else if (i % 3 === 1) expected = `-${expected}`;
      else expected = `2 (${expected})`;
    }
    expect(printPlain(e)).toBe(expected);
  });

  it('a 100 000-deep right-nested sum of products and traces prints in all three notations', () => {
    const e = nested(100_000, (i, x) => (i % 3 === 0 ? hadamard(B, x) : i % 3 === 1 ? add(B, x) : matMul(trace(x), B)));
    for (const print of [printPlain, printAscii, printLatex]) {
      const text = print(e);
      expect(text.length).toBeGreaterThan(400_000);
      // Brackets balance: every level opened is closed.
      expect(text.split('(').length).toBe(text.split(')').length);
    }
  }, HEAVY_MS);

  it('toJson and jsonText write a 100 000-deep tree (JSON.stringify overflows the stack)', () => {
    const e = nested(100_000, (_, x) => transpose(x));
    expect(() => JSON.stringify(e)).toThrow(RangeError);
    const text = toJson(e, { indent: 0 });
    expect(text.startsWith('{"type":"Transpose","operand":{"type":"Transpose"')).toBe(true);
    expect(text.length).toBe(100_000 * '{"type":"Transpose","operand":}'.length + '{"type":"Identifier","name":"A"}'.length);
  }, HEAVY_MS);
});

describe('jsonText', () => {
  const json = fc.jsonValue();
  test.prop([json, fc.constantFrom(0, 1, 2, 4)])('agrees with JSON.stringify on any JSON value and indentation', (value, indent) => {
    expect(jsonText(value, indent)).toBe(JSON.stringify(value, null, indent));
  });

  it('leaves undefined out of objects and writes it null in arrays, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    expect(jsonText(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(jsonText(value)).toBe('{"b":[null,1],"c":{}}');
  });
});

describe('nestingDepth', () => {
  it('counts a chain of + − ⊙ · ⊗ as one level, every other child one more', () => {
    let chain: Expr = A;
    for (let i = 0; i < 100_000; i++) chain = i % 2 === 0 ? add(chain, B) : hadamard(chain, matMul(A, B));
    expect(nestingDepth(chain)).toBe(3);
    expect(nestingDepth(nested(5, (_, x) => transpose(x)))).toBe(6);
    expect(nestingDepth(nested(100_000, (_, x) => hadamard(B, x)))).toBe(100_001);
  });

  it('with no chain types it is the plain depth; only the given chains are flat', () => {
    const chain = nested(2_000, (_, x) => matMul(x, B));
    expect(nestingDepth(chain, new Set())).toBe(2_001);
    expect(nestingDepth(chain, new Set(['Add', 'Sub', 'Hadamard']))).toBe(2_001);
    expect(nestingDepth(chain)).toBe(2);
    expect(nestingDepth(chain, new Set())).toBeGreaterThan(MAX_DEPTH);
  });
});
