import { dimSymbols, equal, formatShape, givensFrom, mapChildren, printLatex, printPlain, type Expr } from '@odot/core';
import { createRng, evaluate, formatRational, isMatrix, psdTest, randomInstance, scalarValue, type Value } from '@odot/numeric';
import { parse, parseDeclarations } from '@odot/parser';
import { isTermLaw, type Law, type LawCondition } from '@odot/rewrite';
import katex from 'katex';
import { EMPTY_STATE } from '../apps/playground/src/state.ts';
import { encodeState } from '../apps/playground/src/url-state.ts';

/** One law as the reference page shows it; built from `LAWS` at build time. */
export interface LawEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly family: string;
  readonly statement: string;
  /** The statement as MathML (KaTeX `output: 'mathml'`): accessible, and small enough for 116 cards on one page. */
  readonly statementHtml: string;
  readonly given: string;
  readonly conditions: readonly string[];
  readonly simplify: boolean;
  /** The simplifier's priority (lower first); shown for the simplifier's laws. */
  readonly priority: number;
  readonly description: string;
  /** The worked example as LaTeX (rendered in the browser when the card's example is opened). */
  readonly example?: { readonly assignments: string; readonly equation: string; readonly note: string };
  readonly playgroundLink: string;
}

/**
 * A statement as MathML. Without KaTeX's `xmlns`: an HTML parser puts `<math>` in the MathML
 * namespace by itself, and the attribute cost the law reference 7 KB (173 statements).
 */
const tex = (latex: string): string =>
  katex
    .renderToString(latex, { displayMode: true, throwOnError: false, trust: false, strict: 'ignore', output: 'mathml' })
    .replace('<math xmlns="http://www.w3.org/1998/Math/MathML"', '<math');

/** A side condition in words. */
export function conditionText(condition: LawCondition): string {
  switch (condition.kind) {
    case 'shape':
      return `${condition.variable}: ${formatShape(condition.shape)}`;
    case 'property':
      return `${condition.variable} ${condition.property}`;
    case 'positive-integer':
      return `${condition.variable} a positive integer`;
    case 'positive-diagonal':
      return `${condition.variable} with a positive diagonal`;
    case 'index':
      return `${condition.variable} an entry index`;
    case 'not-free':
      return `${condition.index} does not occur in ${condition.variable}`;
    case 'divides':
      return `${condition.size} divides ${condition.dim}`;
  }
}

/** The entries of a matrix value as text, row by row (exact ones as `-1/2`). */
function entryTexts(value: Extract<Value, { kind: 'exact' | 'float' }>): string[][] {
  return Array.from({ length: value.rows }, (_, i) =>
    Array.from({ length: value.cols }, (_, j) => {
      const x = value.data[i * value.cols + j];
      if (x === undefined) throw new RangeError(`no entry (${i + 1}, ${j + 1}) in a ${value.rows}×${value.cols} matrix`);
      return typeof x === 'number' ? String(x) : formatRational(x);
    }),
  );
}

function valueTex(value: Value): string {
  switch (value.kind) {
    case 'boolean':
      return value.value ? '\\text{true}' : '\\text{false}';
    case 'scalar':
      return typeof value.value === 'number' ? String(value.value) : formatRational(value.value);
    case 'exact':
    case 'float': {
      const rows = entryTexts(value).map((row) => row.join(' & '));
      return `\\begin{pmatrix}${rows.join(' \\\\ ')}\\end{pmatrix}`;
    }
  }
}

/** A worked example and the instance it was computed on (the playground link carries it). */
interface Worked {
  readonly shown: NonNullable<LawEntry['example']>;
  readonly bindings: ReadonlyMap<string, Value>;
  /** The positive-integer variables (`k`) and the value the example gives them. */
  readonly integers: readonly string[];
}

/** The example value of every positive-integer variable of a law (`k = 2`). */
const EXAMPLE_INTEGER = 2n;

/** Most size symbols an example draws as distinct sizes (more are all 2). */
const MAX_DISTINCT_SIZES = 4;

/**
 * A worked example: a random exact instance of the law's variables (honouring its givens),
 * both sides evaluated. The build fails if the two sides ever differ.
 */
function example(law: Law): Worked | undefined {
  // A rule (ext) has no single equation to show.
  if (law.kind === 'rule') return undefined;
  // Entry indices (`i`, `j` of an entrywise law) are shown at 1, inside every size.
  const indices = Object.fromEntries(law.conditions.flatMap((c) => (c.kind === 'index' ? [[c.variable, 1] as const] : [])));
  const declarations = parseDeclarations(law.given);
  if (!declarations.ok) throw new Error(`law ${law.name}: cannot read its givens ${JSON.stringify(law.given)}`);
  const givens = givensFrom(declarations.value);
  const integers = law.conditions.filter((c) => c.kind === 'positive-integer').map((c) => c.variable);
  // A block size that must divide a size (`q` of sum_block) is 2, dividing 4. A law over more than
  // four sizes (mul_kron_mul's m, n, p, q, r, s) shows every size as 2: distinct sizes would make its
  // Kronecker products dozens of entries wide.
  const divides = law.conditions.flatMap((c) => (c.kind === 'divides' ? [c] : []));
  const names = [...new Set([...givens.values()].flatMap((info) => (info.shape.kind === 'matrix' ? [...dimSymbols(info.shape.rows), ...dimSymbols(info.shape.cols)] : [])))];
  const small = names.length > MAX_DISTINCT_SIZES ? names.map((name) => [name, 2] as const) : [];
  const blocks = { dims: divides.map((c) => c.size), sizes: Object.fromEntries([...small, ...divides.flatMap((c) => [[c.size, 2], [c.dim, 4]] as const)]) };
  for (let seed = 1; seed <= 20; seed++) {
    const instance = randomInstance(givens, createRng(seed * 7919), { minSize: 2, entryRange: 3, symbols: [...givens.keys()].filter((n) => !integers.includes(n)), ...blocks });
    if (!instance.ok) continue;
    const bindings = new Map(instance.value.bindings);
    for (const k of integers) bindings.set(k, scalarValue(EXAMPLE_INTEGER));
    // A size used as a number (`p` of def_kron, declared `p: natural`) is shown with its size.
    for (const [name, info] of givens) {
      const size = instance.value.sizes.get(name);
      if (info.shape.kind === 'scalar' && size !== undefined) bindings.set(name, scalarValue(BigInt(size)));
    }
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
      return { shown: { assignments, equation: `${printLatex(law.lhs)} = ${valueTex(operand.value)}`, note }, bindings, integers };
    }
    // The two sides are compared as one equation, so sizeless constants (J, 0, I) take their
    // shape from the other side.
    const holds = evaluate(equal(law.lhs, law.rhs), bindings, { mode: 'exact', indices });
    const left = evaluate(law.lhs, bindings, { mode: 'exact', indices });
    if (!holds.ok || !left.ok) continue;
    if (holds.value.kind !== 'boolean' || !holds.value.value) throw new Error(`law ${law.name}: sides differ on its example (seed ${seed})`);
    return {
      shown: { assignments, equation: `${printLatex(law.lhs)} = ${valueTex(left.value)} = ${printLatex(law.rhs)}`, note: 'random exact instance, both sides evaluated' },
      bindings,
      integers,
    };
  }
  return undefined;
}

function statementLatex(law: Law): string {
  switch (law.kind) {
    case 'property':
      return printLatex(law.rhs);
    case 'equation':
      return `${printLatex(law.lhs)} = ${printLatex(law.rhs)}`;
    case 'rule':
      return `${printLatex(law.premise ?? law.lhs)} \\text{ for all } i, j \\implies ${printLatex(law.lhs)} = ${printLatex(law.rhs)}`;
  }
}

/** A value as the playground's values text reads it (`[[1,2],[3,4]]`, `-1/2`). */
function valuePlain(value: Value): string {
  switch (value.kind) {
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'scalar':
      return typeof value.value === 'number' ? String(value.value) : formatRational(value.value);
    case 'exact':
    case 'float': {
      return `[${entryTexts(value).map((row) => `[${row.join(',')}]`).join(',')}]`;
    }
  }
}

/** `e` with each named identifier replaced (the example's `k = 2` written into the expression). */
function substitute(e: Expr, values: ReadonlyMap<string, Expr>): Expr {
  if (e.type === 'Identifier') return values.get(e.name) ?? e;
  return mapChildren(e, (child) => substitute(child, values));
}

/**
 * The playground link of a card: its sides, givens and the card's own example values, with
 * positive-integer variables (`k`) replaced by the example's value so the check is decidable.
 */
function playgroundLink(law: Law, worked: Worked | undefined): string {
  const literal = parse(String(EXAMPLE_INTEGER));
  if (!literal.ok) throw new Error('cannot read an integer literal');
  const integers = new Map((worked?.integers ?? []).map((name) => [name, literal.value.expr] as const));
  const expr = substitute(law.lhs, integers);
  // The laws on entries and numbers open without a comparison: the playground's equivalence works on matrices.
  const other = law.kind === 'equation' && isTermLaw(law) ? printPlain(substitute(law.rhs, integers)) : '';
  const bindings = [...(worked?.bindings ?? new Map<string, Value>())]
    .filter(([name]) => !integers.has(name))
    .map(([name, value]) => `${name} = ${valuePlain(value)}`)
    .concat(law.conditions.flatMap((c) => (c.kind === 'index' ? [`${c.variable} = 1`] : [])))
    .join('\n');
  return `./playground.html${encodeState({ ...EMPTY_STATE, expr: printPlain(expr), givens: law.given.split(';').map((g) => g.trim()).join('\n'), other, bindings })}`;
}

/** Builds the law reference entries from the catalogue. */
export function lawEntries(laws: readonly Law[]): LawEntry[] {
  return laws.map((law) => {
    const worked = example(law);
    const base = {
      name: law.name,
      aliases: law.aliases,
      family: law.family,
      statement: law.statement,
      statementHtml: tex(statementLatex(law)),
      given: law.given,
      conditions: law.conditions.filter((c) => c.kind !== 'shape').map(conditionText),
      simplify: law.simplify,
      priority: law.priority,
      description: law.description,
      playgroundLink: playgroundLink(law, worked),
    };
    return worked === undefined ? base : { ...base, example: worked.shown };
  });
}

