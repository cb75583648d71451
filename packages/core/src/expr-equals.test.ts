import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { add, hadamard, identifier, matMul, numberLiteral, ones, sum, transpose, zero } from './build.ts';
import type { Expr } from './expr.ts';
import { exprEquals } from './expr-equals.ts';
import { hashExpr } from './hash-expr.ts';
import { mapChildren } from './map-children.ts';
import { printSexpr } from './print-sexpr.ts';
import { stripSpans } from './strip-spans.ts';
import { walkExpr } from './walk-expr.ts';

const span = (from: number, to: number) => ({
  start: { line: 1, column: from + 1, offset: from },
  end: { line: 1, column: to + 1, offset: to },
});
const A = identifier('A');
const B = identifier('B');

describe('exprEquals and hashExpr', () => {
  it('ignore spans', () => {
    const withSpans = hadamard(identifier('A', span(0, 1)), identifier('B', span(4, 5)), span(0, 5));
    expect(exprEquals(withSpans, hadamard(A, B))).toBe(true);
    expect(hashExpr(withSpans)).toBe(hashExpr(hadamard(A, B)));
  });

  it('tell apart trees that differ in operator, order, grouping, literal kind or size', () => {
    const pairs: [Expr, Expr][] = [
      [hadamard(A, B), matMul(A, B)],
      [hadamard(A, B), hadamard(B, A)],
      [hadamard(hadamard(A, B), A), hadamard(A, hadamard(B, A))],
      [numberLiteral('2'), numberLiteral('2.0')],
      [ones('m', 'n'), ones('n', 'm')],
      [ones(2, 3), ones('2', '3')],
      [zero(), ones()],
      [sum('k', A), sum('j', A)],
    ];
    for (const [x, y] of pairs) {
      expect(exprEquals(x, y)).toBe(false);
      expect(hashExpr(x)).not.toBe(hashExpr(y));
    }
  });

  it('hash is a stable unsigned 32-bit number', () => {
    const h = hashExpr(add(transpose(A), B));
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect(hashExpr(add(transpose(identifier('A')), identifier('B')))).toBe(h);
  });

  it('handle 200 000-deep chains', () => {
    let x: Expr = A;
    let y: Expr = A;
    for (let n = 0; n < 200_000; n++) {
      x = hadamard(x, B);
      y = hadamard(y, identifier('B'));
    }
    expect(exprEquals(x, y)).toBe(true);
    expect(hashExpr(x)).toBe(hashExpr(y));
    expect(exprEquals(x, hadamard(A, x))).toBe(false);
  });

  const names = fc.constantFrom('A', 'B', 'C');
  const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      names.map((n) => identifier(n)),
      fc.tuple(tie('tree'), tie('tree')).map(([l, r]) => hadamard(l, r)),
      fc.tuple(tie('tree'), tie('tree')).map(([l, r]) => matMul(l, r)),
      tie('tree').map((e) => transpose(e)),
    ),
  }));
  test.prop([tree, tree])('agree with comparing S-expressions', (x, y) => {
    const same = printSexpr(x) === printSexpr(y);
    expect(exprEquals(x, y)).toBe(same);
    if (same) expect(hashExpr(x)).toBe(hashExpr(y));
  });
});

describe('stripSpans', () => {
  it('removes every span and shares span-free subtrees', () => {
    const inner = hadamard(A, B);
    const e = add(inner, identifier('C', span(8, 9)), span(0, 9));
    const s = stripSpans(e);
    expect(JSON.stringify(s)).not.toContain('span');
    expect(exprEquals(s, e)).toBe(true);
    expect(s.type === 'Add' && s.left).toBe(inner);
    expect(stripSpans(inner)).toBe(inner);
  });
});

describe('mapChildren', () => {
  it('returns the same object when nothing changes', () => {
    const e = hadamard(A, transpose(B));
    expect(mapChildren(e, (c) => c)).toBe(e);
    expect(mapChildren(A, () => B)).toBe(A);
  });

  it('rebuilds with new children, keeping the other fields', () => {
    const e = hadamard(A, B, span(0, 5));
    const swapped = mapChildren(e, (c) => (c === A ? identifier('X') : c));
    expect(printSexpr(swapped)).toBe('(hadamard X B)');
    expect(swapped.span).toEqual(span(0, 5));
    expect(e.left).toBe(A);
  });

  it('maps matrix-literal entries row by row', () => {
    const m = { type: 'MatrixLiteral' as const, rows: [[numberLiteral('1'), numberLiteral('2')], [numberLiteral('3'), numberLiteral('4')]] };
    const doubled = mapChildren(m, (c, i) => numberLiteral(String(10 * (i + 1))));
    expect(printSexpr(doubled)).toBe('(matrix (10 20) (30 40))');
  });
});

describe('walkExpr', () => {
  it('visits parents before children in source order, with paths, and can skip', () => {
    const e = add(hadamard(A, B), transpose(identifier('C')));
    const seen: string[] = [];
    walkExpr(e, (node, parent, path) => {
      seen.push(`${node.type}${node.type === 'Identifier' ? `:${node.name}` : ''}@${path.join('.')}<${parent?.type ?? '-'}`);
      return node.type !== 'Transpose';
    });
    expect(seen).toEqual([
      'Add@<-',
      'Hadamard@0<Add',
      'Identifier:A@0.0<Hadamard',
      'Identifier:B@0.1<Hadamard',
      'Transpose@1<Add',
    ]);
  });
});
