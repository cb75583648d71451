import { describe, expect, it } from 'vitest';
import { only, sheetText } from './authoring-fixtures.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { selfTest } from './self-test.ts';
import { bundled } from './test-fixtures.ts';

describe('worksheet test: undeclared symbols', () => {
  it('fails on a model answer using an undeclared symbol', () => {
    const { ws } = only('id: e\nkind: expression\ngiven:\n  "A, B": 2×3\nanswer: A ⊙ b\n', 'expression');
    const report = selfTest(ws);
    expect(report.ok).toBe(false);
    const check = report.checks.find((c) => c.what === 'declared symbols');
    expect(check?.message).toBe('`answer` uses b, which `given` does not declare (it declares A, B)');
  });
  it('checks statements, psd matrices, goals and forbidden parts too, but not entry indices', () => {
    const { ws } = only('id: t\nkind: truefalse\ngiven:\n  A: n×n\nstatement: A ⊙ I = C\nanswer: false\n', 'truefalse');
    expect(selfTest(ws).checks.find((c) => c.what === 'declared symbols')?.message).toContain('`statement` uses C');
    const { ws: p } = only('id: p\nkind: proof\ngiven:\n  "A, B": m×n\nprove: A[i,j] = A[i,j]\nanswer: |\n  A[i,j]\n  = A[i,j] by algebra\naccept:\n  by_algebra: true\n', 'proof');
    expect(selfTest(p).checks.some((c) => c.what === 'declared symbols')).toBe(false);
  });
  it('finds nothing undeclared in the bundled worksheet', () => {
    expect(selfTest(bundled(), { variants: 1 }).checks.some((c) => c.what === 'declared symbols')).toBe(false);
  });
});

describe('worksheet test: YAML errors', () => {
  const block = 'id: q1\nkind: matrix\ngiven:\n  A: [[1, 2], [3, 4]]\nanswer: A\nfeedback:\n  - answer: B\n    text: You copied B: multiply it.\n';
  const text = sheetText(block);
  const lineOf = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('reports the line inside the block, and explains a colon in feedback text', () => {
    const r = parseWorksheet(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.span?.start.line).toBe(lineOf('You copied B'));
    expect(r.error.span?.start.line).not.toBe(lineOf('id: q1'));
    expect(r.error.message).toContain('quote the text: a `: ` inside an unquoted value starts a new key');
    expect(r.error.message).toContain(`(line ${lineOf('You copied B')})`);
  });
  it('loads once the text is quoted', () => {
    expect(parseWorksheet(sheetText(block.replace('text: You copied B: multiply it.', 'text: "You copied B: multiply it."'))).ok).toBe(true);
  });
  it('points at an unclosed bracket without the colon hint', () => {
    const bad = sheetText('id: q1\nkind: matrix\ngiven:\n  A: [[1, 2], [3, 4]\n  B: [[1]]\nanswer: A\n');
    const r = parseWorksheet(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = r.error.span?.start.line ?? 0;
    expect(line).toBeGreaterThan(bad.split('\n').findIndex((l) => l.includes('id: q1')) + 1);
    expect(r.error.message).not.toContain('quote the text');
  });
});
