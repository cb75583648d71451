import { printLatex, printPlain } from '@odot/core';
import { formatRational, type Rational, type Value } from '@odot/numeric';
import type { RewriteStep } from '@odot/rewrite';
import type { MatrixView, NamedMatrix, StepView } from './protocol.ts';
import { formatNumber } from './view-models.ts';

function entryText(x: Rational | number): string {
  return typeof x === 'number' ? formatNumber(x) : formatRational(x);
}

/** A value as display text: a matrix as rows of entry strings, a scalar or boolean as one cell. */
export function matrixView(value: Value): MatrixView {
  switch (value.kind) {
    case 'scalar':
      return { scalar: true, rows: [[entryText(value.value)]] };
    case 'boolean':
      return { scalar: true, rows: [[value.value ? 'true' : 'false']] };
    case 'exact':
    case 'float': {
      const rows: string[][] = [];
      for (let i = 0; i < value.rows; i++) {
        const row: string[] = [];
        for (let j = 0; j < value.cols; j++) row.push(entryText(value.data[i * value.cols + j] as Rational | number));
        rows.push(row);
      }
      return { scalar: false, rows };
    }
  }
}

function latexEntry(text: string): string {
  const fraction = /^(-?)(\d+)\/(\d+)$/.exec(text);
  if (fraction) return `${fraction[1]}\\tfrac{${fraction[2]}}{${fraction[3]}}`;
  return /^[-0-9.e+]+$|^true$|^false$|^Infinity$|^NaN$/.test(text) ? text : '?';
}

/** A value in LaTeX (`pmatrix` for matrices); entries are numbers only, so the text is safe to render. */
export function valueLatex(value: Value): string {
  const view = matrixView(value);
  if (view.scalar) return latexEntry(view.rows[0]?.[0] ?? '');
  return `\\begin{pmatrix}${view.rows.map((row) => row.map(latexEntry).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
}

/** One rewrite step as shown. */
export function stepView(step: RewriteStep): StepView {
  return {
    law: step.law,
    direction: step.direction,
    path: [...step.path],
    before: printPlain(step.before),
    after: printPlain(step.after),
    afterLatex: printLatex(step.after),
  };
}

/** A counterexample's assignment (a map or record of values) as named matrices. */
export function countermodelView(assignment: ReadonlyMap<string, Value> | Readonly<Record<string, Value>>): NamedMatrix[] {
  const entries = assignment instanceof Map ? [...(assignment as ReadonlyMap<string, Value>).entries()] : Object.entries(assignment as Record<string, Value>);
  return entries.map(([name, value]) => ({ name, value: matrixView(value) }));
}
