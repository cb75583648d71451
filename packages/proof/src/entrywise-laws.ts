import { childrenOf, sumIndices, numberLiteral, ones, withChildren, zero, type Expr } from '@odot/core';
import { LAWS, findLaw, type Law } from '@odot/rewrite';
import type { PatternCondition, PatternRule } from './pattern.ts';

/**
 * A catalogue law as the checker applies it to written expressions: an entrywise definition, a
 * law of numbers (or a matrix law that is also one, applied to scalars), or a structural law.
 */
export interface EntrywiseLaw {
  readonly name: string;
  /**
   * `definition`: an operator on entries; `number`: a law of real numbers, for scalars only;
   * `structural`: commutativity/associativity as written (any shapes) — the rewrite engine keeps
   * these in its representation, so the checker applies them to the written expressions itself.
   */
  readonly family: 'definition' | 'number' | 'structural';
  /** The statement, as the catalogue writes it. */
  readonly statement: string;
  readonly description: string;
  readonly rules: readonly PatternRule[];
}

/** Which family a catalogue law is applied in, or undefined when the checker does not apply it as written. */
function familyOf(law: Law): EntrywiseLaw['family'] | undefined {
  if (law.kind !== 'equation') return undefined;
  if (law.family === 'entrywise') return 'definition';
  if (law.structural !== undefined) return 'structural';
  if (law.family === 'number' || law.scalars) return 'number';
  return undefined;
}

/**
 * A side of a law as a pattern: `J`, `0`, `I` match any size; read as numbers (a matrix law
 * applied to scalars) `I` is `1` and `J` is `1`.
 */
function patternOf(e: Expr, asNumbers: boolean): Expr {
  switch (e.type) {
    case 'Identity':
      return asNumbers ? numberLiteral('1') : { type: 'Identity' };
    case 'Ones':
      return asNumbers ? numberLiteral('1') : ones();
    case 'Zero':
      return zero();
    default: {
      const children = childrenOf(e);
      return children.length === 0 ? e : withChildren(e, children.map((c) => patternOf(c, asNumbers)));
    }
  }
}

/** The pattern and, for `s X` with s a number and X a matrix, the same with `s X` written as a scalar multiple (`2 X`). */
function spellings(e: Expr, scalars: ReadonlySet<string>, matrices: ReadonlySet<string>): Expr[] {
  const children = childrenOf(e);
  const options = children.map((c) => spellings(c, scalars, matrices));
  let combos: Expr[][] = [[]];
  for (const choice of options) combos = combos.flatMap((prefix) => choice.map((c) => [...prefix, c]));
  const rebuilt = children.length === 0 ? [e] : combos.map((args) => withChildren(e, args));
  const out: Expr[] = [...rebuilt];
  for (const node of rebuilt) {
    if (node.type === 'MatMul' && node.left.type === 'Identifier' && scalars.has(node.left.name) && node.right.type === 'Identifier' && matrices.has(node.right.name)) {
      out.push({ type: 'ScalarMul', scalar: node.left, operand: node.right });
    }
  }
  return out;
}

/**
 * A size the law's text uses as a number (`p` of def_kron, declared `p: natural` beside `Y: p×q`)
 * must be that size of the matrix it is bound with: one `size` condition per such dimension.
 */
function sizeConditions(law: Law, scalars: ReadonlySet<string>): PatternCondition[] {
  const out: PatternCondition[] = [];
  for (const c of law.conditions) {
    if (c.kind !== 'shape' || c.shape.kind !== 'matrix') continue;
    for (const axis of ['rows', 'cols'] as const) {
      const dim = c.shape[axis];
      if (typeof dim === 'string' && scalars.has(dim)) out.push({ kind: 'size', size: dim, matrix: c.variable, axis });
    }
  }
  for (const c of law.conditions) if (c.kind === 'divides') out.push(...divisionCondition(law, c.size, c.dim));
  return out;
}

/** A size q that must divide the dimension n (sum_block): a `size` condition on the first matrix with n as a size. */
function divisionCondition(law: Law, size: string, dim: string): PatternCondition[] {
  for (const c of law.conditions) {
    if (c.kind !== 'shape' || c.shape.kind !== 'matrix') continue;
    const axis = c.shape.rows === dim ? 'rows' : c.shape.cols === dim ? 'cols' : undefined;
    if (axis) return [{ kind: 'size', size, matrix: c.variable, axis, divides: true }];
  }
  return [];
}

/** The pairs of summation indices of a side where one sum encloses the other: they must bind different names. */
function nestedBinders(e: Expr, outer: readonly string[] = [], out: [string, string][] = []): [string, string][] {
  const inner = e.type === 'Sum' ? [...outer, e.index] : outer;
  if (e.type === 'Sum') for (const name of outer) if (name !== e.index) out.push([name, e.index]);
  for (const child of childrenOf(e)) nestedBinders(child, inner, out);
  return out;
}

/** The pattern rules of a catalogue law (none when the checker does not apply it as written). */
export function rulesOf(law: Law): PatternRule[] {
  const family = familyOf(law);
  if (family === undefined) return [];
  const asNumbers = family === 'number' && law.family !== 'number';
  const scalars = new Set<string>();
  const matrices = new Set<string>();
  const variables = new Set<string>();
  const conditions: PatternCondition[] = [];
  for (const c of law.conditions) {
    if (c.kind === 'shape') {
      variables.add(c.variable);
      (c.shape.kind === 'scalar' ? scalars : matrices).add(c.variable);
    } else if (c.kind === 'index') {
      variables.add(c.variable);
    } else if (c.kind === 'not-free') {
      conditions.push({ kind: 'not-free', index: c.index, in: [c.variable] });
    }
  }
  conditions.push(...sizeConditions(law, scalars));
  for (const pair of [...nestedBinders(law.lhs), ...nestedBinders(law.rhs)]) conditions.push({ kind: 'distinct', indices: pair });
  for (const k of sumIndices(law.rhs, sumIndices(law.lhs))) variables.add(k);
  if (family !== 'structural' || scalars.size > 0) {
    for (const v of scalars) conditions.push({ kind: 'scalar', variable: v });
    for (const v of matrices) {
      if (family === 'definition') conditions.push({ kind: 'matrix', variable: v });
      else if (asNumbers) conditions.push({ kind: 'scalar', variable: v });
    }
  }
  const scalarOnly = family === 'number';
  const lhs = patternOf(law.lhs, asNumbers);
  const rhs = patternOf(law.rhs, asNumbers);
  const spell = (e: Expr): Expr[] => (family === 'definition' ? spellings(e, scalars, matrices) : [e]);
  return spell(lhs).flatMap((l) => spell(rhs).map((r) => ({ lhs: l, rhs: r, variables, conditions, scalarOnly })));
}

/**
 * The laws this package applies to written expressions — a view of @odot/rewrite's catalogue (the
 * entrywise definitions `def_…`, the laws of numbers, the matrix laws that are also laws of numbers,
 * and the structural laws); proof keeps no law table of its own.
 */
export const ENTRYWISE_LAWS: readonly EntrywiseLaw[] = LAWS.flatMap((law) => {
  const family = familyOf(law);
  const rules = rulesOf(law);
  return family === undefined || rules.length === 0 ? [] : [{ name: law.name, family, statement: law.statement, description: law.description, rules }];
});

const BY_NAME = new Map(ENTRYWISE_LAWS.map((law) => [law.name, law] as const));

/** The entrywise law of that catalogue name or alias, if any. */
export function findEntrywiseLaw(name: string): EntrywiseLaw | undefined {
  const law = findLaw(name);
  return law ? BY_NAME.get(law.name) : undefined;
}
