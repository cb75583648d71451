import { replaceBackslashNames } from '@odot/core';
import { h, type Attributes } from './dom.ts';
import { completionsAt, type CompletionQuery, type FieldLanguage } from './field-completions.ts';
import type { LawList } from './law-list.ts';
import { plainCompletions } from './plain-completions.ts';
import type { PlaygroundDialect } from './state.ts';

/** A range of a field's text to underline, with the message shown on hover (offsets 0-based, UTF-16). */
export interface FieldMark {
  readonly from: number;
  readonly to: number;
  readonly severity: 'error' | 'warning' | 'note';
  readonly message: string;
}

/** A field's selection (offsets 0-based, UTF-16; equal for a caret). */
export interface FieldSelection {
  readonly anchor: number;
  readonly head: number;
}

/**
 * A text input of the playground: a plain `<input>`/`<textarea>` until the code editor has
 * loaded, then a CodeMirror editor (`editor.ts`) in its place. Both turn `\odot` into `⊙` and
 * list the same completions (`field-completions.ts`).
 */
export interface TextField {
  /** The element in the form. */
  readonly element: HTMLElement;
  readonly value: () => string;
  /** Replaces the text (no input event: the caller already knows). */
  readonly setValue: (text: string) => void;
  /** Inserts text at the caret (replacing the selection), focuses, and reports it as input. */
  readonly insert: (text: string) => void;
  /** Underlines ranges (the plain field cannot; it ignores them). */
  readonly setMarks: (marks: readonly FieldMark[]) => void;
  /** Moves the focus into the field, keeping its selection. */
  readonly focus: () => void;
  /** The selection (the caret where nothing is selected). */
  readonly selection: () => FieldSelection;
  /** Whether the completion list is open. */
  readonly completing: () => boolean;
  /** Asks for completions at the caret (the list opens when there are some). */
  readonly complete: () => void;
  /** Re-reads the context (the dialect changed: colours and backslash input follow). */
  readonly refresh: () => void;
  readonly destroy: () => void;
}

/** What a field reads from the playground. */
export interface FieldContext {
  /** The dialect expressions are read in. */
  readonly dialect: () => PlaygroundDialect;
  /** Runs after each user edit. */
  readonly onInput: () => void;
  /** The law catalogue's names for the proof editor's completions (asked of the worker once). */
  readonly laws: LawList;
}

/**
 * Whether typed backslash names become symbols: not in the LaTeX dialect, where `\odot` and
 * `B^\top` are what the parser reads.
 */
export const backslashInput = (context: FieldContext): boolean => context.dialect() !== 'latex';

/** What a field is for: a one-line input or a multi-line text. */
export interface FieldSpec {
  readonly multiline: boolean;
  /** Attributes of the editable element (`data-testid`, `aria-label`, …). */
  readonly attributes: Attributes;
  /** The language highlighted and completed: expressions, declarations, proofs, or plain text (no completions). */
  readonly language: FieldLanguage;
  readonly rows?: number;
}

/** What completions are asked for at the caret of a plain field (none with a selection, or in plain text). */
function plainQuery(el: HTMLInputElement | HTMLTextAreaElement, language: FieldLanguage, context: FieldContext): CompletionQuery | undefined {
  const caret = el.selectionStart ?? el.value.length;
  if (language === 'text' || caret !== (el.selectionEnd ?? caret)) return undefined;
  return { language, dialect: context.dialect(), text: el.value, caret };
}

/** A plain `<input>` or `<textarea>` with backslash input and the completion list. */
export function plainField(spec: FieldSpec, context: FieldContext): TextField {
  const onInput = context.onInput;
  const common = { spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', class: 'odot-mono', ...spec.attributes };
  const el = spec.multiline ? h('textarea', { rows: String(spec.rows ?? 3), ...common }) : h('input', { type: 'text', ...common });
  const completions =
    spec.language === 'text'
      ? undefined
      : plainCompletions(el, () => plainQuery(el, spec.language, context), (query) => completionsAt(query, context.laws), onInput);
  const apply = (atEnd: boolean): void => {
    if (!backslashInput(context)) return;
    const caret = el.selectionStart ?? el.value.length;
    const replaced = replaceBackslashNames(el.value, caret, atEnd);
    if (replaced.text === el.value) return;
    el.value = replaced.text;
    if (document.activeElement === el) el.setSelectionRange(replaced.caret, replaced.caret);
  };
  el.addEventListener('input', () => {
    apply(false);
    onInput();
    completions?.update();
  });
  el.addEventListener('blur', () => {
    const before = el.value;
    apply(true);
    if (el.value !== before) onInput();
  });
  return {
    element: el,
    value: () => el.value,
    setValue: (text) => {
      if (el.value !== text) el.value = text;
    },
    insert: (text) => {
      const start = el.selectionStart ?? el.value.length;
      const end = el.selectionEnd ?? start;
      el.value = el.value.slice(0, start) + text + el.value.slice(end);
      el.selectionStart = el.selectionEnd = start + text.length;
      el.focus();
      onInput();
    },
    setMarks: () => undefined,
    focus: () => el.focus(),
    selection: () => {
      const start = el.selectionStart ?? el.value.length;
      const end = el.selectionEnd ?? start;
      return el.selectionDirection === 'backward' ? { anchor: end, head: start } : { anchor: start, head: end };
    },
    completing: () => completions?.isOpen() ?? false,
    complete: () => completions?.update(),
    refresh: () => completions?.close(),
    destroy: () => completions?.destroy(),
  };
}

/** A field whose implementation can be swapped in place (plain → editor), keeping its text and marks. */
export interface FieldSlot {
  readonly spec: FieldSpec;
  readonly current: () => TextField;
  /** Sets the marks now and on any later implementation. */
  readonly setMarks: (marks: readonly FieldMark[]) => void;
  /**
   * Puts `next` (made with the current field's text and selection) where the current field is
   * and destroys the old one; the focus follows, and so does an open completion list.
   */
  readonly replace: (next: TextField) => void;
}

/** A slot holding a plain field to begin with. */
export function fieldSlot(spec: FieldSpec, context: FieldContext): FieldSlot {
  let field = plainField(spec, context);
  let marks: readonly FieldMark[] = [];
  return {
    spec,
    current: () => field,
    setMarks: (next) => {
      marks = next;
      field.setMarks(marks);
    },
    replace: (next) => {
      const focused = field.element.contains(document.activeElement);
      const completing = field.completing();
      field.element.replaceWith(next.element);
      field.destroy();
      field = next;
      field.setMarks(marks);
      if (focused) field.focus();
      if (focused && completing) field.complete();
    },
  };
}
