import { givensFrom, OdotException, odotError, type Declaration, type Expr, type Givens, type Property } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { exprToTerm } from './convert.ts';
import type { CompiledLaw, Law, LawCondition, LawFamily, LawSpec } from './law.ts';
import { ADD_LAWS } from './laws/add.ts';
import { DIAGONAL_LAWS } from './laws/diagonal.ts';
import { HADAMARD_LAWS } from './laws/hadamard.ts';
import { KRONECKER_LAWS } from './laws/kronecker.ts';
import { MATMUL_LAWS } from './laws/matmul.ts';
import { PROPERTY_LAWS } from './laws/property.ts';
import { TRACE_LAWS } from './laws/trace.ts';
import { TRANSPOSE_LAWS } from './laws/transpose.ts';
import type { Term } from './term.ts';

const FAMILIES: readonly (readonly [LawFamily, readonly LawSpec[]])[] = [
  ['hadamard', HADAMARD_LAWS],
  ['transpose', TRANSPOSE_LAWS],
  ['matmul', MATMUL_LAWS],
  ['add', ADD_LAWS],
  ['diagonal', DIAGONAL_LAWS],
  ['trace', TRACE_LAWS],
  ['kronecker', KRONECKER_LAWS],
  ['property', PROPERTY_LAWS],
];

function lawError(spec: LawSpec, message: string): OdotException {
  return new OdotException(odotError('bad-law', `law ${spec.name}: ${message}`));
}

function declarationsOf(spec: LawSpec): Declaration[] {
  if (spec.given.trim() === '') return [];
  const parsed = parseDeclarations(spec.given);
  if (!parsed.ok) throw lawError(spec, parsed.error.message);
  return parsed.value;
}

function toPattern(spec: LawSpec, expr: Expr, givens: Givens): Term {
  const t = exprToTerm(expr, givens, { patterns: true });
  if (!t.ok) throw lawError(spec, t.error.message);
  return t.value;
}

function compile(family: LawFamily, spec: LawSpec): CompiledLaw {
  const declarations = declarationsOf(spec);
  const givens = givensFrom(declarations);
  const statement = parseExpr(spec.statement);
  const conditions: LawCondition[] = [];
  for (const [variable, info] of givens) {
    conditions.push({ kind: 'shape', variable, shape: info.shape });
    for (const property of info.properties) conditions.push({ kind: 'property', variable, property });
  }
  for (const variable of spec.integers ?? []) conditions.push({ kind: 'positive-integer', variable });
  const base = {
    name: spec.name,
    aliases: spec.aliases ?? [],
    family,
    statement: spec.statement,
    given: spec.given,
    conditions,
    simplify: spec.simplify === true,
    description: spec.description,
    ...(spec.structural ? { structural: spec.structural } : {}),
  };
  const integers = new Set(spec.integers ?? []);
  if (statement.type === 'Equal') {
    const law: Law = { ...base, kind: 'equation', lhs: statement.left, rhs: statement.right };
    // Both sides are inferred together (so J, 0, I get their sizes from the other side); a law whose
    // sides differ only as 1×1 versus scalar (bilinear_hadamard) is compiled side by side.
    const joint = exprToTerm(statement, givens, { patterns: true });
    if (joint.ok) {
      const [lhs, rhs] = joint.value.args as [Term, Term];
      return { law, givens, lhs, rhs, integers };
    }
    return {
      law,
      givens,
      lhs: toPattern(spec, statement.left, givens),
      rhs: toPattern(spec, statement.right, givens),
      integers,
    };
  }
  if (statement.type === 'Claim') {
    const law: Law = { ...base, kind: 'property', lhs: statement.operand, rhs: statement, property: statement.property };
    const operand = toPattern(spec, statement.operand, givens);
    return { law, givens, lhs: operand, rhs: operand, integers };
  }
  throw lawError(spec, 'a statement is an equation or a property claim');
}

/** Every law, compiled (internal: with patterns). */
export const COMPILED_LAWS: readonly CompiledLaw[] = FAMILIES.flatMap(([family, specs]) =>
  specs.map((spec) => compile(family, spec)),
);

/** The law catalogue: equations and property laws with stable names, statements, side conditions. */
export const LAWS: readonly Law[] = COMPILED_LAWS.map((c) => c.law);

const BY_NAME = new Map<string, CompiledLaw>();
for (const c of COMPILED_LAWS) {
  BY_NAME.set(c.law.name, c);
  for (const alias of c.law.aliases) BY_NAME.set(alias, c);
}

/** The law with this name or alias. */
export function findLaw(name: string): Law | undefined {
  return BY_NAME.get(name)?.law;
}

/** The compiled law with this name or alias (internal). */
export function compiledLaw(name: string): CompiledLaw | undefined {
  return BY_NAME.get(name);
}

/** The property a property law concludes, by name (internal helper for inference). */
export function propertyOfLaw(name: string): Property | undefined {
  return BY_NAME.get(name)?.law.property;
}
