import { formatValue, isMatrix, type Value } from './value.ts';
import { matrixRows } from './matrix.ts';

/**
 * A concrete instance on which two expressions differ, confirmed over the exact rationals: the one
 * counterexample type of odot (identity testing, the proof checker, the grader and the CLI all use
 * it; `formatCounterexample` and `counterexampleToJson` below are its only renderings).
 */
export interface Counterexample {
  /** The exact values drawn for the symbols. */
  readonly bindings: ReadonlyMap<string, Value>;
  /** The sizes chosen for the symbolic dimensions. */
  readonly sizes: ReadonlyMap<string, number>;
  /** Values of free entry indices (`i`, `j` in `A[i,j]`), 1-based. */
  readonly indices: ReadonlyMap<string, number>;
  /** The exact value of the left side. */
  readonly left: Value;
  /** The exact value of the right side. */
  readonly right: Value;
}

/** A value on one line: `[[1, 2], [3, 4]]` for a matrix, `7` or `-1/2` for a scalar. */
export function formatValueInline(value: Value): string {
  if (isMatrix(value)) return `[${matrixRows(value).map((row) => `[${row.join(', ')}]`).join(', ')}]`;
  return formatValue(value);
}

/** The instance as `name = value` texts: symbols in the order drawn, then entry indices (`i = 2`). */
export function counterexampleBindings(cx: Counterexample): string[] {
  const symbols = [...cx.bindings].map(([name, value]) => `${name} = ${formatValueInline(value)}`);
  const indices = [...cx.indices].map(([name, value]) => `${name} = ${value}`);
  return [...symbols, ...indices];
}

/** How the two sides are called in a sentence (`the previous line` / `this line`, `the expected answer` / `your answer`). */
export interface CounterexampleLabels {
  readonly left: string;
  readonly right: string;
}

/** `with A = [[1, 0], [2, 1]], i = 2: the previous line is 3 but this line is 5` — one sentence. */
export function formatCounterexample(cx: Counterexample, labels: CounterexampleLabels = { left: 'the left side', right: 'the right side' }): string {
  const bindings = counterexampleBindings(cx);
  const where = bindings.length > 0 ? `with ${bindings.join(', ')}` : 'on a concrete instance';
  return `${where}: ${labels.left} is ${formatValueInline(cx.left)} but ${labels.right} is ${formatValueInline(cx.right)}`;
}

/** The JSON form of a counterexample: values as inline text, indices as numbers. */
export interface CounterexampleJson {
  readonly bindings: Readonly<Record<string, string>>;
  readonly indices: Readonly<Record<string, number>>;
  readonly sizes: Readonly<Record<string, number>>;
  readonly left: string;
  readonly right: string;
}

/** A counterexample as plain JSON (`odot check --json`, reports). */
export function counterexampleToJson(cx: Counterexample): CounterexampleJson {
  return {
    bindings: Object.fromEntries([...cx.bindings].map(([name, value]) => [name, formatValueInline(value)])),
    indices: Object.fromEntries(cx.indices),
    sizes: Object.fromEntries(cx.sizes),
    left: formatValueInline(cx.left),
    right: formatValueInline(cx.right),
  };
}
