import { PROPERTIES, printExpr, type Claim, type Expr, type Givens, type Property, type SymbolInfo } from '@odot/core';
import { LAWS, applyLaw, canonicallyEqual as engineCanonicallyEqual, equivalent, findLaw, inferProperty, rewriteOnce, type Law } from '@odot/rewrite';
import { boundTo, type AppliedStep } from './applied-step.ts';
import type { AlgebraProver, CheckerBackend, ClaimProver, LawRule, MissingCondition } from './backend.ts';
import { numericCompare } from './numeric-check.ts';
import type { ReplayVerdict } from './replay.ts';
import type { LawEngine } from './law-engine.ts';
import { matchPattern } from './pattern.ts';

/** Every law named in a justification tree (nested `rule` fields, except `given` and `numeric`), in order of appearance. */
export function lawsOf(justification: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const record = node as Record<string, unknown>;
    const rule = record['rule'] ?? record['law'];
    if (typeof rule === 'string' && rule !== 'given' && rule !== 'numeric' && !out.includes(rule)) out.push(rule);
    for (const [key, value] of Object.entries(record)) if (key !== 'expr' && key !== 'span') visit(value);
  };
  visit(justification);
  return out;
}

/** For a property law cited for a claim it does not prove: which of its property conditions fail (`schur needs Q psd`). */
function missingForClaim(law: Law, claim: Claim, givens: Givens): MissingCondition[] {
  if (law.property !== claim.property) return [];
  const binding = new Map<string, Expr>();
  if (!matchPattern(law.lhs, claim.operand, variablesOf(law), binding)) return [];
  const out: MissingCondition[] = [];
  for (const condition of law.conditions) {
    if (condition.kind !== 'property') continue;
    const bound = binding.get(condition.variable);
    if (bound && !inferProperty(bound, condition.property, givens)) out.push({ law: law.name, subject: bound, property: condition.property });
  }
  return out;
}

/** The part of the backend that comes from `@odot/rewrite`. */
export type CatalogueBackend = Omit<CheckerBackend, 'numeric' | 'lawRule'> & Required<Pick<CheckerBackend, 'lawRule'>>;

/** The variables of a law: every symbol its `given` declares. */
function variablesOf(law: Law): Set<string> {
  return new Set(law.conditions.filter((c) => c.kind === 'shape').map((c) => c.variable));
}

/** Names of the catalogue's laws that a step may cite (not the rule `ext`, which closes a chain); aliases resolve to them. */
function catalogueNames(): string[] {
  return LAWS.filter((law) => law.kind !== 'rule').map((law) => law.name);
}

/** The catalogue law a step may cite by this exact name or alias. */
function citable(name: string): Law | undefined {
  const law = findLaw(name);
  return law && law.kind !== 'rule' ? law : undefined;
}

/** The catalogue's laws as the checker's `LawEngine`: names, statements, and one-step applications. */
function catalogueEngine(): LawEngine {
  return {
    names: catalogueNames(),
    knows: (name) => citable(name) !== undefined,
    statement: (name) => citable(name)?.statement,
    isStructural: (name) => citable(name)?.structural !== undefined,
    apply: applyCatalogueLaw,
  };
}

/** Every way one application of the catalogue's equation `name` rewrites `expr`, as applied steps. */
function applyCatalogueLaw(expr: Expr, name: string, givens: Givens): AppliedStep[] {
  const law = findLaw(name);
  // Structural laws (commutativity, associativity) hold in rewrite's representation and change
  // nothing there; the checker applies them to the written form itself (entrywise-laws.ts).
  if (!law || law.kind !== 'equation' || law.structural) return [];
  return rewriteOnce(expr, name, givens).map((step) => ({
    law: name,
    direction: step.direction,
    path: step.path,
    ...(step.children ? { children: step.children } : {}),
    substitution: step.substitution,
    before: step.before,
    after: step.after,
    origin: 'catalogue' as const,
  }));
}

/** A claim by the property laws (and the givens), or which conditions of the cited property laws fail. */
const proveClaim: ClaimProver = (claim: Claim, givens: Givens, cited: readonly string[]) => {
  const justification = inferProperty(claim.operand, claim.property, givens);
  if (justification) {
    const laws = lawsOf(justification);
    return { holds: true, laws, explanation: `${printExpr(claim)} by ${laws.join(', ') || 'the givens'}` };
  }
  const missing: MissingCondition[] = [];
  for (const name of cited) {
    const law = findLaw(name);
    if (!law || law.kind !== 'property') continue;
    missing.push(...missingForClaim(law, claim, givens));
  }
  return { holds: false, laws: [], explanation: `no law of the catalogue derives ${claim.property} here`, missing };
};

/** `by algebra`: the engine's proof when it finds one, else numbers decide (and say so). */
const proveByAlgebra: AlgebraProver = (a, b, givens) => {
  const result = equivalent(a, b, givens);
  if (result.ok) {
    const verdict = result.value;
    if (verdict.method === 'proved' && verdict.equivalent) return { verdict: 'proved', laws: verdict.steps.map((step) => step.law) };
  }
  // Not proved symbolically (or not expressible for the engine, e.g. entries): numbers decide, and say so.
  const numeric = numericCompare(a, b, givens);
  switch (numeric.verdict) {
    case 'equal':
      return { verdict: 'equal-by-testing', detail: numeric.detail };
    case 'different':
      return { verdict: 'refuted', counterexample: numeric.counterexample };
    case 'unknown':
      return { verdict: 'unknown', reason: result.ok ? result.value.explanation : result.error.message };
  }
};

/** Whether the engine's canonical forms of `a` and `b` agree; a shape error comes back as a value (not equal), a throw is a bug and propagates. */
function canonicallyEqual(a: Expr, b: Expr, givens: Givens): boolean {
  const result = engineCanonicallyEqual(a, b, givens);
  return result.ok && result.value;
}

/** Replays a catalogue step with the engine and compares the result with the step's; undefined for other origins. */
function replayStep(step: AppliedStep, givens: Givens): ReplayVerdict | undefined {
  if (step.origin !== 'catalogue') return undefined;
  const result = applyLaw(step.before, step.law, step.direction, step.path, step.substitution, givens, step.children);
  if (!result.ok) return { ok: false, reason: result.error.message };
  return canonicallyEqual(result.value, step.after, givens)
    ? { ok: true } : { ok: false, reason: `replaying ${step.law} at [${step.path.join(', ')}] gives ${printExpr(result.value)}, not ${printExpr(step.after)}` };
}

/** The property conditions of a catalogue step's law that its bound subjects do not meet. */
function missingConditions(step: AppliedStep, givens: Givens): MissingCondition[] {
  if (step.origin !== 'catalogue') return [];
  const law = findLaw(step.law);
  if (!law) return [];
  const out: MissingCondition[] = [];
  for (const condition of law.conditions) {
    if (condition.kind !== 'property') continue;
    const bound = boundTo(step.substitution, condition.variable);
    if (!bound) continue;
    if (!inferProperty(bound, condition.property, givens)) out.push({ law: law.name, subject: bound, property: condition.property });
  }
  return out;
}

/** The givens with every property granted to every matrix (to tell a missing condition from a wrong step). */
function relaxGivens(givens: Givens): Givens {
  const out = new Map<string, SymbolInfo>();
  for (const [name, info] of givens) {
    out.set(name, info.shape.kind === 'matrix' ? { shape: info.shape, properties: new Set<Property>(PROPERTIES) } : info);
  }
  return out;
}

/** An equation of the catalogue as a rule: its sides and pattern variables. */
function lawRule(name: string): LawRule | undefined {
  const law = findLaw(name);
  return law && law.kind === 'equation' ? { lhs: law.lhs, rhs: law.rhs, variables: variablesOf(law) } : undefined;
}

/** The rewrite engine's catalogue as a source of law applications, with claims and `by algebra`. */
export function catalogueBackend(): CatalogueBackend {
  return { engine: catalogueEngine(), claims: proveClaim, algebra: proveByAlgebra, replay: replayStep, canonicallyEqual, missingConditions, relaxGivens, lawRule };
}
