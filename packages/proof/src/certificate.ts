import { givensFrom, printDeclaration, printPlain, type Declaration, type Expr, type Span } from '@odot/core';
import type { EquivalenceVerdict } from '@odot/rewrite';
import { checkContext, checkTransition } from './check-proof.ts';
import { exprKey } from './expr-tools.ts';

/** A proof file for a proved equivalence, or why there is none. */
export type ProofCertificate = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * One chain line of a proof, as `odot simplify --steps` and the certificates print it:
 * `= Aᵀ ⊙ Bᵀ   by transpose_hadamard`. A law used right to left says so in a trailing comment
 * (the checker applies laws in either direction, so the line is valid proof text either way).
 */
export function chainLine(after: Expr, law: string, direction: 'forward' | 'backward' = 'forward'): string {
  return `= ${printPlain(after)}   by ${law}${direction === 'backward' ? '   # right to left' : ''}`;
}

/** Structural laws tried, in order, for the last step of a certificate that only reorders. */
const REORDERINGS = ['hadamard_comm', 'add_comm', 'hadamard_assoc', 'add_assoc', 'mul_assoc', 'smul_smul', 'neg_neg'];

const NO_SPAN: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

/** The law that justifies a last step `from` → `to` that the engine's steps leave as a reordering: a structural law, else `algebra`. */
function closingLaw(from: Expr, to: Expr, declarations: readonly Declaration[]): string {
  const context = checkContext(givensFrom(declarations));
  const accepted = REORDERINGS.find(
    (law) => checkTransition(from, to, [{ name: law, span: NO_SPAN }], { line: 1, span: NO_SPAN }, 'step', context).code === 'ok',
  );
  return accepted ?? 'algebra';
}

/**
 * The proof file of a proved equivalence `left = right` (what `odot equiv --proof` prints): the
 * givens, the statement, the engine's steps as a chain citing their laws, and, when the steps end
 * at a reordering of `right` (the engine works on canonical forms), a last step to `right` as
 * written citing the structural law that does it. Proofs found without law steps (the index normal
 * form) close with `by algebra`, which the checker re-proves. `odot check` accepts the file.
 */
export function certificateProof(left: Expr, right: Expr, verdict: EquivalenceVerdict, declarations: readonly Declaration[]): ProofCertificate {
  if (verdict.method !== 'proved') return { ok: false, reason: `no proof: the equivalence is ${verdict.method === 'refuted' ? 'refuted' : verdict.method === 'equal-by-testing' ? 'only tested, not proved' : 'undecided'}` };
  const statement = `${printPlain(left)} = ${printPlain(right)}`;
  const lines = [`# proof found by odot equiv (${verdict.layer})`, ...declarations.map((d) => `given ${printDeclaration(d)}`), `prove ${statement}`, 'proof'];
  if (exprKey(left) === exprKey(right)) {
    // Nothing to rewrite: a chain needs a step, so the equation is stated and the engine re-proves it.
    return { ok: true, text: `${[...lines, `  ${statement}   by algebra   # the two sides are the same`, 'qed'].join('\n')}\n` };
  }
  lines.push(`    ${printPlain(left)}`);
  let current = left;
  for (const step of verdict.steps) {
    if (exprKey(step.after) === exprKey(current)) continue;
    lines.push(`  ${chainLine(step.after, step.law, step.direction)}`);
    current = step.after;
  }
  if (exprKey(current) !== exprKey(right)) {
    const law = closingLaw(current, right, declarations);
    lines.push(`  ${chainLine(right, law)}${law === 'algebra' ? `   # ${verdict.steps.length === 0 ? `proved by the ${verdict.layer} layer` : 'the rest'}` : ''}`);
  }
  lines.push('qed');
  return { ok: true, text: `${lines.join('\n')}\n` };
}
