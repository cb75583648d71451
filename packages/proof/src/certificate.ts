import { equal, givensFrom, printDeclaration, printPlain, type Declaration, type Expr } from '@odot/core';
import type { EquivalenceVerdict } from '@odot/rewrite';
import { blockEntrywiseBody } from './block-certificate.ts';
import { chainLine, chainLines } from './chain-text.ts';
import { checkContext, checkProof, type CheckContext } from './check-proof.ts';
import { exprKey } from './expr-tools.ts';
import { CERTIFICATE_LIMITS, circularLaws, entrywiseBody, otherLawsBody, reorderingLaw } from './noncircular.ts';
import type { SearchLimits } from './search.ts';

/** A proof file for a proved equivalence, or why there is none. */
export type ProofCertificate = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** The law that justifies a last step `from` → `to` that the engine's steps leave as a reordering: a structural law, else `algebra`. */
function closingLaw(from: Expr, to: Expr, context: CheckContext): string {
  return reorderingLaw(from, to, new Set(), context) ?? 'algebra';
}

/** A proof body to try, with the comment the file opens with (and its own declarations when it names the goal's open sizes). */
interface Candidate {
  readonly note: string;
  readonly lines: readonly string[];
  readonly declarations?: readonly Declaration[];
}

/** The engine's proof as a body, and the laws it cites. */
interface Body extends Candidate {
  readonly laws: readonly string[];
}

/**
 * The engine's own proof as a body: its steps as a chain citing their laws (repeats dropped), and,
 * when they end at a reordering of `right`, a last step to `right` citing the structural law that
 * does it (else `algebra`). Proofs without law steps (the index normal form) close with `algebra`.
 */
function engineBody(left: Expr, right: Expr, verdict: EquivalenceVerdict, context: CheckContext): Body {
  const note = `proof found by odot equiv (${verdict.layer})`;
  if (exprKey(left) === exprKey(right)) {
    // Nothing to rewrite: a chain needs a step, so the equation is stated and the engine re-proves it.
    return { note, lines: [`  ${printPlain(left)} = ${printPlain(right)}   by algebra   # the two sides are the same`], laws: ['algebra'] };
  }
  let current = left;
  const steps: EquivalenceVerdict['steps'][number][] = [];
  for (const step of verdict.steps) {
    if (exprKey(step.after) === exprKey(current)) continue;
    steps.push(step);
    current = step.after;
  }
  const lines = chainLines(left, steps);
  const laws = steps.map((step) => step.law);
  if (exprKey(current) !== exprKey(right)) {
    const law = closingLaw(current, right, context);
    lines.push(`  ${chainLine(right, law)}${law === 'algebra' ? `   # ${verdict.steps.length === 0 ? `proved by the ${verdict.layer} layer` : 'the rest'}` : ''}`);
    laws.push(law);
  }
  return { note, lines, laws };
}

/**
 * The bodies to try, best first, computed lazily (the searches are the cost): the engine's proof
 * unless it cites a law that states the goal itself (circular, by the checker's own rule); then an
 * entrywise proof and a chain of other catalogue laws, neither citing such a law. `why` says why
 * the engine's proof was not enough, for the notes.
 */
function* candidates(
  left: Expr,
  right: Expr,
  engine: Body,
  why: string | undefined,
  declarations: readonly Declaration[],
  context: CheckContext,
  limits: SearchLimits,
): Generator<Candidate> {
  if (why === undefined) yield engine;
  const because = why ?? "the checker does not accept the engine's proof";
  const avoid = new Set(circularLaws(context.backend.engine.names, equal(left, right), context.backend));
  const block = blockEntrywiseBody(left, right, declarations, avoid, context, limits);
  if (block) yield { note: `entrywise proof at block indices found by odot equiv (${because})`, ...block };
  const entrywise = entrywiseBody(left, right, avoid, context, limits);
  if (entrywise) yield { note: `entrywise proof found by odot equiv (${because})`, lines: entrywise };
  const other = otherLawsBody(left, right, avoid, context, limits);
  if (other) yield { note: `proof from other laws found by odot equiv (${because})`, lines: other };
}

/**
 * The proof file of a proved equivalence `left = right` (what `odot equiv --proof` prints): the
 * givens, the statement, a proof body and `qed`. The body is the engine's steps as a chain citing
 * their laws; when that would cite the goal itself (circular: `A ⊙ B = B ⊙ A` proved by
 * `hadamard_comm`), an entrywise proof (`(L)[i,j] = … = (R)[i,j]`, then `L = R by ext`; a chain
 * through the definitions for a scalar goal), else a chain of other laws, found by bounded
 * searches within `limits`. Every file returned is one `checkProof` accepts; otherwise the reason
 * is returned ("no non-circular proof found within the limits").
 */
export function certificateProof(
  left: Expr,
  right: Expr,
  verdict: EquivalenceVerdict,
  declarations: readonly Declaration[],
  limits: SearchLimits = CERTIFICATE_LIMITS,
): ProofCertificate {
  if (verdict.method !== 'proved') return { ok: false, reason: `no proof: the equivalence is ${verdict.method === 'refuted' ? 'refuted' : verdict.method === 'equal-by-testing' ? 'only tested, not proved' : 'undecided'}` };
  const statement = `${printPlain(left)} = ${printPlain(right)}`;
  const context = checkContext(givensFrom(declarations));
  const header = (stated: readonly Declaration[]): string[] => [...stated.map((d) => `given ${printDeclaration(d)}`), `prove ${statement}`, 'proof'];
  const engine = engineBody(left, right, verdict, context);
  const circular = circularLaws(engine.laws, equal(left, right), context.backend);
  const why = circular.length > 0 ? `the engine's proof cites ${circular.join(', ')}, the statement itself` : undefined;
  for (const candidate of candidates(left, right, engine, why, declarations, context, limits)) {
    const text = `${[`# ${candidate.note}`, ...header(candidate.declarations ?? declarations), ...candidate.lines, 'qed'].join('\n')}\n`;
    if (checkProof(text).valid) return { ok: true, text };
  }
  const problem = why ?? "the checker does not accept the engine's proof";
  return { ok: false, reason: `no proof of ${statement} that odot check accepts: ${problem}, and no non-circular proof found within the limits` };
}
