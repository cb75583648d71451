import { describe, expect, it } from 'vitest';
import { matrixRows } from '@odot/numeric';
import { handoutHtml, handoutMarkdown } from './handout.ts';
import { variantKey } from './identity.ts';
import { bundled } from './test-fixtures.ts';
import { questionBindings } from './variant.ts';

const ws = bundled();
const q = (id: string) => ws.questions.find((x) => x.id === id) ?? ws.questions[0]!;

describe('handouts', () => {
  const md = handoutMarkdown(ws, { id: 'S1004', name: 'Carl Gauss' });

  it("shows each question's prose and the student's own matrices, keyed like grading", () => {
    expect(md).toMatch(/^# Math Foundations 1: the Hadamard product\n\nWorksheet `WS_Math_Foundations_1` for Carl Gauss \(S1004\)\./);
    expect(md).toContain('## 1. The seed example (q1, 3 points)');
    expect(md).toContain('A = [ 1  2  3 ]\n    [ 4  5  6 ]');
    const u = matrixRows(questionBindings(ws, q('q2'), variantKey({ id: 'S1004' })).get('u')!);
    const width = Math.max(...u.flat().map((c) => c.length));
    expect(md).toContain(`Your matrices:\n\n\`\`\`text\nu = [ ${u[0]![0]!.padStart(width)} ]`);
    // Another student gets other matrices.
    expect(handoutMarkdown(ws, { id: 'S1001', name: 'Ada Lovelace' }).split('## 2.')[1]).not.toBe(md.split('## 2.')[1]);
  });

  it('gives no answers: no model answer, predicted mistake or computed result', () => {
    expect(md).not.toContain('[ 7  16  27 ]');
    expect(md).not.toMatch(/answer: |feedback:|copied-operand|You copied B/);
    expect(md).not.toContain('by hadamard_ones');
    expect(handoutHtml(ws, { name: 'Ann <b>' })).toContain('Ann &lt;b&gt;');
  });
});
