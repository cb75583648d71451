/** A position in source text: 1-based line and column, 0-based offset (the fields moo tokens carry). */
export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open range of source text, `start` inclusive and `end` exclusive. */
export interface Span {
  readonly start: Point;
  readonly end: Point;
}

/** The smallest span covering both `a` and `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return {
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}
