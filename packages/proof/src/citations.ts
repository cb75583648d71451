import { canonicalLawName, resolveLawName, type LawScope } from '@odot/rewrite';
import type { CheckContext } from './check-options.ts';
import { restatesGoal } from './circular.ts';
import type { LawCitation, ProofLine } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report, type LineRef } from './step-report.ts';

/** Words of the format that are not catalogue laws. */
export const SPECIAL_LAWS = ['algebra', 'ext'] as const;

const isSpecial = (name: string): boolean => (SPECIAL_LAWS as readonly string[]).includes(name);

/** What a step may cite, for @odot/rewrite's `resolveLawName`: the catalogue laws the engines use, their other laws (the file's theorems) and the words of the format. */
function citableScope(context: CheckContext): LawScope {
  const engine = context.backend.engine;
  return { usable: engine.knows, extra: [...engine.names, ...SPECIAL_LAWS] };
}

/**
 * The line with its cited law names resolved by @odot/rewrite's `resolveLawName` against the
 * engines' names: a known name stays; another case or spacing, or a one-letter typo of exactly one
 * law, is replaced by that law, with a note for the typo. Unknown names stay (reported later).
 */
export function resolveCitations(line: ProofLine, context: CheckContext): { line: ProofLine; note?: string } {
  if (line.kind === 'start' || line.laws.length === 0) return { line };
  const engine = context.backend.engine;
  // The scope is made only when a name needs reading (most lines cite known laws).
  let scope: LawScope | undefined;
  const notes: string[] = [];
  const laws = line.laws.map((law) => {
    if (isSpecial(law.name) || engine.knows(law.name)) return law;
    scope ??= citableScope(context);
    const resolved = resolveLawName(law.name, scope);
    if (resolved.kind === 'typo') notes.push(resolved.note);
    return resolved.kind === 'unknown' ? law : { ...law, name: resolved.name };
  });
  const resolved = { ...line, laws } as ProofLine;
  return notes.length > 0 ? { line: resolved, note: notes.join('; ') } : { line: resolved };
}

/** Unknown names among the cited laws, as a failing report, or undefined when all are known. */
export function unknownLaws(line: LineRef, kind: StepReport['kind'], laws: readonly LawCitation[], context: CheckContext, allowed: readonly string[]): StepReport | undefined {
  const engine = context.backend.engine;
  for (const law of laws) {
    if (allowed.includes(law.name) || engine.knows(law.name)) continue;
    if (isSpecial(law.name)) {
      const message =
        law.name === 'ext'
          ? '`by ext` closes an entrywise chain: write `X = Y by ext` on its own line after the chain'
          : '`by algebra` justifies a chain step `= EXPR by algebra`, not this line';
      return report(line, kind, laws, law.name === 'ext' ? 'bad-ext' : 'structure', message, { span: law.span });
    }
    const resolved = resolveLawName(law.name, citableScope(context));
    const suggestions = resolved.kind === 'unknown' ? resolved.suggestions : [resolved.name];
    const message = suggestions.length > 0 ? `unknown law '${law.name}'; did you mean ${suggestions.join(' or ')}?` : `unknown law '${law.name}'`;
    return report(line, kind, laws, 'unknown-law', message, {
      span: law.span,
      hints: suggestions.length > 0 ? suggestions.map((name) => `${name}: ${engine.statement(name) ?? ''}`.trim()) : ['`odot` lists the laws in its law reference'],
    });
  }
  return undefined;
}

/** The catalogue name a written law name stands for (rewrite's `canonicalLawName`), else the name itself (a theorem of the file). */
export function canonicalLaw(name: string): string {
  return canonicalLawName(name) ?? name;
}

/** A cited law that the exercise forbids, or that is not among the allowed ones: `circular` (it may not be used here). */
export function policyProblem(line: LineRef, kind: StepReport['kind'], laws: readonly LawCitation[], context: CheckContext): StepReport | undefined {
  const forbidden = new Set(context.forbid.map(canonicalLaw));
  const allowed = context.allow === undefined ? undefined : new Set(context.allow.map(canonicalLaw));
  for (const law of laws) {
    if (isSpecial(law.name)) continue;
    const name = canonicalLaw(law.name);
    if (forbidden.has(name)) return report(line, kind, laws, 'circular', `${law.name} may not be cited in this exercise: prove the step from other laws`, { span: law.span });
    if (allowed !== undefined && !allowed.has(name)) {
      return report(line, kind, laws, 'circular', `${law.name} is not among the laws allowed in this exercise (${[...allowed].join(', ') || 'none'})`, { span: law.span });
    }
  }
  return undefined;
}

/**
 * A cited law that states the goal itself, up to renaming (`hadamard_comm` to prove `X ⊙ Y = Y ⊙ X`):
 * `circular`. Asked only once the law is known to do the step, so a law that does not apply (a side
 * condition fails, the step is false) gets that diagnosis instead.
 */
export function circularCitation(line: LineRef, kind: StepReport['kind'], laws: readonly LawCitation[], context: CheckContext): StepReport | undefined {
  if (context.goal === undefined) return undefined;
  const goal = context.goal;
  const law = laws.find((l) => !isSpecial(l.name) && restatesGoal(l.name, goal, context.backend));
  if (!law) return undefined;
  const statement = context.backend.engine.statement(law.name) ?? law.name;
  return report(line, kind, laws, 'circular', `${law.name} is the statement being proved (${statement}): citing it is circular; prove it from other laws`, { span: law.span });
}

/**
 * Whether a law may be suggested to the student here: not forbidden, and allowed. (A law that
 * restates the goal is still named — "transpose_hadamard does it in one step" is the lesson of a
 * wrong citation even when the exercise is that law; citing it is then reported as circular.)
 */
export function citable(name: string, context: CheckContext): boolean {
  const canonical = canonicalLaw(name);
  if (context.forbid.some((law) => canonicalLaw(law) === canonical)) return false;
  return context.allow === undefined || context.allow.some((law) => canonicalLaw(law) === canonical);
}
