import { describe, expect, it } from 'vitest';
import { givens } from '../test/helpers.ts';
import { psdTest } from './psd.ts';
import { randomInstance } from './random-instance.ts';
import { createRng } from './rng.ts';
import type { Value } from './value.ts';
import type { Rational } from './rational.ts';

function entries(v: Value | undefined): Rational[] {
  if (!v || v.kind !== 'exact') throw new Error('expected an exact matrix');
  return [...v.data];
}

describe('seeded RNG', () => {
  it('is deterministic and roughly uniform', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(createRng(43).next()).not.toBe(xs[0]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    const c = createRng(1);
    const counts = [0, 0, 0];
    for (let t = 0; t < 3000; t++) counts[c.int(0, 2)]! += 1;
    for (const k of counts) expect(Math.abs(k - 1000)).toBeLessThan(150);
    const p = (1n << 61n) - 1n;
    for (let t = 0; t < 100; t++) {
      const x = c.bigintBelow(p);
      expect(x >= 0n && x < p).toBe(true);
    }
  });
});

describe('random instances honour declarations', () => {
  it('symbolic sizes are ≥ 3 and distinct; numeric sizes are kept', () => {
    for (let seed = 0; seed < 20; seed++) {
      const inst = randomInstance(givens('A: m×n; B: n×p; u: 2; c: scalar'), createRng(seed));
      if (!inst.ok) throw new Error(inst.error.message);
      const { sizes, bindings } = inst.value;
      const [m, n, p] = ['m', 'n', 'p'].map((d) => sizes.get(d) as number);
      expect(new Set([m, n, p]).size).toBe(3);
      for (const s of [m, n, p]) expect(s).toBeGreaterThanOrEqual(3);
      const A = bindings.get('A');
      const B = bindings.get('B');
      expect(A?.kind === 'exact' && [A.rows, A.cols]).toEqual([m, n]);
      expect(B?.kind === 'exact' && [B.rows, B.cols]).toEqual([n, p]);
      const u = bindings.get('u');
      expect(u?.kind === 'exact' && [u.rows, u.cols]).toEqual([2, 1]);
      expect(bindings.get('c')?.kind).toBe('scalar');
    }
  });
  it('is deterministic for a seed', () => {
    const a = randomInstance(givens('A: n×n psd'), createRng(9));
    const b = randomInstance(givens('A: n×n psd'), createRng(9));
    expect(a).toEqual(b);
  });
  it('diagonal, symmetric, nonnegative, binary, psd and pd hold', () => {
    const decls = givens('D: n×n diagonal; S: n×n symmetric; N: m×n nonnegative; Z: m×n binary; P: n×n psd; Q: n×n pd; R: n×n binary psd; BD: n×n binary diagonal');
    for (let seed = 0; seed < 25; seed++) {
      const inst = randomInstance(decls, createRng(seed));
      if (!inst.ok) throw new Error(inst.error.message);
      const b = inst.value.bindings;
      const n = inst.value.sizes.get('n') as number;
      const at = (name: string, i: number, j: number): Rational => {
        const v = b.get(name);
        if (!v || v.kind !== 'exact') throw new Error(name);
        return v.data[i * v.cols + j] as Rational;
      };
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i !== j) expect(at('D', i, j).num).toBe(0n);
          if (i !== j) expect(at('BD', i, j).num).toBe(0n);
          expect(at('S', i, j)).toEqual(at('S', j, i));
          expect(at('R', i, j)).toEqual(at('R', j, i));
        }
      }
      expect(entries(b.get('N')).every((x) => x.num >= 0n)).toBe(true);
      for (const name of ['Z', 'R', 'BD']) expect(entries(b.get(name)).every((x) => x.den === 1n && (x.num === 0n || x.num === 1n))).toBe(true);
      for (const [name, property] of [['P', 'psd'], ['Q', 'pd'], ['R', 'psd']] as const) {
        const m = b.get(name);
        if (!m || m.kind !== 'exact') throw new Error(name);
        const r = psdTest(m, { method: 'certificate', property });
        expect(r.ok && r.value.holds).toBe(true);
      }
    }
  });
  it('float instances and fixed sizes', () => {
    const inst = randomInstance(givens('A: n×n symmetric'), createRng(3), { mode: 'float', sizes: { n: 7 } });
    if (!inst.ok) throw new Error(inst.error.message);
    const A = inst.value.bindings.get('A');
    expect(A?.kind).toBe('float');
    if (A?.kind !== 'float') return;
    expect(A.rows).toBe(7);
    for (let i = 0; i < 7; i++) for (let j = 0; j < 7; j++) expect(A.data[i * 7 + j]).toBe(A.data[j * 7 + i]);
  });
  it('a non-square psd declaration is an error', () => {
    const r = randomInstance(givens('P: m×n psd'), createRng(1));
    expect(!r.ok && r.error.code).toBe('bad-declaration');
  });
});
