import { formatError, odotError } from '@odot/core';
import { assertNever } from '@odot/core';
import type { ProofReport, StepReport, StepStatus } from './report.ts';

/** The mark of a status: ✓ ok, ✗ failed, ○ unchecked (follows a failed line), · no credit (changes nothing). */
export function statusMark(status: StepStatus): string {
  switch (status) {
    case 'ok':
      return '✓';
    case 'failed':
      return '✗';
    case 'unchecked':
      return '○';
    case 'no-credit':
      return '·';
    default:
      return assertNever(status);
  }
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

function stepLine(step: StepReport, source: string | undefined): string {
  const head = `  ${statusMark(step.status)} ${step.line}:${step.column}  ${step.message}`;
  if (step.ok || source === undefined || !step.span) return head;
  const diagnostic = formatError(odotError(step.code, step.message, { span: step.span, ...(step.hints ? { hints: step.hints } : {}) }), source);
  // The first line of the diagnostic repeats the message: keep the location, the caret and the hints.
  const rest = diagnostic.split('\n').slice(1).join('\n');
  return rest === '' ? head : `${head}\n${indent(rest, '    ')}`;
}

/**
 * Renders a report for people: per theorem its goal and verdict, then one line per step with its
 * mark (`statusMark`), the line:column and the message; failing steps get the source line with a
 * caret when `source` is given.
 */
export function formatReport(report: ProofReport, source?: string): string {
  const out: string[] = [];
  for (const theorem of report.theorems) {
    out.push(`theorem ${theorem.index} (line ${theorem.line}): ${theorem.goal}  ${theorem.valid ? '✓ proved' : '✗ not proved'}`);
    for (const step of theorem.steps) out.push(stepLine(step, source));
  }
  for (const error of report.errors) out.push(formatError(error, source));
  const proved = report.theorems.filter((theorem) => theorem.valid).length;
  out.push(`${proved} of ${report.theorems.length} theorem${report.theorems.length === 1 ? '' : 's'} proved`);
  return out.join('\n');
}
