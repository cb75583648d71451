import { formatCounterexample } from '@odot/numeric';
import { formatLimit } from '@odot/core';
import { checkProof, formatHint, hintProof, parseProof, type StepReport } from '@odot/proof';
import { diagnosticView } from './expr-view.ts';
import type { ProofStepView, TaskResult } from './protocol.ts';

function stepMessage(step: StepReport): string {
  const parts = [step.message, ...(step.hints ?? [])];
  if (step.counterexample) {
    parts.push(`counterexample ${formatCounterexample(step.counterexample, { left: 'the previous line', right: 'this line' })}`);
  }
  if (step.limit) parts.push(`(stopped: ${formatLimit(step.limit)})`);
  return parts.join(' ');
}

/** Checks a proof text step by step with the proof checker; each step keeps its line number. */
export function checkProofView(text: string): TaskResult {
  const report = checkProof(text);
  const lines = text.split(/\r?\n/);
  const steps = (theoremSteps: readonly StepReport[]): ProofStepView[] =>
    theoremSteps.map((step) => ({ line: step.line, ok: step.ok, status: step.status, code: step.code, text: (lines[step.line - 1] ?? '').trim(), law: step.law, message: stepMessage(step) }));
  return {
    kind: 'proof',
    ok: true,
    view: {
      valid: report.valid,
      theorems: report.theorems.map((theorem) => ({ goal: theorem.goal, valid: theorem.valid, steps: steps(theorem.steps), diagnostics: [] })),
      diagnostics: report.errors.map((error) => diagnosticView(error, text)),
    },
  };
}

/** The next step of the first unfinished or failing proof of the text (the Hint button). */
export function hintView(text: string): TaskResult {
  const document = parseProof(text);
  if (document.errors.length > 0) return { kind: 'hint', ok: false, diagnostics: document.errors.map((error) => diagnosticView(error, text)) };
  const result = hintProof(document);
  return { kind: 'hint', ok: true, view: { status: result.kind, text: formatHint(result), ...(result.kind === 'hint' ? { line: result.hint.line } : {}) } };
}
