import type { Claim, Equal, Expr } from '@odot/core';
import type { ProofLine } from './proof-ast.ts';

/** The chain of equalities being checked: where it started, where it stands, and whether a line of it failed. */
export interface Chain {
  readonly start: Expr;
  readonly startLine: ProofLine;
  /** The last expression of the chain; undefined after an unreadable line. */
  current: Expr | undefined;
  last: ProofLine;
  steps: number;
  /** The line of the first failed line of this chain: later steps are judged against the student's own previous line (`unchecked`). */
  failedAt?: number;
  /** The lines of the chain by expression key, to spot a step that returns to an earlier line. */
  readonly seen: Map<string, number>;
}

/** What the proof ends with: a chain, a whole equation, or a claim. */
export type Conclusion =
  | { readonly kind: 'chain'; readonly chain: Chain }
  | { readonly kind: 'equation'; readonly statement: Equal; readonly line: ProofLine }
  | { readonly kind: 'claim'; readonly statement: Claim; readonly line: ProofLine };

/** A new chain starting at `start` on `line`, standing at `current`. */
export function newChain(start: Expr, line: ProofLine, current: Expr | undefined, steps: number, key: (expr: Expr) => string): Chain {
  const seen = new Map<string, number>([[key(start), line.line]]);
  if (current !== undefined) seen.set(key(current), line.line);
  return { start, startLine: line, current, last: line, steps, seen };
}
