import { printPlain, type Expr } from '@odot/core';
import type { RewriteStep } from '@odot/rewrite';

/** What a chain line needs of a step: rewrite's one step type, narrowed to the result and the law. */
export type ChainStep = Pick<RewriteStep, 'after' | 'law' | 'direction'>;

/**
 * One chain line of a proof, as `odot simplify --steps` and the certificates print it:
 * `= Aᵀ ⊙ Bᵀ   by transpose_hadamard`. A law used right to left says so in a trailing comment
 * (the checker applies laws in either direction, so the line is valid proof text either way).
 */
export function chainLine(after: Expr, law: string, direction: 'forward' | 'backward' = 'forward'): string {
  return `= ${printPlain(after)}   by ${law}${direction === 'backward' ? '   # right to left' : ''}`;
}

/** A chain as proof body lines: the start expression, then one indented `= X   by LAW` line per step. */
export function chainLines(start: Expr, steps: readonly ChainStep[]): string[] {
  return [`    ${printPlain(start)}`, ...steps.map((step) => `  ${chainLine(step.after, step.law, step.direction)}`)];
}
