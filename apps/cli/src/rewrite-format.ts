import { printPlain, type Expr } from '@odot/core';
import { formatValue, valueToJson, type Value } from '@odot/numeric';
import type { Justification, RewriteStep } from '@odot/rewrite';
import { chainLine } from '@odot/proof';

/** One proof line per step: `= Aᵀ ⊙ Bᵀ   by transpose_hadamard` (a backward use says so in a `#` comment), valid proof text. */
export function stepLine(step: RewriteStep): string {
  return chainLine(step.after, step.law, step.direction);
}

/** A step as JSON: law, direction, before, after (plain-printed) and path. */
export function stepJson(step: RewriteStep): { law: string; direction: string; before: string; after: string; path: readonly number[] } {
  return { law: step.law, direction: step.direction, before: printPlain(step.before), after: printPlain(step.after), path: step.path };
}

/** A justification tree as indented lines: `P ⊙ Q is psd by schur`, its premises below. */
export function justificationLines(j: Justification, indent = ''): string[] {
  const why = j.rule === 'given' ? 'given' : j.rule === 'numeric' ? `numeric check: ${j.evidence ?? ''}` : `by ${j.rule}${j.evidence === undefined ? '' : ` (${j.evidence})`}`;
  return [`${indent}${printPlain(j.expr)} is ${j.property}: ${why}`, ...j.premises.flatMap((p) => justificationLines(p, `${indent}  `))];
}

/** A justification tree as plain JSON (expressions printed). */
export function justificationJson(j: Justification): unknown {
  return {
    expr: printPlain(j.expr),
    property: j.property,
    rule: j.rule,
    ...(j.evidence === undefined ? {} : { evidence: j.evidence }),
    premises: j.premises.map(justificationJson),
  };
}

/** Symbol values as text lines `A = [[1, 2], [3, 4]]`. */
export function bindingLines(bindings: ReadonlyMap<string, Value>): string[] {
  return [...bindings].map(([name, v]) => `${name} = ${formatValue(v).replace(/\n/g, '\n    ')}`);
}

/** The sizes of a counterexample as one line, `sizes: m = 2, n = 3` (none when it has no symbolic sizes). */
export function sizeLines(sizes: ReadonlyMap<string, number> | undefined): string[] {
  return sizes && sizes.size > 0 ? [`sizes: ${[...sizes].map(([k, n]) => `${k} = ${n}`).join(', ')}`] : [];
}

/** Symbol values as JSON `{ name: {shape, value} }` (exact values as strings). */
export function bindingsJson(bindings: ReadonlyMap<string, Value>): Record<string, unknown> {
  return Object.fromEntries([...bindings].map(([name, v]) => [name, valueToJson(v, true)]));
}

/** The plain text of an expression. */
export const plain = (e: Expr): string => printPlain(e);
