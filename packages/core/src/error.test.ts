import { describe, expect, it } from 'vitest';
import { formatError, odotError } from './error.ts';

const span = { start: { offset: 9, line: 2, column: 5 }, end: { offset: 11, line: 2, column: 7 } };

describe('formatError', () => {
  it('points at line:column with the source line and a caret', () => {
    expect(formatError(odotError('bad', 'oops', { span, hints: ['try this'] }), 'first\nsee ABCD')).toBe(
      ['error: oops', '  --> 2:5', '  |', '2 | see ABCD', '  |     ^^', '  = help: try this'].join('\n'),
    );
  });

  it('names the file before line:column when given', () => {
    expect(formatError(odotError('bad', 'oops', { span }), undefined, 'proofs/x.proof')).toBe('error: oops\n  --> proofs/x.proof:2:5');
    expect(formatError(odotError('bad', 'oops'), undefined, 'proofs/x.proof')).toBe('error: oops\n  --> proofs/x.proof');
  });
});
