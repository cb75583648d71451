import { givensFrom, type Expr, type Givens } from '@odot/core';
import { inferProperty } from '@odot/rewrite';
import type { AppliedStep } from './applied-step.ts';
import type { CheckerBackend, LawRule } from './backend.ts';
import { positions } from './entrywise.ts';
import { exprKey, freeNames, replaceAt } from './expr-tools.ts';
import { combineEngines, type LawEngine } from './law-engine.ts';
import { instantiate, matchPattern } from './pattern.ts';
import type { Theorem } from './proof-ast.ts';
import { replayStep } from './replay.ts';

/** An earlier theorem of the same file, proved, usable as a law by its name: `L = R` for every value of its symbols. */
export interface TheoremLaw {
  readonly name: string;
  readonly rule: LawRule;
  /** The properties its `given` lines declare, which the matched sub-expressions must have. */
  readonly givens: Givens;
  readonly statement: string;
}

/** The law a named, proved equation theorem gives; undefined for unnamed theorems and claims. */
export function theoremLaw(theorem: Theorem): TheoremLaw | undefined {
  if (theorem.name === undefined || theorem.goal.type !== 'Equal') return undefined;
  const variables = new Set(theorem.declarations.flatMap((declaration) => declaration.names));
  return {
    name: theorem.name,
    rule: { lhs: theorem.goal.left, rhs: theorem.goal.right, variables },
    givens: givensFrom(theorem.declarations),
    statement: theorem.goalText,
  };
}

/** True when every symbol the theorem declares with properties is bound to a sub-expression with them. */
function propertiesHold(law: TheoremLaw, binding: ReadonlyMap<string, Expr>, givens: Givens): boolean {
  for (const [name, info] of law.givens) {
    const bound = binding.get(name);
    if (!bound) continue;
    for (const property of info.properties) if (!inferProperty(bound, property, givens)) return false;
  }
  return true;
}

/** Every single application of a theorem law to `expr`, both directions, every position. */
function applyTheorem(law: TheoremLaw, expr: Expr, givens: Givens): AppliedStep[] {
  const out: AppliedStep[] = [];
  const avoid = freeNames(expr);
  for (const { path, node } of positions(expr)) {
    for (const direction of ['forward', 'backward'] as const) {
      const [source, target] = direction === 'forward' ? [law.rule.lhs, law.rule.rhs] : [law.rule.rhs, law.rule.lhs];
      const binding = new Map<string, Expr>();
      if (!matchPattern(source, node, law.rule.variables, binding) || !propertiesHold(law, binding, givens)) continue;
      const substitution = new Map(binding);
      const after = replaceAt(expr, path, instantiate(target, law.rule.variables, substitution, avoid));
      if (!after || exprKey(after) === exprKey(expr)) continue;
      out.push({ law: law.name, direction, path, substitution: Object.fromEntries(substitution), before: expr, after, origin: 'entrywise' });
    }
  }
  return out;
}

/** The earlier theorems as a law engine. */
function theoremEngine(laws: readonly TheoremLaw[]): LawEngine {
  const byName = new Map(laws.map((law) => [law.name, law]));
  return {
    names: laws.map((law) => law.name),
    knows: (name) => byName.has(name),
    statement: (name) => byName.get(name)?.statement,
    isStructural: () => false,
    apply: (expr, name, givens) => {
      const law = byName.get(name);
      return law ? applyTheorem(law, expr, givens) : [];
    },
  };
}

/**
 * `backend` extended with earlier theorems of the file as citable laws (a name of the file wins
 * over nothing: a catalogue law of the same name is still found first by the catalogue engine).
 * Their applications are replayed by `replayStep` against the theorem's statement.
 */
export function withTheorems(backend: CheckerBackend, laws: readonly TheoremLaw[]): CheckerBackend {
  if (laws.length === 0) return backend;
  const rules = new Map(laws.map((law) => [law.name, law.rule]));
  return {
    ...backend,
    engine: combineEngines([backend.engine, theoremEngine(laws)]),
    replay: (step, givens) => {
      const rule = rules.get(step.law);
      return rule && !backend.engine.knows(step.law) ? replayStep(step, [rule]) : backend.replay(step, givens);
    },
  };
}
