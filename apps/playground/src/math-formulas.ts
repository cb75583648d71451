// Which formulas the playground's panes show for a result, and how KaTeX renders them: pure (no
// KaTeX, no DOM), so the docs build can render the seed example's formulas ahead of time with the
// same strings and options (`seed-math.ts`), and the page then needs no KaTeX for the seed.
import { assertNever } from '@odot/core';
import type { KatexOptions } from 'katex';
import type { StepView, TaskResult } from './protocol.ts';

/** One formula as a pane shows it: its LaTeX, as a block (display) or in a line (a trace step). */
export interface Formula {
  readonly latex: string;
  readonly displayMode: boolean;
}

/**
 * KaTeX in its safe mode: `trust: false` (no \href, \url, \includegraphics, \htmlClass…),
 * `throwOnError: false` (a bad formula shows in red, never throws), `maxExpand` bounded against
 * macro bombs; HTML and MathML (KaTeX's default output: screen readers read the MathML).
 */
export const KATEX_OPTIONS: Readonly<KatexOptions> = { trust: false, throwOnError: false, strict: 'ignore', maxExpand: 200, maxSize: 20, output: 'htmlAndMathml' };

/** Terms longer than this (LaTeX characters) are shown as text: KaTeX of a huge sum helps no one and costs seconds. */
export const MAX_STEP_LATEX = 600;

/** The key of a formula in a table of formulas rendered ahead of time. */
export const formulaKey = (formula: Formula): string => `${formula.displayMode ? 'display' : 'inline'}:${formula.latex}`;

/** A block formula (the rendered expression, a value, a simplified form). */
export const blockFormula = (latex: string): Formula => ({ latex, displayMode: true });

/** The first line of a trace: its input, in a line. */
export const traceInputFormula = (inputLatex: string): Formula => ({ latex: inputLatex, displayMode: false });

/** A trace step's term (`= …`, in a line), or undefined when it is too long for KaTeX (shown as text). */
export const stepFormula = (step: StepView): Formula | undefined => (step.afterLatex.length > MAX_STEP_LATEX ? undefined : { latex: `= ${step.afterLatex}`, displayMode: false });

/** A trace's formulas: its input's (when it has one) and its steps' (none without steps: no trace is shown). */
function traceFormulas(inputLatex: string | undefined, steps: readonly StepView[]): Formula[] {
  const formulas = steps.map(stepFormula).filter((formula) => formula !== undefined);
  return inputLatex === undefined || steps.length === 0 ? formulas : [traceInputFormula(inputLatex), ...formulas];
}

/** Every formula the panes may show for `result` (a long trace's hidden steps too). */
export function resultFormulas(result: TaskResult): Formula[] {
  if (!result.ok) return [];
  switch (result.kind) {
    case 'analyze':
    case 'evaluate':
      return [blockFormula(result.view.latex)];
    case 'simplify':
      return [blockFormula(result.view.resultLatex), ...traceFormulas(result.view.inputLatex, result.view.steps)];
    case 'equiv':
      return traceFormulas(undefined, result.view.steps);
    case 'psd':
    case 'proof':
    case 'hint':
    case 'laws':
      return [];
    default:
      return assertNever(result);
  }
}
