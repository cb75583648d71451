import { describe, expect, it } from 'vitest';
import { determinant, exactMatrix, formatRational, rsign, type ExactMatrix, type Rational } from '@odot/numeric';
import { sheetText } from './authoring-fixtures.ts';
import { parseRandomSpec } from './givens.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { drawRandomMatrix } from './random-matrix.ts';
import { rngFor, type Rng } from './rng.ts';
import { selfTest } from './self-test.ts';
import type { RandomMatrixGiven } from './worksheet.ts';

function spec(text: string): RandomMatrixGiven {
  const s = parseRandomSpec('M', text);
  if (!s) throw new Error(`not a spec: ${text}`);
  return s;
}

const draws = (text: string, n = 40): ExactMatrix[] => Array.from({ length: n }, (_, k) => drawRandomMatrix(spec(text), rngFor('seed', `s${k}`, 'q', 'M')));
const entry = (m: ExactMatrix, i: number, j: number): Rational => m.data[i * m.cols + j] as Rational;
const det = (m: ExactMatrix): Rational => {
  const d = determinant(m);
  if (!d.ok || typeof d.value === 'number') throw new Error('no exact determinant');
  return d.value;
};
/** Submatrix on the rows and columns `idx` (for principal minors: an independent psd test, Sylvester/all minors). */
const sub = (m: ExactMatrix, idx: readonly number[]): ExactMatrix => exactMatrix(idx.map((i) => idx.map((j) => entry(m, i, j))));
const subsets = (n: number): number[][] => Array.from({ length: 2 ** n - 1 }, (_, k) => [...Array(n).keys()].filter((i) => ((k + 1) >> i) & 1));

/** The draw of the original forms, as it was written before constraints existed (plain numbers). */
function originalRows(s: RandomMatrixGiven, rng: Rng): number[][] {
  const g = (f: (i: number, j: number) => number): number[][] => Array.from({ length: s.rows }, (_, i) => Array.from({ length: s.cols }, (_, j) => f(i, j)));
  const draw = (): number => rng.int(s.min, s.max);
  if (s.structure === 'diagonal') return g((i, j) => (i === j ? draw() : 0));
  if (s.structure === 'symmetric') {
    const u = g(draw);
    return g((i, j) => (i <= j ? (u[i]?.[j] ?? 0) : (u[j]?.[i] ?? 0)));
  }
  if (s.structure === 'psd') {
    const b = g(draw);
    return g((i, j) => (b[i] ?? []).reduce((acc, x, k) => acc + x * (b[j]?.[k] ?? 0), 0));
  }
  return g(draw);
}

describe('random givens', () => {
  it('draws the original forms exactly as before (the bundled samples are pinned to them)', () => {
    for (const text of ['random 2×3 integers -5..5', 'random 3 integers 0..9', 'random 3×3 binary', 'random 2×2 psd integers -2..2', 'random 3×3 symmetric integers -4..4', 'random 3×3 diagonal integers 1..5']) {
      const s = spec(text);
      expect(s.constraints).toEqual([]);
      for (let k = 0; k < 25; k++) {
        const got = drawRandomMatrix(s, rngFor('20250530', `s${k}`, 'q', 'M')).data.map(formatRational);
        expect(got, text).toEqual(originalRows(s, rngFor('20250530', `s${k}`, 'q', 'M')).flat().map(String));
      }
    }
  });

  it('reads the new forms', () => {
    expect(spec('random diagonal 3×3')).toMatchObject({ rows: 3, cols: 3, structure: 'diagonal', numbers: 'integers', min: -5, max: 5, constraints: [] });
    expect(spec('random 2×2 rationals')).toMatchObject({ rows: 2, cols: 2, structure: 'general', numbers: 'rationals', min: -5, max: 5 });
    expect(spec('random 3×3 integers -5..5 nonzero, invertible')).toMatchObject({ constraints: ['nonzero', 'invertible'] });
    expect(spec('random 3 x 3 integers -5 .. 5 pd')).toMatchObject({ rows: 3, min: -5, max: 5, constraints: ['pd'] });
  });

  it('is reproducible and differs between students', () => {
    const s = spec('random 3×3 integers -5..5 invertible');
    const a = drawRandomMatrix(s, rngFor('x', 'ada', 'q', 'M'));
    expect(drawRandomMatrix(s, rngFor('x', 'ada', 'q', 'M'))).toEqual(a);
    expect(draws('random 3×3 integers -5..5 invertible').map((m) => m.data.map(formatRational).join()).filter((t, k, all) => all.indexOf(t) === k).length).toBeGreaterThan(30);
  });

  it('honours nonzero, invertible and symmetric, checked independently', () => {
    for (const m of draws('random 3×3 integers -2..2 nonzero')) expect(m.data.every((x) => rsign(x) !== 0)).toBe(true);
    for (const m of draws('random 3×3 integers -1..1 invertible')) expect(rsign(det(m))).not.toBe(0);
    for (const m of draws('random 3×3 integers -5..5 symmetric')) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(entry(m, i, j)).toEqual(entry(m, j, i));
    for (const m of draws('random diagonal 3×3 nonzero')) {
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(rsign(entry(m, i, j)) !== 0).toBe(i === j);
    }
  });

  it('honours psd and pd: every principal minor ≥ 0 (psd), every leading minor > 0 (pd)', () => {
    for (const m of draws('random 3×3 integers -3..3 psd', 20)) for (const idx of subsets(3)) expect(rsign(det(sub(m, idx)))).toBeGreaterThanOrEqual(0);
    for (const m of draws('random 3×3 integers -3..3 pd', 20)) for (const k of [1, 2, 3]) expect(rsign(det(sub(m, [...Array(k).keys()])))).toBe(1);
  });

  it('draws rationals p/q with q ≤ 6 inside the range', () => {
    const ms = draws('random 2×2 rationals -1..1');
    expect(ms.some((m) => m.data.some((x) => x.den !== 1n))).toBe(true);
    for (const m of ms) for (const x of m.data) expect(x.den <= 6n && x.num * 1n <= x.den && -x.num <= x.den).toBe(true);
  });

  it('reports an impossible spec when the worksheet loads, naming the matrix', () => {
    const block = (given: string) => `id: r\nkind: matrix\ngiven:\n  M: ${given}\nanswer: M\n`;
    const impossible = parseWorksheet(sheetText(block('random 2×2 integers -1..0 pd')));
    expect(impossible.ok).toBe(false);
    if (!impossible.ok) expect(impossible.error.message).toMatch(/M: no matrix for 'random 2×2 integers -1..0 pd' satisfied pd in 1000 draws/);
    const empty = parseWorksheet(sheetText(block('random 2×2 integers 0..0 nonzero')));
    if (!empty.ok) expect(empty.error.message).toContain('no nonzero number lies in 0..0');
    expect(empty.ok).toBe(false);
    const square = parseWorksheet(sheetText(block('random 2×3 integers -5..5 invertible')));
    if (!square.ok) expect(square.error.message).toContain('an invertible matrix must be square');
    const unknown = parseWorksheet(sheetText(block('random 2×2 integers -5..5 orthogonal')));
    if (!unknown.ok) expect(unknown.error.message).toContain("unknown constraint 'orthogonal'");
    expect(unknown.ok).toBe(false);
  });

  it('declares the constraint properties, so the engine can use them', () => {
    const ws = parseWorksheet(sheetText('id: p\nkind: psd\ngiven:\n  M: random 3×3 integers -3..3 pd\nmatrix: M\nanswer: yes\n'));
    expect(ws.ok).toBe(true);
    if (ws.ok) {
      expect([...(ws.value.questions[0]?.given.givens.get('M')?.properties ?? [])].sort()).toEqual(['pd', 'psd', 'symmetric']);
      expect(selfTest(ws.value).ok).toBe(true);
    }
  });
});
