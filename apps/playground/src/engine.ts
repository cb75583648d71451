import {
  formatLimit,
  SCALAR,
  formatShape,
  givensFrom,
  matrixShape,
  inferShape,
  inferShapes,
  odotError,
  printLatex,
  printPlain,
  printSexpr,
  type Expr,
  type Givens,
  type OdotError,
} from '@odot/core';
import { parse, parseDeclarations, type Dialect } from '@odot/parser';
import { evaluate, type Value } from '@odot/numeric';
import { equivalent, simplify } from '@odot/rewrite';
import { diagnosticView, freeSymbols, sizedSymbols, treeView } from './expr-view.ts';
import { lawsView } from './engine-laws.ts';
import { checkProofView, hintView } from './engine-proof.ts';
import { psdView } from './engine-psd.ts';
import { countermodelView, matrixView, stepView, valueLatex } from './engine-values.ts';
import type { DiagnosticField, DiagnosticView, NamedMatrix, Task, TaskResult } from './protocol.ts';
import { formatNumber, matrixText } from './view-models.ts';

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
function labelled(view: DiagnosticView, where: string, field: DiagnosticField): DiagnosticView {
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

const failed = (error: OdotError, source: string): readonly DiagnosticView[] => [diagnosticView(error, source)];

/**
 * Most simplification steps the playground takes (the CLI's default is 2000): every step is printed
 * as text and LaTeX and sent to the page, so 1 600 steps over a 4 096-term sum took 12 s and 49 MB
 * (past the task's time limit); 200 steps show any trace a reader follows, and a longer one stops
 * with the limit shown first.
 */
export const PLAYGROUND_MAX_STEPS = 200;

/** Runs one task synchronously (the worker calls this; tests call it directly). Never throws on bad input. */
export function runTask(task: Task): TaskResult {
  switch (task.kind) {
    case 'analyze': {
      const source = readSource(task.expr, task.dialect, task.givens);
      if (!source.ok) return { kind: 'analyze', ok: false, diagnostics: source.diagnostics };
      // Values that do not read are the evaluation pane's to report; here they just add no shapes.
      const values = task.bindings === undefined ? undefined : readBindings(task.bindings);
      const { expr, notes } = source.value;
      const givens = values?.ok ? givensWithValues(source.value.givens, values.value.values) : source.value.givens;
      const shape = inferShape(expr, givens);
      const table = inferShapes(expr, givens);
      const base = {
        plain: printPlain(expr),
        latex: printLatex(expr),
        sexpr: printSexpr(expr),
        tree: treeView(expr),
        notes,
        symbols: freeSymbols(expr),
        sized: table.ok ? sizedSymbols(expr, table.value) : [],
      };
      return {
        kind: 'analyze',
        ok: true,
        view: shape.ok ? { ...base, shape: formatShape(shape.value) } : { ...base, shapeError: diagnosticView(shape.error, task.expr) },
      };
    }
    case 'evaluate': {
      const source = readSource(task.expr, task.dialect, task.givens);
      if (!source.ok) return { kind: 'evaluate', ok: false, diagnostics: source.diagnostics };
      const bindings = readBindings(task.bindings);
      if (!bindings.ok) return { kind: 'evaluate', ok: false, diagnostics: bindings.diagnostics };
      const missing = freeSymbols(source.value.expr).filter((name) => !bindings.value.values.has(name));
      if (missing.length > 0) {
        const error = odotError('unbound', `give a value for ${missing.join(', ')} to evaluate (e.g. ${missing[0]} = [[1,2],[3,4]])`, { severity: 'note' });
        return { kind: 'evaluate', ok: false, diagnostics: [diagnosticView(error)] };
      }
      const value = evaluate(source.value.expr, bindings.value.values, { mode: task.mode, givens: source.value.givens });
      if (!value.ok) return { kind: 'evaluate', ok: false, diagnostics: failed(value.error, task.expr) };
      const view = matrixView(value.value);
      return {
        kind: 'evaluate',
        ok: true,
        view: {
          shape: view.scalar ? 'scalar' : `${view.rows.length}×${view.rows[0]?.length ?? 0}`,
          value: view,
          text: matrixText(view),
          latex: valueLatex(value.value),
          inputs: bindings.value.inputs,
        },
      };
    }
    case 'psd': {
      const source = readSource(task.expr, task.dialect, task.givens);
      if (!source.ok) return { kind: 'psd', ok: false, diagnostics: source.diagnostics };
      const bindings = readBindings(task.bindings);
      if (!bindings.ok) return { kind: 'psd', ok: false, diagnostics: bindings.diagnostics };
      return psdView(source.value, bindings.value.values, task.expr);
    }
    case 'simplify': {
      const source = readSource(task.expr, task.dialect, task.givens);
      if (!source.ok) return { kind: 'simplify', ok: false, diagnostics: source.diagnostics };
      const shape = inferShape(source.value.expr, source.value.givens);
      if (!shape.ok) return { kind: 'simplify', ok: false, diagnostics: failed(shape.error, task.expr) };
      const simplified = simplify(source.value.expr, source.value.givens, { maxSteps: PLAYGROUND_MAX_STEPS });
      if (!simplified.ok) return { kind: 'simplify', ok: false, diagnostics: failed(simplified.error, task.expr) };
      const result = simplified.value;
      const base = {
        input: printPlain(source.value.expr),
        inputLatex: printLatex(source.value.expr),
        result: printPlain(result.result),
        resultLatex: printLatex(result.result),
        steps: result.steps.map(stepView),
      };
      const limit = result.limit === undefined ? undefined : formatLimit(result.limit);
      return { kind: 'simplify', ok: true, view: limit === undefined ? base : { ...base, limit } };
    }
    case 'equiv': {
      const left = readSource(task.expr, task.dialect, task.givens);
      if (!left.ok) return { kind: 'equiv', ok: false, diagnostics: left.diagnostics };
      const right = readSource(task.other, task.dialect, task.givens);
      if (!right.ok) return { kind: 'equiv', ok: false, diagnostics: right.diagnostics.map((d) => (d.field === undefined ? labelled(d, 'compare with', 'other') : d)) };
      const decided = equivalent(left.value.expr, right.value.expr, left.value.givens);
      if (!decided.ok) return { kind: 'equiv', ok: false, diagnostics: failed(decided.error, `${task.expr} = ${task.other}`) };
      const verdict = decided.value;
      const counterexample = verdict.counterexample;
      const limit = verdict.limit === undefined ? undefined : formatLimit(verdict.limit);
      return {
        kind: 'equiv',
        ok: true,
        view: {
          equivalent: verdict.equivalent,
          method: verdict.method,
          explanation: verdict.explanation,
          steps: verdict.steps.map(stepView),
          ...(counterexample === undefined
            ? {}
            : { counterexample: countermodelView(counterexample.bindings), sides: { left: matrixView(counterexample.left), right: matrixView(counterexample.right) } }),
          ...(verdict.errorBound === undefined ? {} : { errorBound: formatNumber(verdict.errorBound) }),
          ...(limit === undefined ? {} : { limit }),
        },
      };
    }
    case 'proof':
      return checkProofView(task.proof);
    case 'hint':
      return hintView(task.proof);
    case 'laws':
      return lawsView();
  }
}
