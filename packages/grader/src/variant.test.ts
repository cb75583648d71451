import { describe, expect, it } from 'vitest';
import { formatRational } from '@odot/numeric';
import { parseWorksheet } from './parse-worksheet.ts';
import { bundled } from './test-fixtures.ts';
import { questionBindings } from './variant.ts';

const rows = (m: { rows: number; cols: number; data: readonly { num: bigint; den: bigint }[] }): number[][] =>
  Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => Number(formatRational(m.data[i * m.cols + j] ?? { num: 0n, den: 1n }))));

describe('per-student variants', () => {
  const ws = bundled();
  const q2 = ws.questions[1];
  const q1 = ws.questions[0];
  if (!q2 || !q1) throw new Error('worksheet');

  it('are deterministic per student and differ between students', () => {
    const a = questionBindings(ws, q2, 'Ada Lovelace');
    const again = questionBindings(ws, q2, 'Ada Lovelace');
    expect(rows(a.get('u') ?? a.get('x')!)).toEqual(rows(again.get('u')!));
    const others = ['Alan Turing', 'Emmy Noether', 'Carl Gauss', 'Grace Hopper'].map((s) => JSON.stringify(rows(questionBindings(ws, q2, s).get('u')!)));
    expect(new Set([JSON.stringify(rows(a.get('u')!)), ...others]).size).toBeGreaterThan(1);
  });

  it('honour the spec: a 3×1 column with entries in -5..5', () => {
    for (let k = 0; k < 50; k++) {
      const u = questionBindings(ws, q2, `s${k}`).get('u')!;
      expect([u.rows, u.cols]).toEqual([3, 1]);
      for (const x of rows(u).flat()) expect(Math.abs(x)).toBeLessThanOrEqual(5);
    }
  });

  it('keep fixed matrices fixed', () => {
    expect(rows(questionBindings(ws, q1, 'anyone').get('A')!)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('draw binary, diagonal, symmetric and psd matrices', () => {
    const text = [
      '---', 'worksheet: R', 'seed: 3', '---', '```question', 'id: r', 'kind: matrix', 'given:',
      '  M: random 3×3 binary', '  D: random 3×3 diagonal integers 1..4', '  S: random 3×3 symmetric integers -4..4', '  P: random 3×3 psd integers -2..2',
      'answer: M ⊙ D ⊙ S ⊙ P', '```',
    ].join('\n');
    const parsed = parseWorksheet(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const q = parsed.value.questions[0]!;
    expect(q.given.givens.get('P')?.properties.has('psd')).toBe(true);
    for (let k = 0; k < 20; k++) {
      const b = questionBindings(parsed.value, q, `s${k}`);
      expect(rows(b.get('M')!).flat().every((x) => x === 0 || x === 1)).toBe(true);
      const d = rows(b.get('D')!);
      d.forEach((r, i) => r.forEach((x, j) => expect(i === j ? x >= 1 && x <= 4 : x === 0).toBe(true)));
      for (const name of ['S', 'P']) {
        const m = rows(b.get(name)!);
        m.forEach((r, i) => r.forEach((x, j) => expect(x).toBe(m[j]?.[i])));
      }
      const p = rows(b.get('P')!);
      // 2×2 principal minors and the diagonal of a Gram matrix are nonnegative
      expect(p.every((r, i) => (r[i] ?? 0) >= 0)).toBe(true);
      expect((p[0]?.[0] ?? 0) * (p[1]?.[1] ?? 0) - (p[0]?.[1] ?? 0) ** 2).toBeGreaterThanOrEqual(0);
    }
  });
});
