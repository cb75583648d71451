// The code editor of the playground's text fields: CodeMirror 6 (state + view + commands + lint,
// and autocomplete: backslash names, and law names in the proof field), loaded as its own chunk after the first
// answer. Colours come from the parser's own lexer (`highlightTokens`), marks from the engine's
// diagnostics, and `\odot` typed becomes `⊙`.
import { completionStatus, startCompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorState, RangeSetBuilder, StateEffect, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, keymap, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { replaceBackslashNames } from '@odot/core';
import { fieldCompletions } from './editor-completions.ts';
import { diffChange, type TextChange } from './text-diff.ts';
import { MAX_HIGHLIGHT, fieldTokens, type FieldTokenClass } from './field-tokens.ts';
import { backslashInput, type FieldContext, type FieldMark, type FieldSelection, type FieldSpec, type TextField } from './text-field.ts';

/** Marks a change the page made (a new state, an example), not the user. */
const external = Annotation.define<boolean>();
/** Asks the highlighter to recolour (the dialect changed). */
const recolour = StateEffect.define();

const MARKS = new Map<FieldTokenClass, Decoration>();
const markOf = (cls: FieldTokenClass): Decoration => {
  let mark = MARKS.get(cls);
  if (!mark) MARKS.set(cls, (mark = Decoration.mark({ class: `odot-tok-${cls}` })));
  return mark;
};

/** Colours the text with `fieldTokens` in the field's language and the current dialect. */
function highlighter(spec: FieldSpec, context: FieldContext): Extension {
  const build = (view: EditorView): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>();
    for (const token of fieldTokens(spec.language, view.state.doc.toString(), context.dialect())) builder.add(token.from, token.to, markOf(token.class));
    return builder.finish();
  };
  const plugin = class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.transactions.some((tr) => tr.effects.some((e) => e.is(recolour)))) this.decorations = build(update.view);
    }
  };
  return ViewPlugin.fromClass(plugin, { decorations: (value) => value.decorations });
}

/** Backslash input: after the user's input, complete names (`\odot` and a non-letter) become symbols. */
function backslashNames(context: FieldContext, atEnd: boolean, tr: Transaction): Transaction | [Transaction, { changes: TextChange; selection: { anchor: number }; sequential: true }] {
  if (!tr.docChanged || !tr.isUserEvent('input') || !backslashInput(context) || tr.newDoc.length > MAX_HIGHLIGHT) return tr;
  const text = tr.newDoc.toString();
  const replaced = replaceBackslashNames(text, tr.newSelection.main.head, atEnd);
  if (replaced.text === text) return tr;
  return [tr, { changes: diffChange(text, replaced.text), selection: { anchor: replaced.caret }, sequential: true }];
}

/** One-line fields: line breaks typed or pasted become spaces, Enter does nothing. */
const singleLine: Extension = [
  EditorState.transactionFilter.of((tr) => {
    if (!tr.docChanged || tr.newDoc.lines === 1) return tr;
    const text = tr.newDoc.toString();
    return [tr, { changes: diffChange(text, text.replace(/\r?\n/g, ' ')), sequential: true }];
  }),
  keymap.of([{ key: 'Enter', run: () => true }]),
];

/** CodeMirror diagnostics for marks, clamped to the document (it may have changed since). */
function diagnostics(marks: readonly FieldMark[], length: number): Diagnostic[] {
  return marks.map((mark) => {
    const from = Math.min(mark.from, length);
    return { from, to: Math.min(Math.max(mark.to, from), length), severity: mark.severity === 'note' ? 'info' : mark.severity, message: mark.message };
  });
}

/** A CodeMirror editor for one field of the playground, starting with `text` and `selection` (clamped to the text). */
export function createEditor(spec: FieldSpec, text: string, context: FieldContext, selection: FieldSelection = { anchor: text.length, head: text.length }): TextField {
  const attributes = { spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', ...spec.attributes } as Record<string, string>;
  const extensions: Extension[] = [
    history(),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    EditorView.contentAttributes.of(attributes),
    EditorState.transactionFilter.of((tr) => backslashNames(context, false, tr)),
    highlighter(spec, context),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !update.transactions.some((tr) => tr.annotation(external))) context.onInput();
    }),
    EditorView.domEventHandlers({ blur: (_event, view) => finishNames(view) }),
    spec.multiline ? EditorView.lineWrapping : singleLine,
    spec.language === 'text' ? [] : fieldCompletions(spec.language, context),
  ];
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, text.length));
  const view = new EditorView({ state: EditorState.create({ doc: text, selection: { anchor: clamp(selection.anchor), head: clamp(selection.head) }, extensions }) });
  view.dom.classList.add('odot-editor-field', spec.multiline ? 'odot-editor-multiline' : 'odot-editor-line');
  if (spec.multiline) view.dom.style.setProperty('--odot-rows', String(spec.rows ?? 3));
  /** On leaving the field a name at the very end is complete too. */
  const finishNames = (target: EditorView): void => {
    if (!backslashInput(context)) return;
    const current = target.state.doc.toString();
    const replaced = replaceBackslashNames(current, target.state.selection.main.head, true);
    if (replaced.text !== current) target.dispatch({ changes: diffChange(current, replaced.text), userEvent: 'input.complete' });
  };
  return {
    element: view.dom,
    value: () => view.state.doc.toString(),
    setValue: (next) => {
      const current = view.state.doc.toString();
      if (current !== next) view.dispatch({ changes: diffChange(current, next), annotations: external.of(true) });
    },
    insert: (symbol) => {
      view.dispatch(view.state.replaceSelection(symbol));
      view.focus();
    },
    setMarks: (marks) => view.dispatch(setDiagnostics(view.state, diagnostics(marks, view.state.doc.length))),
    focus: () => view.focus(),
    selection: () => ({ anchor: view.state.selection.main.anchor, head: view.state.selection.main.head }),
    completing: () => completionStatus(view.state) === 'active',
    complete: () => void startCompletion(view),
    refresh: () => view.dispatch({ effects: recolour.of(null) }),
    destroy: () => view.destroy(),
  };
}
