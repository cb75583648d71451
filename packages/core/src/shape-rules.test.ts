import { describe, expect, it } from 'vitest';
import * as b from './build.ts';
import type { Givens } from './declaration.ts';
import { dimProduct } from './dim.ts';
import type { Expr } from './expr.ts';
import { inferShapes, inferShapesByUnification } from './infer-shape.ts';
import { ok } from './error.ts';
import { printPlain } from './print-text.ts';
import { SCALAR, type Shape, formatShape, matrixShape, shapeEquals } from './shape.ts';
import { shapeByRule } from './shape-rules.ts';
import { knownShapes } from './known-shapes.ts';
import { childrenOf } from './visitor-keys.ts';

const declare = (entries: [string, Shape][]): Givens => new Map(entries.map(([name, shape]) => [name, { shape, properties: new Set() }]));

const GIVENS = declare([
  ['A', matrixShape(2, 3)],
  ['B', matrixShape(3, 2)],
  ['C', matrixShape(2, 2)],
  ['u', matrixShape(3, 1)],
  ['c', SCALAR],
  ['M', matrixShape('m', 'n')],
  ['N', matrixShape('n', 'm')],
  ['S', matrixShape('n', 'n')],
  ['v', matrixShape('n', 1)],
]);

/** Bottom-up by the rules table alone (undefined as soon as one node does not fit). */
function byRules(e: Expr, givens: Givens): Shape | undefined {
  const kids: Shape[] = [];
  for (const child of childrenOf(e)) {
    const s = byRules(child, givens);
    if (s === undefined) return undefined;
    kids.push(s);
  }
  return shapeByRule(e, kids, givens);
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomExpr(next: () => number, depth: number): Expr {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  if (depth === 0 || next() < 0.25) {
    return pick<() => Expr>([
      () => b.identifier(pick(['A', 'B', 'C', 'u', 'c', 'M', 'N', 'S', 'v'])),
      () => b.numberLiteral('2'),
      () => b.ones(pick([2, 3, 'n']), pick([2, 3, 'm'])),
      () => b.identity(pick([2, 3, 'n'])),
      () => b.matrixLiteral([[b.numberLiteral('1'), b.numberLiteral('2')]]),
    ])();
  }
  const sub = (): Expr => randomExpr(next, depth - 1);
  return pick<() => Expr>([
    () => b.hadamard(sub(), sub()),
    () => b.add(sub(), sub()),
    () => b.sub(sub(), sub()),
    () => b.matMul(sub(), sub()),
    () => b.kronecker(sub(), sub()),
    () => b.neg(sub()),
    () => b.scalarMul(sub(), sub()),
    () => b.transpose(sub()),
    () => b.hadamardPower(sub(), b.numberLiteral('2')),
    () => b.matrixPower(sub(), b.numberLiteral('2')),
    () => b.inverse(sub()),
    () => b.diag(sub()),
    () => b.diagVec(sub()),
    () => b.trace(sub()),
    () => b.det(sub()),
    () => b.equal(sub(), sub()),
    () => b.claim('psd', sub()),
  ])();
}

/** Every node of a tree, the root first. */
function nodesOf(e: Expr): Expr[] {
  const nodes: Expr[] = [e];
  for (let i = 0; i < nodes.length; i++) nodes.push(...childrenOf(nodes[i] as Expr));
  return nodes;
}

/** True when the tree has a J, 0 or I written without a size. */
function hasBare(e: Expr): boolean {
  return nodesOf(e).some((n) => (n.type === 'Ones' || n.type === 'Zero' ? n.rows === undefined : n.type === 'Identity' && n.size === undefined));
}

type Want = 'scalar' | readonly [string, string];
const WANTS: readonly Want[] = ['scalar', ['n', 'n'], ['m', 'n'], ['n', 'm'], ['n', '1']];
const DECLARED: Readonly<Record<string, string>> = { scalar: 'c', 'n×n': 'S', 'm×n': 'M', 'n×m': 'N', 'n×1': 'v' };

/**
 * A random tree of ⊙, +/−, =, ≠, products, −, c·, ᵀ and tr over declared symbols and bare J, 0, I
 * (the fast path's chain cases), built to have the shape `want`, except that one subtree in ten
 * has a random shape (so some trees are shape errors).
 */
function randomChain(next: () => number, depth: number, want: Want = 'scalar'): Expr {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const sub = (w: Want): Expr => randomChain(next, depth - 1, next() < 0.1 ? pick(WANTS) : w);
  const key = want === 'scalar' ? 'scalar' : `${want[0]}×${want[1]}`;
  if (depth === 0 || next() < 0.3) {
    const leaves: (() => Expr)[] = [() => b.identifier(DECLARED[key] ?? 'c'), () => b.zero()];
    if (want === 'scalar') leaves.push(() => b.numberLiteral('3'));
    else leaves.push(() => b.ones());
    if (want !== 'scalar' && want[0] === want[1]) leaves.push(() => b.identity(), () => b.identity('n'));
    return pick(leaves)();
  }
  const forms: (() => Expr)[] = [
    () => b.add(sub(want), sub(want)),
    () => b.sub(sub(want), sub(want)),
    () => b.equal(sub(want), sub(want)),
    () => b.notEqual(sub(want), sub(want)),
    () => b.neg(sub(want)),
    () => b.scalarMul(b.identifier('c'), sub(want)),
    () => b.matMul(sub('scalar'), sub(want)),
  ];
  if (want === 'scalar') forms.push(() => b.trace(sub(['n', 'n'])), () => b.matMul(b.transpose(sub(['n', '1'])), sub(['n', '1'])));
  else {
    const [rows, cols] = want;
    const inner = pick(['n', 'm']);
    forms.push(
      () => b.hadamard(sub(want), sub(want)),
      () => b.matMul(sub([rows, inner]), sub([inner, cols])),
      () => b.transpose(sub([cols, rows])),
    );
  }
  return pick(forms)();
}

describe('SHAPE_RULES', () => {
  it('gives hand-worked shapes', () => {
    const shape = (e: Expr): string => {
      const s = byRules(e, GIVENS);
      return s === undefined ? 'none' : formatShape(s);
    };
    const [A, B, M, N, S, u, c] = ['A', 'B', 'M', 'N', 'S', 'u', 'c'].map((n) => b.identifier(n)) as Expr[] as [Expr, Expr, Expr, Expr, Expr, Expr, Expr];
    expect(shape(b.matMul(A, B))).toBe('2×2');
    expect(shape(b.matMul(A, A))).toBe('none');
    expect(shape(b.kronecker(M, A))).toBe('2·m×3·n');
    expect(shape(b.transpose(b.kronecker(M, N)))).toBe('m·n×m·n');
    expect(shape(b.diag(u))).toBe('3×3');
    expect(shape(b.diagVec(S))).toBe('n×1');
    expect(shape(b.trace(b.matMul(M, N)))).toBe('scalar');
    expect(shape(b.add(b.matMul(b.transpose(u), u), c))).toBe('scalar');
    expect(shape(b.hadamard(c, c))).toBe('none');
    expect(shape(b.ones(2))).toBe('2×2');
    expect(shape(b.zero())).toBe('none');
    const mp = byRules(b.kronecker(M, N), GIVENS);
    expect(mp && shapeEquals(mp, matrixShape(dimProduct(['m', 'n']), dimProduct(['m', 'n'])))).toBe(true);
  });

  it('agrees with inference by unification on 3000 random expressions over declared symbols', () => {
    const next = rng(20261206);
    let decided = 0;
    for (let k = 0; k < 3000; k++) {
      const e = randomExpr(next, 3);
      const rules = byRules(e, GIVENS);
      // Unification alone (inferShape itself now takes the rules' fast path on such trees).
      const unified = inferShapesByUnification(e, GIVENS);
      const inferred = unified.ok ? ok(unified.value.shape) : unified;
      if (rules !== undefined) {
        decided++;
        expect(inferred.ok && shapeEquals(inferred.value, rules), `${printPlain(e)}: rules say ${formatShape(rules)}`).toBe(true);
      } else if (inferred.ok) {
        // Only a size fixed by context (an unsized leaf) may be out of the rules' reach; every leaf here is sized.
        throw new Error(`${printPlain(e)}: inference gives ${formatShape(inferred.value)}, the rules none`);
      }
    }
    expect(decided).toBeGreaterThan(300);
  });

  it('inferShapes (with its fast path for known shapes) gives every node the shape unification gives, and fails where it fails', () => {
    const next = rng(20261207);
    let fast = 0;
    for (let k = 0; k < 3000; k++) {
      const e = k % 3 === 0 ? b.add(randomExpr(next, 3), b.hadamard(randomExpr(next, 2), b.ones())) : randomExpr(next, 3);
      const quick = inferShapes(e, GIVENS);
      const unified = inferShapesByUnification(e, GIVENS);
      expect(quick.ok, printPlain(e)).toBe(unified.ok);
      if (!quick.ok || !unified.ok) continue;
      if (byRules(e, GIVENS) !== undefined) fast++;
      const nodes: Expr[] = [e];
      for (let i = 0; i < nodes.length; i++) nodes.push(...childrenOf(nodes[i] as Expr));
      for (const node of nodes) {
        expect(formatShape(quick.value.shapeOf(node)), `${printPlain(node)} in ${printPlain(e)}`).toBe(formatShape(unified.value.shapeOf(node)));
        expect(shapeEquals(quick.value.shapeOf(node), unified.value.shapeOf(node))).toBe(true);
      }
      expect(() => quick.value.shapeOf(b.identifier('A'))).toThrow(/not part of this tree/);
    }
    expect(fast).toBeGreaterThan(300);
  });

  it('the fast path sizes bare J, 0, I by their chain exactly as unification does, on every node, on 4000 random trees', () => {
    const next = rng(20261208);
    let decided = 0;
    let bare = 0;
    let failed = 0;
    for (let k = 0; k < 4000; k++) {
      const e = randomChain(next, 4, next() < 0.5 ? 'scalar' : ['n', 'n']);
      const fast = knownShapes(e, GIVENS);
      const unified = inferShapesByUnification(e, GIVENS);
      if (!unified.ok) failed++;
      if (fast === undefined) continue;
      expect(unified.ok, `${printPlain(e)}: the fast path gives ${formatShape(fast.shape)}, unification fails`).toBe(true);
      if (!unified.ok) continue;
      decided++;
      if (hasBare(e)) bare++;
      for (const node of nodesOf(e)) {
        const where = `${printPlain(node)} in ${printPlain(e)}`;
        expect(formatShape(fast.shapeOf(node)), where).toBe(formatShape(unified.value.shapeOf(node)));
        expect(fast.kindOf(node), where).toBe(unified.value.kindOf(node));
      }
    }
    expect(decided).toBeGreaterThan(1000);
    expect(bare).toBeGreaterThan(400);
    expect(failed).toBeGreaterThan(400);
  });

  it('the fast path decides the chain cases by hand, and leaves the open ones to unification', () => {
    const givens = declare([
      ['A', matrixShape('m', 'n')],
      ['B', matrixShape('m', 'n')],
      ['C', matrixShape('n', 'm')],
      ['u', matrixShape('n', 1)],
      ['c', SCALAR],
    ]);
    const fast = (e: Expr): string => {
      const known = knownShapes(e, givens);
      if (known === undefined) return 'unification';
      const unified = inferShapesByUnification(e, givens);
      expect(unified.ok && nodesOf(e).every((n) => shapeEquals(known.shapeOf(n), unified.value.shapeOf(n))), printPlain(e)).toBe(true);
      return formatShape(known.shape);
    };
    const [A, B, C, u, c] = ['A', 'B', 'C', 'u', 'c'].map((n) => b.identifier(n)) as [Expr, Expr, Expr, Expr, Expr];
    const [J, Z, I] = [(): Expr => b.ones(), (): Expr => b.zero(), (): Expr => b.identity()];
    const uu = b.matMul(b.transpose(u), u);
    expect(fast(b.add(b.hadamard(A, J()), Z()))).toBe('m×n');
    expect(fast(b.equal(b.hadamard(J(), b.sub(B, J())), A))).toBe('m×n');
    expect(fast(b.add(b.neg(J()), A))).toBe('m×n');
    expect(fast(b.add(b.scalarMul(c, J()), A))).toBe('m×n');
    expect(fast(b.matMul(b.matMul(b.matMul(I(), I()), A), C))).toBe('m×m');
    expect(fast(b.add(b.matMul(b.matMul(A, I()), C), I()))).toBe('m×m');
    expect(fast(b.matMul(b.matMul(c, I()), A))).toBe('m×n');
    expect(fast(b.equal(b.add(b.trace(b.matMul(A, C)), Z()), c))).toBe('scalar');
    expect(fast(b.hadamard(uu, J()))).toBe('1×1');
    expect(fast(b.add(uu, Z()))).toBe('1×1');
    expect(fast(b.add(b.add(uu, Z()), c))).toBe('scalar');
    // Sizes that come from nowhere, a J beside a scalar, I beside a non-square matrix, a bare 0 in a product: unification.
    const open = [b.equal(J(), Z()), b.matMul(I(), c), b.trace(I()), b.add(c, J()), b.add(A, I()), b.matMul(A, J()), b.matMul(Z(), A), b.hadamard(J(), c)];
    for (const e of [...open, b.entry(A, b.numberLiteral('1'), b.numberLiteral('1'))]) expect(fast(e), printPlain(e)).toBe('unification');
    // One bare J object in an m×n chain and in an n×m chain: two shapes for one node, unification decides.
    const j = b.ones();
    expect(knownShapes(b.matMul(b.hadamard(b.identifier('A'), j), b.hadamard(b.identifier('C'), j)), givens)).toBeUndefined();
  });
});
