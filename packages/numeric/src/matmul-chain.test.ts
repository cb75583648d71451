import { describe, expect, it } from 'vitest';
import { identifier, matMul, ones, scalarMul, type Expr } from '@odot/core';
import { parse } from '@odot/parser';
import { exactMatrix } from './matrix.ts';
import { evaluate } from './evaluate.ts';
import { formatRational, rational } from './rational.ts';
import type { Value } from './value.ts';
import { identityTest } from './identity-test.ts';

// Issue 15: a flat matrix-product chain (`A A … A`) is not deep: it evaluates in a loop.

/** `factor(0) factor(1) … factor(n − 1)`, left-nested as the parser builds it. */
function chain(n: number, factor: (i: number) => Expr): Expr {
  let e = factor(0);
  for (let i = 1; i < n; i++) e = matMul(e, factor(i));
  return e;
}

const A = (): Expr => identifier('A');
/** A = [[1, 1], [0, 1]]: Aⁿ = [[1, n], [0, 1]] (hand-worked). */
const SHEAR = new Map([['A', exactMatrix([[1, 1], [0, 1]])]]);

function entries(r: ReturnType<typeof evaluate>): string[] {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const v = r.value;
  if (v.kind === 'exact') return v.data.map(formatRational);
  if (v.kind === 'float') return Array.from(v.data, String);
  throw new Error(`not a matrix: ${v.kind}`);
}

describe('matrix-product chains', () => {
  it('10 000 factors evaluate exactly and in floats: Aⁿ = [[1, n], [0, 1]]', () => {
    const e = chain(10_000, A);
    expect(entries(evaluate(e, SHEAR, { mode: 'exact' }))).toEqual(['1', '10000', '0', '1']);
    expect(entries(evaluate(e, SHEAR, { mode: 'float' }))).toEqual(['1', '10000', '0', '1']);
  });

  it('parsed from text, 10 000 factors evaluate', () => {
    const parsed = parse(Array.from({ length: 10_000 }, () => 'A').join(' '));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(entries(evaluate(parsed.value.expr, SHEAR))).toEqual(['1', '10000', '0', '1']);
  });

  it('agrees with the same product grouped in two halves (the right half a nested subtree)', () => {
    const B = new Map([
      ['A', exactMatrix([[1, 2], [3, -1]])],
      ['B', exactMatrix([[0, 1], [1, 1]])],
    ]);
    const factor = (i: number): Expr => identifier(i % 3 === 0 ? 'B' : 'A');
    const flat = chain(90, factor);
    const halves = matMul(chain(45, factor), chain(45, (i) => factor(i + 45)));
    expect(entries(evaluate(flat, B))).toEqual(entries(evaluate(halves, B)));
  });

  it('non-square factors: rows and columns pass along the chain; a mismatch is a located shape error', () => {
    const bindings = new Map([
      ['P', exactMatrix([[1, 0, 1], [0, 1, 0]])],
      ['Q', exactMatrix([[1, 1], [0, 1], [1, 0]])],
    ]);
    const ok = evaluate(chain(100, (i) => identifier(i % 2 === 0 ? 'P' : 'Q')), bindings);
    expect(ok.ok && ok.value.kind === 'exact' ? [ok.value.rows, ok.value.cols] : undefined).toEqual([2, 2]);
    const text = Array.from({ length: 100 }, (_, i) => (i === 71 ? 'P' : i % 2 === 0 ? 'P' : 'Q')).join(' ');
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const bad = evaluate(parsed.value.expr, bindings);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('shape-mismatch');
      expect(bad.error.message).toContain('cannot multiply 2×3 by 2×3');
      // The product of the first 72 factors (columns 1–143) is where it fails.
      expect(bad.error.span?.end.column).toBe(144);
    }
  });

  it('a bare J inside a long chain takes its size from both neighbours; scalars scale', () => {
    const bindings = new Map<string, Value>([
      ['P', exactMatrix([[1, 0, 1], [0, 1, 0]])],
      ['Q', exactMatrix([[1, 1], [0, 1], [1, 0]])],
      ['c', { kind: 'scalar', value: rational(2) }],
    ]);
    // c P Q P Q …: the factors around position 40 are P (2×3) and P, so J must be 3×2.
    const factor = (sized: boolean) => (i: number): Expr => (i === 40 ? (sized ? ones(3, 2) : ones()) : i === 0 ? identifier('c') : identifier(i % 2 === 1 ? 'P' : 'Q'));
    const bare = chain(81, factor(false));
    const sized = chain(81, factor(true));
    expect(entries(evaluate(bare, bindings))).toEqual(entries(evaluate(sized, bindings)));
    // A leading bare J has no rows to take, in a short chain as in a long one.
    const bindingsQ = new Map([['Q', exactMatrix([[1, 1], [0, 1]])]]);
    for (const n of [3, 70]) {
      const r = evaluate(chain(n, (i) => (i === 0 ? ones() : identifier('Q'))), bindingsQ);
      expect(r.ok ? 'ok' : r.error.code).toBe('unknown-size');
    }
    expect(entries(evaluate(scalarMul(identifier('c'), chain(80, A)), new Map<string, Value>([...SHEAR, ['c', { kind: 'scalar', value: rational(3) }]])))).toEqual(['3', '240', '0', '3']);
  });

  it('the identity test reads a long chain: A A … A (100 factors) is not A', () => {
    const v = identityTest(chain(100, A), chain(99, A));
    expect(v.verdict).toBe('different');
  });
});
