import type { Expr } from '@odot/core';

/** One application of a law, as the checker records it (the same fields as rewrite's `RewriteStep`). */
export interface AppliedStep {
  readonly law: string;
  /** `forward` rewrites the law's left side into its right side. */
  readonly direction: 'forward' | 'backward';
  /** Child indices from the root to the rewritten sub-expression (`childrenOf` order; for catalogue steps, in the canonical term of `before`). */
  readonly path: readonly number[];
  /** For a catalogue law applied inside an n-ary ⊙, + or product: the children it used. */
  readonly children?: readonly number[];
  /** The law's variables bound to sub-expressions. */
  readonly substitution: ReadonlyMap<string, Expr>;
  readonly before: Expr;
  readonly after: Expr;
  /** Which rule set produced it: the entrywise calculus of this package, or rewrite's catalogue. */
  readonly origin: 'entrywise' | 'catalogue';
}
