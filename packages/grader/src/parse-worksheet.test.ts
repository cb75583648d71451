import { describe, expect, it } from 'vitest';
import { formatError } from '@odot/core';
import { parseWorksheet } from './parse-worksheet.ts';
import { BUNDLED_TEXT, bundled } from './test-fixtures.ts';

const wrap = (block: string, front = 'worksheet: T\nseed: 7') => `---\n${front}\n---\n# Title\n\nSome prose.\n\n\`\`\`question\n${block}\n\`\`\`\n`;

describe('parseWorksheet', () => {
  it('loads the bundled worksheet: 12 questions of every kind', () => {
    const ws = bundled();
    expect(ws.id).toBe('WS_Math_Foundations_1');
    expect(ws.seed).toBe('20250530');
    expect(ws.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12']);
    expect(new Set(ws.questions.map((q) => q.kind))).toEqual(new Set(['matrix', 'shape', 'truefalse', 'proof', 'expression', 'psd']));
    expect(ws.maxScore).toBe(ws.questions.reduce((s, q) => s + q.points, 0));
    expect(ws.questions[0]?.title).toBe('1. The seed example');
    expect(ws.questions[0]?.prompt).toContain('Compute $\\mathbf{A} \\odot \\mathbf{B}$');
  });

  it('reads givens: literals, random specs and declarations', () => {
    const q2 = bundled().questions[1];
    expect(q2?.given.matrices).toEqual([
      { type: 'random', name: 'u', rows: 3, cols: 1, structure: 'general', numbers: 'integers', min: -5, max: 5, constraints: [], spec: 'random 3 integers -5..5' },
      { type: 'random', name: 'v', rows: 3, cols: 1, structure: 'general', numbers: 'integers', min: -5, max: 5, constraints: [], spec: 'random 3 integers -5..5' },
    ]);
    const q4 = bundled().questions[3];
    expect(q4?.given.declarations).toEqual(['A, B, C: m×n']);
    expect(q4?.given.givens.get('C')?.shape).toEqual({ kind: 'matrix', rows: 'm', cols: 'n' });
  });

  it('reads accept options', () => {
    const q9 = bundled().questions[8];
    expect(q9?.accept).toEqual({ dialects: ['plain', 'numpy'], byAlgebra: false, tolerance: 0 });
  });

  it.each([
    ['no frontmatter', '# just prose\n', /no YAML frontmatter/],
    ['no worksheet id', '---\ntitle: x\n---\n```question\nid: q\n```\n', /needs `worksheet: ID`/],
    ['no questions', '---\nworksheet: T\n---\nprose\n', /no ```question blocks/],
    ['bad YAML', wrap('id: q1\nkind: [matrix'), /question block/],
    ['unknown kind', wrap('id: q1\nkind: essay\nanswer: x'), /unknown kind 'essay'/],
    ['missing answer', wrap('id: q1\nkind: matrix'), /`answer`/],
    ['unparsable answer', wrap('id: q1\nkind: expression\nanswer: A ⊙ (B'), /answer: cannot parse/],
    ['bad random spec', wrap('id: q1\nkind: matrix\ngiven:\n  A: random lots\nanswer: A'), /cannot read the random spec/],
    ['bad declaration', wrap('id: q1\nkind: expression\ngiven:\n  A: 2×\nanswer: A'), /declaration/],
    ['unknown field', wrap('id: q1\nkind: matrix\nanswr: A\nanswer: A'), /unknown field 'answr'/],
    ['unknown dialect', wrap('id: q1\nkind: expression\nanswer: A\naccept:\n  dialects: [fortran]'), /unknown dialect 'fortran'/],
    ['bad shape answer', wrap('id: q1\nkind: shape\nexpr: A\nanswer: enormous'), /cannot read the shape/],
    ['reason points without a reason', wrap('id: q1\nkind: truefalse\nanswer: true\npoints: 2\nreason_points: 1'), /needs a `reason`/],
  ])('rejects %s with a located error', (_name, text, message) => {
    const r = parseWorksheet(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(message);
      expect(r.error.span?.start.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('points at the question block of the error', () => {
    const text = BUNDLED_TEXT.replace('answer: C D', 'answer: C (D');
    const r = parseWorksheet(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.startsWith('answer: C (D')) + 1;
    expect(r.error.span?.start.line).toBe(line);
    expect(r.error.message).toMatch(/^question q11: answer: cannot parse/);
    expect(formatError(r.error, text)).toContain('answer: C (D');
  });

  it('rejects duplicate ids', () => {
    const text = `${wrap('id: q1\nkind: truefalse\nanswer: true')}\n\`\`\`question\nid: q1\nkind: truefalse\nanswer: false\n\`\`\`\n`;
    const r = parseWorksheet(text);
    expect(!r.ok && r.error.message).toMatch(/used twice/);
  });
});
