import type { Point, Span } from '@odot/core';

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

/** The point where a token starts. */
export function tokenStart(tok: TokenPosition): Point {
  return { line: tok.line, column: tok.col, offset: tok.offset };
}

/** The point just after a single-line token. */
export function tokenEnd(tok: TokenPosition): Point {
  return { line: tok.line, column: tok.col + tok.text.length, offset: tok.offset + tok.text.length };
}

/** From the start of token `a` to the end of token `b` (the same as `spanFromTo(tokenSpan(a), tokenSpan(b))`, with fewer allocations). */
export function tokensSpan(a: TokenPosition, b: TokenPosition): Span {
  return { start: tokenStart(a), end: tokenEnd(b) };
}

/** From the start of `a` to the end of token `b`. */
export function spanToToken(a: Span, b: TokenPosition): Span {
  return { start: a.start, end: tokenEnd(b) };
}

/** From the start of token `a` to the end of `b`. */
export function spanFromToken(a: TokenPosition, b: Span): Span {
  return { start: tokenStart(a), end: b.end };
}
