import { equal, formatShape, givensFrom, printLatex, printPlain, type Expr } from '@odot/core';
import { createRng, evaluate, formatRational, isMatrix, psdTest, randomInstance, scalarValue, type Value } from '@odot/numeric';
import { parseDeclarations } from '@odot/parser';
import { LAWS, type Law, type LawCondition } from '@odot/rewrite';
import katex from 'katex';
import { EMPTY_STATE } from '../apps/playground/src/state.ts';
import { encodeState } from '../apps/playground/src/url-state.ts';

/** One law as the reference page shows it; built from `LAWS` at build time. */
export interface LawEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly family: string;
  readonly statement: string;
  readonly statementHtml: string;
  readonly given: string;
  readonly conditions: readonly string[];
  readonly simplify: boolean;
  readonly description: string;
  readonly example?: { readonly html: string; readonly note: string };
  readonly playgroundLink: string;
}

const tex = (latex: string): string => katex.renderToString(latex, { displayMode: true, throwOnError: false, trust: false, strict: 'ignore', output: 'html' });

/** A side condition in words. */
export function conditionText(condition: LawCondition): string {
  switch (condition.kind) {
    case 'shape':
      return `${condition.variable}: ${formatShape(condition.shape)}`;
    case 'property':
      return `${condition.variable} ${condition.property}`;
    case 'positive-integer':
      return `${condition.variable} a positive integer`;
  }
}

function valueTex(value: Value): string {
  switch (value.kind) {
    case 'boolean':
      return value.value ? '\\text{true}' : '\\text{false}';
    case 'scalar':
      return typeof value.value === 'number' ? String(value.value) : formatRational(value.value);
    case 'exact':
    case 'float': {
      const rows: string[] = [];
      for (let i = 0; i < value.rows; i++) {
        const row: string[] = [];
        for (let j = 0; j < value.cols; j++) {
          const x = value.data[i * value.cols + j]!;
          row.push(typeof x === 'number' ? String(x) : formatRational(x));
        }
        rows.push(row.join(' & '));
      }
      return `\\begin{pmatrix}${rows.join(' \\\\ ')}\\end{pmatrix}`;
    }
  }
}

/**
 * A worked example: a random exact instance of the law's variables (honouring its givens),
 * both sides evaluated. The build fails if the two sides ever differ.
 */
function example(law: Law): LawEntry['example'] {
  const declarations = parseDeclarations(law.given);
  if (!declarations.ok) throw new Error(`law ${law.name}: cannot read its givens ${JSON.stringify(law.given)}`);
  const givens = givensFrom(declarations.value);
  const integers = law.conditions.filter((c) => c.kind === 'positive-integer').map((c) => c.variable);
  for (let seed = 1; seed <= 20; seed++) {
    const instance = randomInstance(givens, createRng(seed * 7919), { minSize: 2, entryRange: 3, symbols: [...givens.keys()].filter((n) => !integers.includes(n)) });
    if (!instance.ok) continue;
    const bindings = new Map(instance.value.bindings);
    for (const k of integers) bindings.set(k, scalarValue(2n));
    const assignments = [...bindings].map(([name, value]) => `${name} = ${valueTex(value)}`).join(',\\quad ');
    if (law.kind === 'property') {
      // The claim (e.g. psd(P ⊙ Q), diagonal(D A)) is evaluated exactly on the instance.
      const claim = evaluate(law.rhs, bindings, { mode: 'exact' });
      const operand = evaluate(law.lhs, bindings, { mode: 'exact' });
      if (!claim.ok || !operand.ok) continue;
      if (claim.value.kind !== 'boolean' || !claim.value.value) throw new Error(`law ${law.name}: its example is not ${law.property}`);
      let note = `random exact instance; ${printPlain(law.rhs)} evaluates to true`;
      if ((law.property === 'psd' || law.property === 'pd') && isMatrix(operand.value)) {
        const report = psdTest(operand.value, { method: 'certificate', property: law.property });
        if (report.ok) note = `random exact instance; ${report.value.explanation}`;
      }
      return { html: tex(assignments) + tex(`${printLatex(law.lhs)} = ${valueTex(operand.value)}`), note };
    }
    // The two sides are compared as one equation, so sizeless constants (J, 0, I) take their
    // shape from the other side.
    const holds = evaluate(equal(law.lhs, law.rhs), bindings, { mode: 'exact' });
    const left = evaluate(law.lhs, bindings, { mode: 'exact' });
    if (!holds.ok || !left.ok) continue;
    if (holds.value.kind !== 'boolean' || !holds.value.value) throw new Error(`law ${law.name}: sides differ on its example (seed ${seed})`);
    return {
      html: tex(assignments) + tex(`${printLatex(law.lhs)} = ${valueTex(left.value)} = ${printLatex(law.rhs)}`),
      note: 'random exact instance, both sides evaluated',
    };
  }
  return undefined;
}

function statementLatex(law: Law): string {
  return law.kind === 'property' ? printLatex(law.rhs) : `${printLatex(law.lhs)} = ${printLatex(law.rhs)}`;
}

function playgroundLink(law: Law): string {
  const expr: Expr = law.lhs;
  const other = law.kind === 'equation' ? printPlain(law.rhs) : '';
  return `./playground.html${encodeState({ ...EMPTY_STATE, expr: printPlain(expr), givens: law.given.split(';').join('\n'), other })}`;
}

/** Builds the law reference entries from the catalogue. */
export function lawEntries(laws: readonly Law[]): LawEntry[] {
  return laws.map((law) => {
    const ex = example(law);
    const base = {
      name: law.name,
      aliases: law.aliases,
      family: law.family,
      statement: law.statement,
      statementHtml: tex(statementLatex(law)),
      given: law.given,
      conditions: law.conditions.filter((c) => c.kind !== 'shape').map(conditionText),
      simplify: law.simplify,
      description: law.description,
      playgroundLink: playgroundLink(law),
    };
    return ex === undefined ? base : { ...base, example: ex };
  });
}

declare const data: LawEntry[];
export { data };

export default {
  load(): LawEntry[] {
    return lawEntries(LAWS);
  },
};
