import { givensFrom, type Expr, type Givens, type Property } from '@odot/core';
import { exprToTerm } from './convert.ts';
import { DEFAULT_PRIORITY, WRITTEN_FAMILIES, type CompiledLaw, type Law, type LawCondition, type LawFamily, type LawSpec } from './law.ts';
import { LAW_FAMILIES } from './laws/families.ts';
import { lawError, parseLawText, type ParsedLawText } from './laws/parse-law.ts';
import { PARSED_LAWS } from './laws/parsed.generated.ts';
import { notFreePairs } from './laws/scope.ts';
import type { Term } from './term.ts';

/** The precompiled text of a law when it is current, else the law's text parsed now. */
function parsedText(spec: LawSpec): ParsedLawText {
  const pre = PARSED_LAWS[spec.name];
  if (pre && pre.statement === spec.statement && pre.given === spec.given && pre.premise === spec.premise) return pre;
  return parseLawText(spec);
}

function toPattern(spec: LawSpec, expr: Expr, givens: Givens): Term {
  const t = exprToTerm(expr, givens, { patterns: true });
  if (!t.ok) throw lawError(spec, t.error.message);
  return t.value;
}

function conditionsOf(spec: LawSpec, givens: Givens, sides: readonly [Expr, Expr] | undefined): LawCondition[] {
  const conditions: LawCondition[] = [];
  for (const [variable, info] of givens) {
    conditions.push({ kind: 'shape', variable, shape: info.shape });
    for (const property of info.properties) conditions.push({ kind: 'property', variable, property });
  }
  for (const variable of spec.integers ?? []) conditions.push({ kind: 'positive-integer', variable });
  for (const variable of spec.positiveDiagonal ?? []) conditions.push({ kind: 'positive-diagonal', variable });
  for (const variable of spec.indices ?? []) conditions.push({ kind: 'index', variable });
  for (const [size, dim] of spec.divides ?? []) conditions.push({ kind: 'divides', size, dim });
  if (sides) {
    const variables = new Set([...givens.keys(), ...(spec.indices ?? [])]);
    for (const pair of notFreePairs(sides[0], sides[1], variables)) conditions.push({ kind: 'not-free', ...pair });
  }
  return conditions;
}

/** The law as data, from its spec and parsed text. */
function lawOf(family: LawFamily, spec: LawSpec, text: ParsedLawText, givens: Givens): Law {
  const statement = text.expr;
  const sides = statement.type === 'Equal' ? ([statement.left, statement.right] as const) : undefined;
  const base = {
    name: spec.name,
    aliases: spec.aliases ?? [],
    family,
    statement: spec.statement,
    given: spec.given,
    conditions: conditionsOf(spec, givens, sides),
    simplify: spec.simplify === true,
    priority: spec.priority ?? DEFAULT_PRIORITY,
    scalars: spec.scalars === true,
    description: spec.description,
    ...(spec.structural ? { structural: spec.structural } : {}),
  };
  if (statement.type === 'Equal' && text.premiseExpr) {
    return { ...base, kind: 'rule', lhs: statement.left, rhs: statement.right, premise: text.premiseExpr };
  }
  if (statement.type === 'Equal') return { ...base, kind: 'equation', lhs: statement.left, rhs: statement.right };
  if (statement.type === 'Claim') return { ...base, kind: 'property', lhs: statement.operand, rhs: statement, property: statement.property };
  throw lawError(spec, 'a statement is an equation or a property claim');
}

/** The law's patterns for the rewrite engine's terms. */
function compile(spec: LawSpec, law: Law, givens: Givens): CompiledLaw {
  const integers = new Set(spec.integers ?? []);
  if (law.kind === 'equation') {
    // Both sides are inferred together (so J, 0, I get their sizes from the other side); a law whose
    // sides differ only as 1×1 versus scalar (bilinear_hadamard) is compiled side by side.
    const joint = exprToTerm({ type: 'Equal', left: law.lhs, right: law.rhs }, givens, { patterns: true });
    if (joint.ok) {
      const [lhs, rhs] = joint.value.args as [Term, Term];
      return { law, givens, lhs, rhs, integers };
    }
    return { law, givens, lhs: toPattern(spec, law.lhs, givens), rhs: toPattern(spec, law.rhs, givens), integers };
  }
  const operand = toPattern(spec, law.lhs, givens);
  return { law, givens, lhs: operand, rhs: operand, integers };
}

/** Whether the rewrite engine's terms use a law (matrix equations and property laws, not the laws stated on entries and numbers). */
export function isTermLaw(law: Law): boolean {
  return !WRITTEN_FAMILIES.includes(law.family) && law.kind !== 'rule';
}

const BUILT = LAW_FAMILIES.flatMap(([family, specs]) =>
  specs.map((spec) => {
    const text = parsedText(spec);
    const givens = givensFrom(text.declarations);
    const law = lawOf(family, spec, text, givens);
    return { law, compiled: isTermLaw(law) ? compile(spec, law, givens) : undefined };
  }),
);

/**
 * The law catalogue: every law once, with its stable name, aliases, statement, side conditions
 * and priority — matrix equations, property laws, the entrywise definitions and the laws of numbers.
 */
export const LAWS: readonly Law[] = BUILT.map((b) => b.law);

/** The laws the rewrite engine's terms use, compiled (internal: with patterns). */
export const COMPILED_LAWS: readonly CompiledLaw[] = BUILT.flatMap((b) => (b.compiled ? [b.compiled] : []));

const BY_NAME = new Map<string, Law>();
const COMPILED_BY_NAME = new Map<string, CompiledLaw>();
for (const { law, compiled } of BUILT) {
  for (const name of [law.name, ...law.aliases]) {
    BY_NAME.set(name, law);
    if (compiled) COMPILED_BY_NAME.set(name, compiled);
  }
}

/** The law with exactly this name or alias (a name as a student writes it: `resolveLawName`). */
export function findLaw(name: string): Law | undefined {
  return BY_NAME.get(name);
}

/** The compiled law with this name or alias (internal). */
export function compiledLaw(name: string): CompiledLaw | undefined {
  return COMPILED_BY_NAME.get(name);
}

/** The property a property law concludes, by name (internal helper for inference). */
export function propertyOfLaw(name: string): Property | undefined {
  return BY_NAME.get(name)?.property;
}
