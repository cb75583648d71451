import { describe, expect, it } from 'vitest';
import {
  eigenBarChart,
  fillMissingBindings,
  equivVerdictText,
  formatNumber,
  traceWindow,
  literalCells,
  matrixText,
  outcomeStatus,
  parseBindings,
  proofLines,
  psdVerdictText,
  setBindingCell,
  upsertBinding,
} from './view-models.ts';

describe('eigenvalue bar chart', () => {
  it('draws positive bars above and negative bars below a shared zero line', () => {
    const chart = eigenBarChart([-1, 3], 100, 80, 0);
    expect(chart.zeroY).toBe(60);
    const [neg, pos] = chart.bars;
    expect(neg).toMatchObject({ x: 0, y: 60, width: 50, height: 20, negative: true });
    expect(pos).toMatchObject({ x: 50, y: 0, width: 50, height: 60, negative: false });
    // Heights are proportional to |λ| on one scale.
    expect(pos!.height / neg!.height).toBe(3);
  });

  it('puts the zero line at the bottom when all eigenvalues are ≥ 0 and handles empty input', () => {
    const chart = eigenBarChart([0, 1, 2], 90, 50, 0);
    expect(chart.zeroY).toBe(50);
    expect(chart.bars.map((b) => b.height)).toEqual([0, 25, 50]);
    expect(eigenBarChart([]).bars).toEqual([]);
    expect(eigenBarChart([0, 0]).bars.every((b) => b.height === 0)).toBe(true);
  });

  it('labels bars with rounded values', () => {
    expect(eigenBarChart([1 / 3]).bars[0]?.label).toBe('λ1 = 0.333333');
    expect(formatNumber(-1e-15)).toBe('0');
    expect(formatNumber(2.5)).toBe('2.5');
  });
});

describe('matrix text and bindings', () => {
  it('prints matrices compactly', () => {
    expect(matrixText({ scalar: false, rows: [['7', '16', '27'], ['40', '55', '72']] })).toBe('[[7,16,27],[40,55,72]]');
    expect(matrixText({ scalar: true, rows: [['-1/2']] })).toBe('-1/2');
  });

  it('splits literal matrices into cells in both notations', () => {
    expect(literalCells('[[1,2,3],[4,5,6]]')).toEqual([['1', '2', '3'], ['4', '5', '6']]);
    expect(literalCells(' [ [1, -2] , [3/4, 0.5] ] ')).toEqual([['1', '-2'], ['3/4', '0.5']]);
    expect(literalCells('[1 2; 3 4]')).toEqual([['1', '2'], ['3', '4']]);
    expect(literalCells('[[1,2],[3]]')).toBeUndefined();
    expect(literalCells('[[a,2],[3,4]]')).toBeUndefined();
    expect(literalCells('diag([[1],[2]])')).toBeUndefined();
  });

  it('reads binding lines and skips the rest', () => {
    expect(parseBindings('A = [[1,2],[3,4]]\n# note\nc = 1/2\nnot a binding\n2x = [[1]]')).toEqual([
      { name: 'A', value: '[[1,2],[3,4]]', cells: [['1', '2'], ['3', '4']] },
      { name: 'c', value: '1/2' },
    ]);
  });

  it('edits one cell and keeps other lines untouched', () => {
    const text = 'A = [[1,2],[3,4]]\nB = [5 6; 7 8]';
    expect(setBindingCell(text, 'B', 1, 0, '-9')).toBe('A = [[1,2],[3,4]]\nB = [[5,6],[-9,8]]');
    expect(setBindingCell(text, 'A', 0, 1, '')).toBe('A = [[1,0],[3,4]]\nB = [5 6; 7 8]');
    expect(setBindingCell(text, 'A', 5, 0, '1')).toBe(text);
    expect(setBindingCell(text, 'C', 0, 0, '1')).toBe(text);
  });

  it('adds or replaces a binding', () => {
    expect(upsertBinding('', 'A', [['1']])).toBe('A = [[1]]');
    expect(upsertBinding('A = [[1]]\nB = [[2]]', 'A', [['3', '4']])).toBe('A = [[3,4]]\nB = [[2]]');
    expect(upsertBinding('A = [[1]]', 'B', [['2']])).toBe('A = [[1]]\nB = [[2]]');
  });
});

describe('proof pane lines', () => {
  it('marks checked steps by line number and leaves other lines plain', () => {
    const text = 'given A: n×n\nprove A = A\nproof\n  A\n  = A by refl\nqed';
    const lines = proofLines(text, {
      valid: false,
      diagnostics: [],
      theorems: [{ goal: 'A = A', valid: false, diagnostics: [], steps: [{ line: 5, ok: false, status: 'failed', code: 'unknown-law', text: '= A by refl', law: 'refl', message: 'unknown law refl' }] }],
    });
    expect(lines).toHaveLength(6);
    expect(lines[4]).toEqual({ line: 5, text: '  = A by refl', mark: '✗', message: 'unknown law refl' });
    expect(lines.filter((l) => l.mark !== '')).toHaveLength(1);
  });

  it('merges several verdicts on one line: any failure marks it ✗, messages are joined', () => {
    const lines = proofLines('a\nb', {
      valid: false,
      diagnostics: [],
      theorems: [
        {
          goal: 'g',
          valid: false,
          diagnostics: [],
          steps: [
            { line: 2, ok: true, status: 'ok', code: 'ok', text: 'b', law: 'hadamard_comm', message: 'by hadamard_comm' },
            { line: 2, ok: false, status: 'failed', code: 'wrong-end', text: 'b', law: '', message: 'the chain ends at the wrong expression' },
          ],
        },
      ],
    });
    expect(lines[1]).toEqual({ line: 2, text: 'b', mark: '✗', message: 'by hadamard_comm · the chain ends at the wrong expression' });
  });

  it('marks lines named by diagnostics when no step covers them', () => {
    const lines = proofLines('prove A =\nqed', {
      valid: false,
      theorems: [],
      diagnostics: [{ code: 'parse', severity: 'error', message: 'expected an expression', formatted: '', line: 1, column: 10 }],
    });
    expect(lines[0]?.mark).toBe('✗');
    expect(proofLines('x', undefined)).toEqual([{ line: 1, text: 'x', mark: '', message: '' }]);
  });
});

describe('pane status', () => {
  it('says "timed out" on timeouts and nothing when done', () => {
    expect(outcomeStatus({ status: 'timeout', ms: 4000 })).toBe('timed out after 4000 ms (the engine was restarted)');
    expect(outcomeStatus({ status: 'superseded' })).toBe('');
    expect(outcomeStatus({ status: 'crashed', message: 'x' })).toBe('internal error: x');
    expect(outcomeStatus({ status: 'done', result: { kind: 'proof', ok: false, diagnostics: [] } })).toBe('');
  });
});

describe('psd verdict text', () => {
  it('names the property and the answer', () => {
    expect(psdVerdictText({ property: 'psd', verdict: 'yes' })).toBe('psd');
    expect(psdVerdictText({ property: 'pd', verdict: 'no' })).toBe('not pd');
    expect(psdVerdictText({ property: 'psd', verdict: 'unknown' })).toBe('unknown');
  });
});

describe('starter values', () => {
  it('fills only unbound symbols with a concrete shape, keeping existing values', () => {
    const sized = [
      { name: 'A', scalar: false, rows: 2, cols: 3 },
      { name: 'B', scalar: false, rows: 2, cols: 3 },
      { name: 'c', scalar: true, rows: 1, cols: 1 },
      { name: 'X', scalar: false, rows: 1, cols: 1 },
    ];
    expect(fillMissingBindings('A = [[9,9,9],[9,9,9]]', sized)).toBe('A = [[9,9,9],[9,9,9]]\nB = [[1,2,3],[4,5,6]]\nc = 2\nX = [[1]]');
    expect(fillMissingBindings('', [{ name: 'X', scalar: false, rows: 40, cols: 40 }])).toBe('');
  });
});

describe('limits and long traces', () => {

  it('renders short traces whole and long ones as head and tail', () => {
    expect(traceWindow(3)).toEqual({ first: 3, last: 0, hidden: 0 });
    expect(traceWindow(12)).toEqual({ first: 12, last: 0, hidden: 0 });
    expect(traceWindow(1000)).toEqual({ first: 5, last: 5, hidden: 990 });
  });
});

describe('equivalence verdicts', () => {
  it('never calls an undecided check "not equivalent"', () => {
    expect(equivVerdictText({ equivalent: true, method: 'proved' })).toBe('equivalent');
    expect(equivVerdictText({ equivalent: false, method: 'refuted' })).toBe('not equivalent');
    expect(equivVerdictText({ equivalent: false, method: 'unknown' })).not.toContain('not equivalent');
  });
});
