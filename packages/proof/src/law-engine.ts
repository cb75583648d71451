import type { Expr, Givens } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import { applyEntrywiseLaw } from './entrywise.ts';
import { ENTRYWISE_LAWS, findEntrywiseLaw } from './entrywise-laws.ts';

/** A source of law applications the checker can cite by name. */
export interface LawEngine {
  /** Every law name this engine knows (the catalogue's names; it also knows their aliases). */
  readonly names: readonly string[];
  /** True when `name` is a law of this engine. */
  readonly knows: (name: string) => boolean;
  /** The statement of the law, for messages. */
  readonly statement: (name: string) => string | undefined;
  /** True for laws that only reorder or regroup (commutativity, associativity, coefficient merging). */
  readonly isStructural: (name: string) => boolean;
  /** Every single application of law `name` to `expr` (both directions, every position), side conditions checked against `givens`. */
  readonly apply: (expr: Expr, name: string, givens: Givens) => readonly AppliedStep[];
}

/** The entrywise calculus of this package (`def_hadamard`, `def_matmul`, `mul_comm`, …). */
export const entrywiseEngine: LawEngine = {
  names: ENTRYWISE_LAWS.map((law) => law.name),
  knows: (name) => findEntrywiseLaw(name) !== undefined,
  statement: (name) => findEntrywiseLaw(name)?.statement,
  isStructural: (name) => findEntrywiseLaw(name)?.family === 'structural',
  apply: (expr, name, givens) => applyEntrywiseLaw(expr, name, { givens }),
};

/** Several engines as one: a name is known when any engine knows it; applications are pooled. */
export function combineEngines(engines: readonly LawEngine[]): LawEngine {
  return {
    names: [...new Set(engines.flatMap((engine) => engine.names))],
    knows: (name) => engines.some((engine) => engine.knows(name)),
    statement: (name) => engines.map((engine) => engine.statement(name)).find((s) => s !== undefined),
    isStructural: (name) => engines.some((engine) => engine.isStructural(name)),
    apply: (expr, name, givens) => engines.flatMap((engine) => (engine.knows(name) ? engine.apply(expr, name, givens) : [])),
  };
}
