import type { Span } from '@odot/core';

/** The position fields of a token. */
export interface TokenPosition {
  readonly text: string;
  readonly offset: number;
  readonly line: number;
  readonly col: number;
}

/** The span of a single-line token (tokens never contain line breaks; whitespace is dropped). */
export function tokenSpan(tok: TokenPosition): Span {
  return {
    start: { line: tok.line, column: tok.col, offset: tok.offset },
    end: { line: tok.line, column: tok.col + tok.text.length, offset: tok.offset + tok.text.length },
  };
}

/** From the start of `a` to the end of `b`. */
export function spanFromTo(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}
