import { append, h } from './dom.ts';
import { exampleButtons, symbolButtons } from './example-buttons.ts';
import type { LawList } from './law-list.ts';
import type { ShareLink } from './share-link.ts';
import { MAX_LIMIT_MS, MIN_LIMIT_MS, PLAYGROUND_DIALECTS, clampLimit, isDialect, type PlaygroundState } from './state.ts';
import { fieldSlot, type FieldContext, type FieldSlot, type FieldSpec } from './text-field.ts';

/** The text fields of the form, by the state field each holds. */
export type TextFieldName = 'expr' | 'givens' | 'bindings' | 'other' | 'proof';

/** The input column. */
export interface Form {
  readonly element: HTMLElement;
  readonly fields: Readonly<Record<TextFieldName, FieldSlot>>;
  /** What the fields read (the code editor gets the same). */
  readonly context: FieldContext;
  /** Where the matrix grids of the values go. */
  readonly matrixEditors: HTMLElement;
  /** The state the inputs show. */
  readonly read: () => PlaygroundState;
  /** Shows a state in the inputs. */
  readonly write: (state: PlaygroundState) => void;
}

const SPECS: Readonly<Record<TextFieldName, FieldSpec>> = {
  expr: { multiline: false, language: 'expr', attributes: { 'data-testid': 'expr', 'aria-label': 'expression' } },
  givens: { multiline: true, rows: 2, language: 'givens', attributes: { 'data-testid': 'givens', 'aria-label': 'givens' } },
  bindings: { multiline: true, rows: 3, language: 'text', attributes: { 'data-testid': 'bindings', 'aria-label': 'bindings' } },
  other: { multiline: false, language: 'expr', attributes: { 'data-testid': 'other', 'aria-label': 'compare with' } },
  proof: { multiline: true, rows: 8, language: 'proof', attributes: { 'data-testid': 'proof', 'aria-label': 'proof' } },
};

/** The dialect, numbers and time-limit controls. */
function settings(): { readonly dialect: HTMLSelectElement; readonly mode: HTMLSelectElement; readonly limit: HTMLInputElement } {
  const dialect = h('select', { 'data-testid': 'dialect', 'aria-label': 'dialect' });
  for (const d of PLAYGROUND_DIALECTS) append(dialect, h('option', { value: d }, d));
  const mode = h('select', { 'data-testid': 'mode', 'aria-label': 'numeric mode' }, h('option', { value: 'exact' }, 'exact'), h('option', { value: 'float' }, 'float'));
  const range = { min: String(MIN_LIMIT_MS / 1000), max: String(MAX_LIMIT_MS / 1000) };
  const limit = h('input', { type: 'number', ...range, step: '0.1', 'data-testid': 'time-limit', 'aria-label': 'time limit in seconds' });
  return { dialect, mode, limit };
}

const label = (text: string, control: HTMLElement, hint?: string): HTMLElement =>
  h('label', { class: 'odot-field' }, h('span', { class: 'odot-label' }, text), control, hint ? h('small', { class: 'odot-hint' }, hint) : null);

/**
 * Builds the input column; `onInput` runs after every user edit, `onExample` when an example is
 * picked; `laws` feeds the proof editor's completions.
 */
export function createForm(onInput: () => void, onExample: (state: PlaygroundState) => void, share: ShareLink, laws: LawList): Form {
  const { dialect, mode, limit } = settings();
  const context: FieldContext = { dialect: () => (isDialect(dialect.value) ? dialect.value : 'plain'), onInput, laws };
  const fields = Object.fromEntries(Object.entries(SPECS).map(([name, spec]) => [name, fieldSlot(spec, context)])) as Record<TextFieldName, FieldSlot>;
  const refresh = (): void => Object.values(fields).forEach((slot) => slot.current().refresh());
  dialect.addEventListener('change', refresh);
  const el = (name: TextFieldName): HTMLElement => fields[name].current().element;
  const matrixEditors = h('div', { class: 'odot-editors', 'data-testid': 'matrix-editors' });
  for (const control of [dialect, mode, limit]) control.addEventListener('change', onInput);
  // The order matters for phones: the first four children stay above the results (style.css).
  const element = h(
    'section',
    { class: 'odot-inputs', 'aria-label': 'inputs' },
    exampleButtons(onExample),
    h('div', { class: 'odot-row' }, label('Dialect', dialect), label('Numbers', mode), label('Time limit (s)', limit)),
    label('Expression', el('expr'), 'e.g. A ⊙ B, (A ⊙ B)ᵀ, P ⊙ Q ⪰ 0 — type \\odot for ⊙, \\otimes for ⊗, \\top for ᵀ'),
    symbolButtons((symbol) => fields.expr.current().insert(symbol)),
    label('Givens', el('givens'), 'one declaration per line: A, B: 2×3 · D: n×n diagonal · P: n×n psd · u: 3 · c: scalar'),
    label('Values', el('bindings'), 'one per line: A = [[1,2,3],[4,5,6]] or A = [1 2 3; 4 5 6]'),
    matrixEditors,
    label('Compare with', el('other'), 'an expression to test for equivalence'),
    label('Proof', el('proof'), 'given … / prove … / proof / = EXPR by LAW / qed'),
    label('Link to this view', share.field),
    share.status,
  );
  const text = (name: TextFieldName): string => fields[name].current().value();
  const read = (): PlaygroundState => ({
    expr: text('expr'),
    dialect: isDialect(dialect.value) ? dialect.value : 'plain',
    givens: text('givens'),
    bindings: text('bindings'),
    mode: mode.value === 'float' ? 'float' : 'exact',
    other: text('other'),
    proof: text('proof'),
    limitMs: clampLimit(Number(limit.value) * 1000),
  });
  const write = (s: PlaygroundState): void => {
    for (const name of Object.keys(fields) as TextFieldName[]) fields[name].current().setValue(s[name]);
    if (dialect.value !== s.dialect) {
      dialect.value = s.dialect;
      refresh();
    }
    mode.value = s.mode;
    if (clampLimit(Number(limit.value) * 1000) !== s.limitMs) limit.value = String(s.limitMs / 1000);
  };
  return { element, fields, context, matrixEditors, read, write };
}
