import { describe, expect, it } from 'vitest';
import { exactMatrix } from '@odot/numeric';
import { gradeMatrix } from './grade-matrix.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { bundled, questionOf } from './test-fixtures.ts';
import { questionBindings } from './variant.ts';

const ws = bundled();
const q1 = questionOf(ws, 'q1', 'matrix');
const q11 = questionOf(ws, 'q11', 'matrix');
const seed = questionBindings(ws, q1, 'anyone');
const contrast = questionBindings(ws, q11, 'anyone');
const grade = (value: unknown) => gradeMatrix(q1, seed, { value });
const codes = (value: unknown) => grade(value).diagnoses.map((d) => d.code);

// Hand-worked from A = [[1,2,3],[4,5,6]], B = [[7,8,9],[10,11,12]].
const HADAMARD = [[7, 16, 27], [40, 55, 72]];
const A_BT = [[50, 68], [122, 167]]; // 1·7+2·8+3·9 = 50, 1·10+2·11+3·12 = 68, 4·7+5·8+6·9 = 122, 4·10+5·11+6·12 = 167
const AT_B = [[47, 52, 57], [64, 71, 78], [81, 90, 99]];
const SUM = [[8, 10, 12], [14, 16, 18]];
const TRANSPOSED = [[7, 40], [16, 55], [27, 72]];
function kron(a: number[][], b: number[][]): number[][] {
  const out: number[][] = [];
  for (const ar of a) for (const br of b) out.push(ar.flatMap((x) => br.map((y) => x * y)));
  return out;
}

describe('gradeMatrix on the seed example', () => {
  it('gives full marks to [[7,16,27],[40,55,72]] in every written form', () => {
    // the last two are what YAML makes of unquoted `[7 16 27; 40 55 72]` and `[[7 16 27], [40 55 72]]`
    for (const form of [HADAMARD, '[[7,16,27],[40,55,72]]', '[7 16 27; 40 55 72]', [['7', '16', '27'], ['40', '55', '72.0']], ['7 16 27; 40 55 72'], [['7 16 27'], ['40 55 72']]]) {
      expect(grade(form)).toEqual({ id: 'q1', score: 3, max: 3, diagnoses: [{ code: 'correct', message: 'Correct.' }] });
    }
  });

  it('recognises the matrix product (A Bᵀ and Aᵀ B) and says so in words', () => {
    const g = grade(A_BT);
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('matmul-instead-of-hadamard');
    expect(g.diagnoses[0]?.message).toContain('you computed the matrix product A Bᵀ'.replace('you', 'You'));
    expect(g.diagnoses[0]?.message).toContain('multiplies entry by entry');
    expect(codes(AT_B)).toEqual(['matmul-instead-of-hadamard']);
  });

  it('recognises the transpose, the Kronecker product and the sum', () => {
    expect(codes(TRANSPOSED)).toEqual(['transposed']);
    const k = kron([[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]);
    expect(k).toHaveLength(4);
    expect(codes(k)).toEqual(['kronecker-instead-of-hadamard']);
    const s = grade(SUM);
    expect(s.diagnoses.map((d) => d.code)).toEqual(['sum-instead-of-product']);
    expect(s.diagnoses[0]?.cells).toHaveLength(6);
  });

  it('names the wrong cells and gives credit per cell', () => {
    const g = grade([[7, 16, 27], [40, 56, 71]]);
    expect(g.score).toBe(2); // 4 of 6 cells × 3 points
    expect(g.diagnoses).toHaveLength(1);
    expect(g.diagnoses[0]?.code).toBe('entry-errors');
    expect(g.diagnoses[0]?.cells).toEqual([
      { row: 2, col: 2, expected: '55', got: '56' },
      { row: 2, col: 3, expected: '72', got: '71' },
    ]);
    expect(g.diagnoses[0]?.message).toContain('(2,2) should be 55, you wrote 56');
    expect(g.diagnoses[0]?.message).toContain('(2,2) is 5·11 = 55');
  });

  it('reports a shape mismatch that is no known mistake', () => {
    const g = grade([[7, 16], [40, 55]]);
    expect(g.score).toBe(0);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['shape-mismatch']);
    expect(g.diagnoses[0]?.message).toContain('2×2 but A ⊙ B is 2×3');
  });

  it("uses the author's feedback for a predicted mistake (copying B)", () => {
    const g = grade([[7, 8, 9], [10, 11, 12]]);
    expect(g.diagnoses[0]).toMatchObject({ code: 'copied-operand', message: expect.stringContaining('You copied B') });
    expect(g.score).toBe(0.5); // (1,1) happens to be 7
  });

  it('turns unreadable answers into feedback, not crashes', () => {
    expect(codes('seven')).toEqual(['not-a-matrix']);
    expect(codes('[[1, 2], ')).toEqual(['unreadable-answer']);
    expect(codes('A ⊙ B')).toEqual(['not-a-matrix']);
    expect(codes([[1, 2], [3]])).toEqual(['unreadable-answer']);
    expect(codes({ nested: true })).toEqual(['unreadable-answer']);
  });
});

describe('gradeMatrix on the matrix product C D', () => {
  const g = (value: unknown) => gradeMatrix(q11, contrast, { value }).diagnoses.map((d) => d.code);
  // C = [[1,2],[3,4]], D = [[0,1],[1,0]]: C D = [[2,1],[4,3]], D C = [[3,4],[1,2]], C ⊙ D = [[0,2],[3,0]].
  it('accepts C D', () => expect(g([[2, 1], [4, 3]])).toEqual(['correct']));
  it('recognises swapped operands', () => expect(g([[3, 4], [1, 2]])).toEqual(['swapped-operands']));
  it('recognises ⊙ for the matrix product', () => expect(g([[0, 2], [3, 0]])).toEqual(['hadamard-instead-of-matmul']));
  it('recognises the transpose', () => expect(g([[2, 4], [1, 3]])).toEqual(['transposed']));
});

describe('vectors and tolerance', () => {
  const source = (accept: string) =>
    `---\nworksheet: T\n---\n\`\`\`question\nid: v\nkind: matrix\ngiven:\n  u: [1, 2, 3]\n  w: [4, 5, 6]\nanswer: u ⊙ w\n${accept}\`\`\`\n`;
  const parsed = parseWorksheet(source('accept:\n  tolerance: 0.01\n'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const q = parsed.value.questions[0];
  if (q?.kind !== 'matrix') throw new Error('kind');
  const bindings = questionBindings(parsed.value, q, 's');
  it('reads a flat list as a column and accepts a row vector for a column', () => {
    expect(gradeMatrix(q, bindings, { value: [4, 10, 18] }).score).toBe(1);
    expect(gradeMatrix(q, bindings, { value: [[4, 10, 18]] }).score).toBe(1);
  });
  it('recognises the dot product uᵀw = 32 as a matrix product', () => {
    const dot = gradeMatrix(q, bindings, { value: 32 }).diagnoses[0];
    expect(dot?.code).toBe('matmul-instead-of-hadamard');
    expect(dot?.message).toContain('You computed the dot product uᵀ w');
    // u wᵀ = [[4,5,6],[8,10,12],[12,15,18]]
    const outer = gradeMatrix(q, bindings, { value: [[4, 5, 6], [8, 10, 12], [12, 15, 18]] }).diagnoses[0];
    expect(outer?.message).toContain('You computed the outer product u wᵀ');
  });
  it('accepts entries within the tolerance, and only those', () => {
    expect(gradeMatrix(q, bindings, { value: [4.005, 10, 18] }).score).toBe(1);
    expect(gradeMatrix(q, bindings, { value: [4.5, 10, 18] }).diagnoses[0]?.code).toBe('entry-errors');
  });
  it('compares exactly without a tolerance', () => {
    const exact = parseWorksheet(source(''));
    if (!exact.ok || exact.value.questions[0]?.kind !== 'matrix') throw new Error('load');
    const qq = exact.value.questions[0];
    expect(gradeMatrix(qq, questionBindings(exact.value, qq, 's'), { value: [4.000001, 10, 18] }).score).toBeLessThan(1);
    expect(exactMatrix([[1]]).rows).toBe(1);
  });
});
