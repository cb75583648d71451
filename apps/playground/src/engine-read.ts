import { givensFrom, matrixShape, odotError, SCALAR, type Expr, type Givens, type OdotError } from '@odot/core';
import { parse, parseDeclarations, type Dialect } from '@odot/parser';
import { evaluate, type Value } from '@odot/numeric';
import { diagnosticView } from './expr-view.ts';
import { matrixView } from './engine-values.ts';
import type { DiagnosticField, DiagnosticView, NamedMatrix } from './protocol.ts';

// Reading a task's inputs (expression, givens, values): shared by the quick tasks, which the worker
// answers first, and the tasks that load the rewrite engine.

/** A parsed input: the expression, the givens, and lint notes. */
export interface Source {
  readonly expr: Expr;
  readonly givens: Givens;
  readonly notes: readonly DiagnosticView[];
}

/** The outcome of reading the inputs of a task. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly diagnostics: readonly DiagnosticView[] };

/** Parses the givens text (declarations); an empty text gives no givens. */
export function readGivens(text: string): Read<Givens> {
  if (text.trim() === '') return { ok: true, value: new Map() };
  const declarations = parseDeclarations(text);
  if (!declarations.ok) return { ok: false, diagnostics: [labelled(diagnosticView(declarations.error, text), 'givens', 'givens')] };
  return { ok: true, value: givensFrom(declarations.value) };
}

/** Parses an expression in a dialect together with the givens. */
export function readSource(text: string, dialect: Dialect, givensText: string): Read<Source> {
  const givens = readGivens(givensText);
  if (!givens.ok) return givens;
  const parsed = parse(text, { dialect });
  if (!parsed.ok) return { ok: false, diagnostics: [diagnosticView(parsed.error, text)] };
  return { ok: true, value: { expr: parsed.value.expr, givens: givens.value, notes: parsed.value.notes.map((n) => diagnosticView(n, text)) } };
}

/**
 * A diagnostic about another input than the task's own text, said in its message and kept in
 * `field`. Offsets into one line of the values text are dropped (they are not offsets of the field).
 */
export function labelled(view: DiagnosticView, where: string, field: DiagnosticField): DiagnosticView {
  const { from, to, ...rest } = view;
  const range = field === 'bindings' || from === undefined || to === undefined ? {} : { from, to };
  return { ...rest, ...range, field, message: `${where}: ${view.message}`, formatted: `in ${where}:\n${view.formatted}` };
}

/** Reads the bindings text (`A = [[1,2],[3,4]]` per line) into values, each parsed and evaluated exactly. */
export function readBindings(text: string): Read<{ readonly values: Map<string, Value>; readonly inputs: NamedMatrix[] }> {
  const values = new Map<string, Value>();
  const inputs: NamedMatrix[] = [];
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = eq < 0 ? '' : line.slice(0, eq).trim();
    if (!/^[A-Za-z][A-Za-z0-9_₀-₉]*$/u.test(name)) {
      const error = odotError('bad-binding', `expected NAME = VALUE, got ${JSON.stringify(line.trim())}`);
      return { ok: false, diagnostics: [labelled(diagnosticView(error), 'values', 'bindings')] };
    }
    const valueText = line.slice(eq + 1);
    const parsed = parse(valueText, { dialect: 'plain' });
    if (!parsed.ok) return { ok: false, diagnostics: [labelled(diagnosticView(parsed.error, valueText), `value of ${name}`, 'bindings')] };
    const value = evaluate(parsed.value.expr, new Map(), { mode: 'exact' });
    if (!value.ok) return { ok: false, diagnostics: [labelled(diagnosticView(value.error, valueText), `value of ${name}`, 'bindings')] };
    values.set(name, value.value);
    inputs.push({ name, value: matrixView(value.value) });
  }
  return { ok: true, value: { values, inputs } };
}

/**
 * The givens, plus the shape of each undeclared symbol that has a value: the analysis then
 * says `2×3` where evaluation knows it, not `?3×?4`.
 */
export function givensWithValues(givens: Givens, values: ReadonlyMap<string, Value>): Givens {
  const out = new Map(givens);
  for (const [name, value] of values) {
    if (out.has(name)) continue;
    const shape = value.kind === 'exact' || value.kind === 'float' ? matrixShape(value.rows, value.cols) : value.kind === 'scalar' ? SCALAR : undefined;
    if (shape !== undefined) out.set(name, { shape, properties: new Set() });
  }
  return out;
}

/** A diagnostic of `error` about `source`, as a one-element list. */
export const failed = (error: OdotError, source: string): readonly DiagnosticView[] => [diagnosticView(error, source)];
